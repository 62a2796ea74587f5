import { prinsjesdag, vergaderjaarOf } from './vergaderjaar';

describe(prinsjesdag.name, () => {
  it.each([
    [2020, '2020-09-15'],
    [2023, '2023-09-19'],
    [2024, '2024-09-17'],
    [2025, '2025-09-16'],
  ])('%i -> %s', (year, expected) => {
    expect(prinsjesdag(year)).toBe(expected);
  });
});

describe(vergaderjaarOf.name, () => {
  it.each([
    ['2023-09-18', '2022-2023'],
    ['2023-09-19', '2023-2024'],
    ['2023-12-31', '2023-2024'],
    ['2024-01-01', '2023-2024'],
    ['2024-09-16', '2023-2024'],
    ['2024-09-17', '2024-2025'],
  ])('%s -> %s', (date, expected) => {
    expect(vergaderjaarOf(date)).toBe(expected);
  });
});
