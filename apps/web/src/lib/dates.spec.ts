import {
  addDays,
  amsterdamDay,
  formatDay,
  formatInstant,
  formatMonth,
  formatShortDay,
  isIsoDay,
  isoWeekday,
} from './dates';

describe('dates in Dutch', () => {
  it('writes a calendar day the Dutch way', () => {
    expect(formatDay('2024-06-21')).toBe('21 juni 2024');
    expect(formatShortDay('2024-06-21')).toBe('vr 21 jun 2024');
    expect(formatMonth('2026-12')).toBe('december 2026');
  });

  it('writes an instant in Amsterdam time, summer and winter', () => {
    expect(formatInstant('2024-06-17T12:05:00Z')).toBe('17 juni 2024 om 14:05');
    expect(formatInstant('2023-12-21T08:30:00+00:00')).toBe('21 december 2023 om 09:30');
  });

  it('takes the Amsterdam day of an instant, not the UTC one', () => {
    expect(amsterdamDay('2024-06-30T22:30:00Z')).toBe('2024-07-01');
    expect(amsterdamDay('2024-12-31T22:59:59Z')).toBe('2024-12-31');
  });

  it('knows real days from look-alikes', () => {
    expect(isIsoDay('2024-02-29')).toBe(true);
    expect(isIsoDay('2023-02-29')).toBe(false);
    expect(isIsoDay('2023-2-1')).toBe(false);
  });

  it('counts calendar days and weekdays', () => {
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addDays('2024-01-01', -1)).toBe('2023-12-31');
    expect(isoWeekday('2026-11-30')).toBe(1);
    expect(isoWeekday('2026-12-06')).toBe(7);
  });
});
