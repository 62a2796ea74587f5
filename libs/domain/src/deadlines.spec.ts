import { addIsoPeriod, formatIsoPeriod, isIsoPeriod, parseIsoPeriod } from './deadlines';

describe('ISO 8601 periods for recurring deadlines', () => {
  it.each([
    ['P2Y', { years: 2, months: 0, weeks: 0, days: 0 }],
    ['P6M', { years: 0, months: 6, weeks: 0, days: 0 }],
    ['P1Y6M', { years: 1, months: 6, weeks: 0, days: 0 }],
    ['P2W', { years: 0, months: 0, weeks: 2, days: 0 }],
    ['P10D', { years: 0, months: 0, weeks: 0, days: 10 }],
    ['P1Y2M3W4D', { years: 1, months: 2, weeks: 3, days: 4 }],
  ])('reads %s', (text, period) => {
    expect(parseIsoPeriod(text)).toEqual(period);
    expect(isIsoPeriod(text)).toBe(true);
  });

  it.each([
    'tweejaarlijks',
    'twee keer per jaar',
    '',
    'P',
    'P0Y',
    'P0D',
    'p2y',
    '2Y',
    'P2',
    'PT12H',
    'P1DT2H',
    'P6M1Y',
    'P-1Y',
    'P1.5Y',
    ' P2Y',
    'P2Y ',
    'P12345Y',
  ])('refuses %j', (text) => {
    expect(parseIsoPeriod(text)).toBeUndefined();
    expect(isIsoPeriod(text)).toBe(false);
  });

  it('refuses what is not a string', () => {
    for (const value of [undefined, null, 2, { years: 2 }, ['P2Y']]) expect(isIsoPeriod(value)).toBe(false);
  });

  it('writes the canonical form', () => {
    expect(formatIsoPeriod({ years: 1, months: 6, weeks: 0, days: 0 })).toBe('P1Y6M');
    expect(formatIsoPeriod(parseIsoPeriod('P0Y2W')!)).toBe('P2W');
  });

  it('adds a period to a calendar day', () => {
    expect(addIsoPeriod('2024-06-17', 'P2Y')).toBe('2026-06-17');
    expect(addIsoPeriod('2024-06-17', 'P6M')).toBe('2024-12-17');
    expect(addIsoPeriod('2024-09-30', 'P1Y6M')).toBe('2026-03-30');
    expect(addIsoPeriod('2024-12-25', 'P2W')).toBe('2025-01-08');
    expect(addIsoPeriod('2024-12-31', 'P1D')).toBe('2025-01-01');
  });

  it('clamps to the end of a shorter month', () => {
    expect(addIsoPeriod('2024-02-29', 'P1Y')).toBe('2025-02-28');
    expect(addIsoPeriod('2024-02-29', 'P4Y')).toBe('2028-02-29');
    expect(addIsoPeriod('2024-01-31', 'P1M')).toBe('2024-02-29');
    expect(addIsoPeriod('2023-08-31', 'P6M')).toBe('2024-02-29');
  });

  it('throws on a bad period or date', () => {
    expect(() => addIsoPeriod('2024-01-01', 'tweejaarlijks')).toThrow(RangeError);
    expect(() => addIsoPeriod('1-1-2024', 'P1Y')).toThrow(RangeError);
  });
});
