import { isEquatedDay, type WorkingDayCalendar } from './equated-days';
import { isPublicHoliday } from './holidays';
import { addDays, dayOfWeek, daysBetween, requireInteger, type IsoDate } from './iso-date';

/** A term as laws and rules state it; calendar parts are counted first, then working days. */
export interface TermLength {
  weeks?: number;
  days?: number;
  workingDays?: number;
}

const SATURDAY = 6;
const SUNDAY = 0;

/**
 * A day that counts for the Algemene termijnenwet: not a Saturday, Sunday or "algemeen erkende feestdag" (art. 3
 * lid 1 and 2, and the days a decree equates with them under lid 3, which only count when `calendar` holds them).
 */
export function isWorkingDay(date: IsoDate, calendar?: WorkingDayCalendar): boolean {
  const weekday = dayOfWeek(date);
  return weekday !== SATURDAY && weekday !== SUNDAY && !isPublicHoliday(date) && !isEquatedDay(date, calendar);
}

/**
 * The `n`th working day after `from` (before it when `n` is negative). With `n` = 0, `from` itself when it is a
 * working day, else the next one.
 */
export function addWorkingDays(from: IsoDate, n: number, calendar?: WorkingDayCalendar): IsoDate {
  requireInteger(n, 'n');
  if (n === 0) return nextWorkingDayOnOrAfter(from, calendar);
  const step = Math.sign(n);
  let date = from;
  for (let remaining = Math.abs(n); remaining > 0;) {
    date = addDays(date, step);
    if (isWorkingDay(date, calendar)) remaining--;
  }
  return date;
}

/** Working days after `a` up to and including `b`; negative when `b` is before `a`. */
export function workingDaysBetween(a: IsoDate, b: IsoDate, calendar?: WorkingDayCalendar): number {
  const span = daysBetween(a, b);
  // Backwards counts negative; `|| 0` keeps a span without working days 0, never -0 (which JSON would hide).
  if (span < 0) return -workingDaysBetween(b, a, calendar) || 0;
  let count = 0;
  for (let offset = 1; offset <= span; offset++) if (isWorkingDay(addDays(a, offset), calendar)) count++;
  return count;
}

/** Algemene termijnenwet art. 1: a term ending on a non-working day runs on to the next working day. */
export function nextWorkingDayOnOrAfter(date: IsoDate, calendar?: WorkingDayCalendar): IsoDate {
  return firstWorkingDay(date, 1, calendar);
}

export function previousWorkingDayOnOrBefore(date: IsoDate, calendar?: WorkingDayCalendar): IsoDate {
  return firstWorkingDay(date, -1, calendar);
}

/** The last day of a term that starts the day after `from`, run on to a working day. */
export function termEnd(
  from: IsoDate,
  { weeks = 0, days = 0, workingDays = 0 }: TermLength,
  calendar?: WorkingDayCalendar,
): IsoDate {
  for (const [what, value] of Object.entries({ weeks, days, workingDays })) requireInteger(value, what, 0);
  // With 0 working days this is the art. 1 roll-on; with more it already lands on a working day.
  return addWorkingDays(addDays(from, weeks * 7 + days), workingDays, calendar);
}

function firstWorkingDay(date: IsoDate, step: 1 | -1, calendar?: WorkingDayCalendar): IsoDate {
  let candidate = date;
  while (!isWorkingDay(candidate, calendar)) candidate = addDays(candidate, step);
  return candidate;
}
