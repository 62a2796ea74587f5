import { holidaysOf, isPublicHoliday } from './holidays';

const TERMIJNENWET_NAMES = [
  'Nieuwjaarsdag',
  'Goede Vrijdag',
  'Tweede Paasdag',
  'Koningsdag',
  'Bevrijdingsdag',
  'Hemelvaartsdag',
  'Tweede Pinksterdag',
  'Eerste Kerstdag',
  'Tweede Kerstdag',
];

describe(holidaysOf.name, () => {
  it('gives exactly the Algemene termijnenwet holidays of 2024', () => {
    expect(holidaysOf(2024)).toEqual([
      { date: '2024-01-01', name: 'Nieuwjaarsdag' },
      { date: '2024-03-29', name: 'Goede Vrijdag' },
      { date: '2024-04-01', name: 'Tweede Paasdag' },
      { date: '2024-04-27', name: 'Koningsdag' },
      { date: '2024-05-05', name: 'Bevrijdingsdag' },
      { date: '2024-05-09', name: 'Hemelvaartsdag' },
      { date: '2024-05-20', name: 'Tweede Pinksterdag' },
      { date: '2024-12-25', name: 'Eerste Kerstdag' },
      { date: '2024-12-26', name: 'Tweede Kerstdag' },
    ]);
  });

  it('moves Koningsdag to 26 April when the 27th is a Sunday (2025)', () => {
    expect(holidaysOf(2025).map(({ date }) => date)).toEqual([
      '2025-01-01',
      '2025-04-18',
      '2025-04-21',
      '2025-04-26',
      '2025-05-05',
      '2025-05-29',
      '2025-06-09',
      '2025-12-25',
      '2025-12-26',
    ]);
  });

  it('has the same nine holidays every year in date order, Bevrijdingsdag included', () => {
    for (let year = 2000; year <= 2100; year++) {
      const holidays = holidaysOf(year);
      expect(holidays.map(({ name }) => name).sort()).toEqual([...TERMIJNENWET_NAMES].sort());
      expect(holidays.find(({ name }) => name === 'Bevrijdingsdag')?.date).toBe(`${year}-05-05`);
      expect(holidays.map(({ date }) => date)).toEqual(holidays.map(({ date }) => date).sort());
    }
  });

  it('serves a frozen list from its cache', () => {
    expect(holidaysOf(2024)).toBe(holidaysOf(2024));
    expect(Object.isFrozen(holidaysOf(2024))).toBe(true);
  });

  it('rejects a year that is not an integer', () => {
    expect(() => holidaysOf(2024.5)).toThrow(RangeError);
  });
});

describe(isPublicHoliday.name, () => {
  it.each([
    ['2024-01-01', 'Nieuwjaarsdag'],
    ['2025-01-01', 'Nieuwjaarsdag'],
    ['2024-03-29', 'Goede Vrijdag'],
    ['2024-04-01', 'Tweede Paasdag'],
    ['2024-04-27', 'Koningsdag on a Saturday'],
    ['2023-04-27', 'Koningsdag on a Thursday'],
    ['2026-04-27', 'Koningsdag on a Monday'],
    ['2025-04-26', 'Koningsdag moved from Sunday'],
    ['2023-05-05', 'Bevrijdingsdag outside a lustrum year'],
    ['2024-05-05', 'Bevrijdingsdag'],
    ['2024-05-09', 'Hemelvaartsdag'],
    ['2024-05-20', 'Tweede Pinksterdag'],
    ['2024-12-25', 'Eerste Kerstdag'],
    ['2024-12-26', 'Tweede Kerstdag'],
  ])('%s (%s) is one', (date) => {
    expect(isPublicHoliday(date)).toBe(true);
  });

  it.each([
    ['2024-03-31', 'Eerste Paasdag'],
    ['2024-05-19', 'Eerste Pinksterdag'],
    ['2025-04-27', '27 April on a Sunday'],
    ['2024-04-30', 'former Koninginnedag'],
    ['2024-05-04', 'Dodenherdenking'],
    ['2024-09-17', 'Prinsjesdag'],
    ['2024-11-11', 'Sint-Maarten'],
    ['2024-12-05', 'Sinterklaas'],
    ['2024-12-15', 'Koninkrijksdag'],
    ['2024-12-31', 'Oudejaarsdag'],
    ['2024-03-28', 'an ordinary Thursday'],
  ])('%s (%s) is not', (date) => {
    expect(isPublicHoliday(date)).toBe(false);
  });

  it('rejects an invalid date', () => {
    expect(() => isPublicHoliday('2024-02-30')).toThrow(RangeError);
  });
});
