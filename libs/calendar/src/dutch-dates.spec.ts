import { formatDutchDate, formatDutchTime } from './dutch-dates';

describe(formatDutchDate.name, () => {
  it('writes the day as a Dutch letter does', () => {
    expect(formatDutchDate('2023-10-12')).toBe('12 oktober 2023');
    expect(formatDutchDate('2024-03-01')).toBe('1 maart 2024');
  });

  it('names the weekday when asked', () => {
    expect(formatDutchDate('2026-12-07', { weekday: true })).toBe('maandag 7 december 2026');
  });
});

describe(formatDutchTime.name, () => {
  it('gives the time in The Hague, summer and winter', () => {
    expect(formatDutchTime('2026-12-07T22:59:59.999Z')).toBe('23:59');
    expect(formatDutchTime('2026-06-01T15:00:00Z')).toBe('17:00');
  });
});
