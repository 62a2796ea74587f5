import { addDays, isoWeekday } from './dates';

export interface GridDay {
  day: string;
  inMonth: boolean;
}

/** The weeks of a month (`2024-06`) for a calendar, Monday first as in the Netherlands, with the days around it. */
export function monthGrid(month: string): GridDay[][] {
  const first = `${month}-01`;
  const start = addDays(first, 1 - isoWeekday(first));
  const weeks: GridDay[][] = [];
  for (let day = start; weeks.length === 0 || day.startsWith(month);) {
    const week: GridDay[] = [];
    for (let i = 0; i < 7; i++, day = addDays(day, 1)) week.push({ day, inMonth: day.startsWith(month) });
    weeks.push(week);
  }
  return weeks;
}

/** `2024-06` moved by whole months. */
export function addMonths(month: string, months: number): string {
  const [year, m] = month.split('-').map(Number);
  const index = year * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function lastDayOf(month: string): string {
  return addDays(`${addMonths(month, 1)}-01`, -1);
}
