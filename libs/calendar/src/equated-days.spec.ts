import { isEquatedDay } from './equated-days';
import { holidaysOf } from './holidays';
import { addDays, compareIsoDates, dayOfWeek, parseIsoDate } from './iso-date';
import { equatedDaysSeed } from './seeds/equated-days.seed';
import { isWorkingDay } from './working-days';

const atw = { equatedDays: equatedDaysSeed };

describe('equatedDaysSeed', () => {
  it.each(equatedDaysSeed.map(({ date, reason }) => [date, reason]))(
    '%s (%s) is no working day under the Algemene termijnenwet',
    (date) => {
      expect(isEquatedDay(date, atw)).toBe(true);
      expect(isWorkingDay(date, atw)).toBe(false);
    },
  );

  it('holds every day of the decrees for 2017-2019, 2023-2025 and 2026-2028', () => {
    expect(equatedDaysSeed.map(({ date }) => date)).toEqual(
      expect.arrayContaining([
        // Besluit van 24 oktober 2016
        ...['2017-04-28', '2017-05-26', '2018-05-11', '2018-12-24', '2018-12-31', '2019-05-31', '2019-12-27'],
        // Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 en 30 mei 2025
        ...['2023-04-28', '2023-05-19', '2024-05-10', '2024-12-27', '2025-05-30'],
        // Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028
        ...['2026-01-02', '2026-05-15', '2027-05-07', '2028-04-28', '2028-05-26'],
      ]),
    );
  });

  it('holds no day of 2020 or 2021, which no source names', () => {
    const years = equatedDaysSeed.map(({ date }) => parseIsoDate(date).year);
    expect(years).not.toContain(2020);
    expect(years).not.toContain(2021);
  });

  it('gives each day a reason that matches the holiday it bridges', () => {
    for (const { date, reason } of equatedDaysSeed) {
      const [, weekday, relation, holiday] = /^(vrijdag|maandag) (na|voor) (.+)$/.exec(reason) ?? [];
      expect(dayOfWeek(date)).toBe(weekday === 'vrijdag' ? 5 : 1);
      const neighbour = addDays(date, relation === 'na' ? -1 : 1);
      expect(holidaysOf(parseIsoDate(neighbour).year)).toContainEqual({ date: neighbour, name: holiday });
    }
  });

  it('is in date order, without duplicates, each day with its source', () => {
    const dates = equatedDaysSeed.map(({ date }) => date);
    expect(dates).toEqual([...new Set(dates)].sort(compareIsoDates));
    for (const { source } of equatedDaysSeed) expect(source.trim()).not.toBe('');
    expect(Object.isFrozen(equatedDaysSeed)).toBe(true);
  });

  it('names the days known only from a secondary source as such', () => {
    expect(equatedDaysSeed.find(({ date }) => date === '2022-05-27')?.source).toMatch(/^Secondary source only/);
  });
});

describe(isEquatedDay.name, () => {
  it('knows no equated day without the data: only the caller can pass the decrees', () => {
    expect(isEquatedDay('2024-12-27')).toBe(false);
    expect(isEquatedDay('2024-12-27', { equatedDays: [] })).toBe(false);
    expect(isWorkingDay('2024-12-27')).toBe(true);
  });

  it('takes whatever days an admin maintains', () => {
    const equatedDays = [{ date: '2030-05-31', reason: 'vrijdag na Hemelvaartsdag', source: 'a future decree' }];
    expect(isEquatedDay('2030-05-31', { equatedDays })).toBe(true);
    expect(isEquatedDay('2024-12-27', { equatedDays })).toBe(false);
  });

  it('rejects a malformed date in the data rather than ignoring it', () => {
    expect(() => isEquatedDay('2024-12-27', { equatedDays: [{ date: '2024-02-30' }] })).toThrow(RangeError);
  });
});
