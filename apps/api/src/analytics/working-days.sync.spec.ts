import { holidaysOf, isWorkingDay, workingDaysBetween } from '@notaflow/calendar';
import { WORKING_DAYS_RANGE, workingDayRows } from './working-days.sync';

describe(workingDayRows.name, () => {
  const rows = workingDayRows('2023-12-25', '2025-01-10');
  const ordinal = (day: string) => rows.ordinals[rows.days.indexOf(day)];

  it('lists every day once, in order', () => {
    expect(rows.days[0]).toBe('2023-12-25');
    expect(rows.days.at(-1)).toBe('2025-01-10');
    expect(rows.days).toHaveLength(383);
    expect(new Set(rows.days).size).toBe(rows.days.length);
  });

  it('takes the holidays from libs/calendar', () => {
    for (const { date } of holidaysOf(2024)) expect(rows.working[rows.days.indexOf(date)]).toBe(false);
    expect(rows.working[rows.days.indexOf('2024-05-09')]).toBe(false); // Hemelvaartsdag
    expect(rows.working[rows.days.indexOf('2024-05-08')]).toBe(true);
  });

  it('makes ordinal differences equal workingDaysBetween, for any two days', () => {
    const days = rows.days.filter((_, i) => i % 7 === 0 || i % 11 === 0);
    for (const a of days.slice(0, 20)) {
      for (const b of days) expect(ordinal(b) - ordinal(a)).toBe(workingDaysBetween(a, b));
    }
  });

  it('counts working days only', () => {
    for (let i = 1; i < rows.days.length; i++) {
      expect(rows.ordinals[i] - rows.ordinals[i - 1]).toBe(isWorkingDay(rows.days[i]) ? 1 : 0);
    }
  });

  it('covers a generous range, across clock changes and leap days', () => {
    expect(WORKING_DAYS_RANGE).toEqual({ from: '2000-01-01', to: '2099-12-31' });
    expect(rows.days).toContain('2024-02-29');
    expect(rows.days.indexOf('2024-03-31') + 1).toBe(rows.days.indexOf('2024-04-01'));
    expect(rows.days.indexOf('2024-10-27') + 1).toBe(rows.days.indexOf('2024-10-28'));
  });
});
