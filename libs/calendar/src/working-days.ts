import { isEquatedDay, type WorkingDayCalendar } from './equated-days';
import { isPublicHoliday } from './holidays';
import { addDays, compareIsoDates, dayOfWeek, daysBetween, requireInteger, type IsoDate } from './iso-date';

/** A term as laws and rules state it; calendar parts are counted first, then working days. */
export interface TermLength {
  weeks?: number;
  days?: number;
  workingDays?: number;
}

const SATURDAY = 6;
const SUNDAY = 0;

/**
 * Algemene termijnenwet art. 4 lid 1 onder a: the law "geldt niet voor termijnen omschreven [...] in meer dan 90
 * dagen, in meer dan twaalf weken". (Terms in hours, months or years cannot be written as a TermLength.)
 */
const ATW_MAX_DAYS = 90;
const ATW_MAX_WEEKS = 12;
/** Art. 2 applies to "een in een wet gestelde termijn van ten minste drie dagen". */
const ART_2_MIN_DAYS = 3;
const ART_2_WORKING_DAYS = 2;

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

/**
 * The last day of a statutory term of `length` (a number of calendar days, or weeks and days) that starts the day
 * after `from`, the day of the event: the term's days are the ones after it, as in "binnen vier weken gerekend vanaf
 * de dag na die waarop het verzoek is ontvangen" (Woo art. 4.4 lid 1). Then the Algemene termijnenwet:
 *
 * - art. 1 lid 1: "Een in een wet gestelde termijn die op een zaterdag, zondag of algemeen erkende feestdag eindigt,
 *   wordt verlengd tot en met de eerstvolgende dag die niet een zaterdag, zondag of algemeen erkende feestdag is."
 *   (Lid 2 excludes terms counted backwards from an event; this function only counts forwards.)
 * - art. 2: "Een in een wet gestelde termijn van ten minste drie dagen wordt, zo nodig, zoveel verlengd, dat daarin
 *   ten minste twee dagen voorkomen die niet een zaterdag, zondag of algemeen erkende feestdag zijn." "Daarin" is the
 *   term's own days, so `from` does not count: a term of three days from a Friday ends on Monday by art. 1, holds one
 *   working day, and art. 2 extends it to Tuesday.
 * - art. 4 lid 1 onder a: a term of more than 90 days or more than twelve weeks is outside the law and ends on its
 *   calendar day, whatever day that is.
 *
 * "Algemeen erkende feestdag" includes the days equated by decree (art. 3 lid 3), read from `calendar`.
 * `workingDays` is no statutory notion: when given, that many working days are counted on from the calendar end.
 */
export function termEnd(from: IsoDate, length: number | TermLength, calendar?: WorkingDayCalendar): IsoDate {
  const { weeks = 0, days = 0, workingDays = 0 } = typeof length === 'number' ? { days: length } : length;
  for (const [what, value] of Object.entries({ weeks, days, workingDays })) requireInteger(value, what, 0);
  const calendarDays = weeks * 7 + days;
  const calendarEnd = addDays(from, calendarDays);
  if (workingDays > 0) return addWorkingDays(calendarEnd, workingDays, calendar);
  if (calendarDays > ATW_MAX_DAYS || weeks > ATW_MAX_WEEKS) return calendarEnd;
  const art1End = nextWorkingDayOnOrAfter(calendarEnd, calendar);
  if (calendarDays < ART_2_MIN_DAYS) return art1End;
  // The term up to the second working day after `from` holds exactly two, so the later of the two ends extends the
  // term only when it needs to, and only as far as it needs to ("zo nodig, zoveel").
  const art2End = addWorkingDays(from, ART_2_WORKING_DAYS, calendar);
  return compareIsoDates(art2End, art1End) > 0 ? art2End : art1End;
}

function firstWorkingDay(date: IsoDate, step: 1 | -1, calendar?: WorkingDayCalendar): IsoDate {
  let candidate = date;
  while (!isWorkingDay(candidate, calendar)) candidate = addDays(candidate, step);
  return candidate;
}
