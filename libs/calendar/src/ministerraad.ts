import { isPublicHoliday } from './holidays';
import {
  addDays,
  compareIsoDates,
  dayOfWeek,
  isInRange,
  requireInteger,
  type DateRange,
  type IsoDate,
} from './iso-date';

/** The ministerraad's meeting calendar, kept as data: an explicit list, or a weekly rule with breaks. */
export interface MinisterraadCalendar {
  /** When given, the authoritative meeting dates; the weekly rule and breaks are then not used. */
  meetings?: readonly IsoDate[];
  /** Periods without meetings, both ends included. */
  breaks?: readonly DateRange[];
  /** Day of the weekly meeting, 0 = Sunday; Friday by default. */
  weekday?: number;
}

const FRIDAY = 5;

/**
 * Example data, not applied implicitly: the one break DOMAIN.md records (no meeting between 15 July and 15 August
 * 2022, both excluded). Actual breaks are administrator-maintained data passed in as `breaks`.
 */
export const defaultMinisterraadBreaks: readonly DateRange[] = Object.freeze([
  Object.freeze({ from: '2022-07-16', to: '2022-08-14' }),
]);

/**
 * The first meeting strictly after `after`. By the weekly rule a meeting that would fall in a break or on a public
 * holiday (Goede Vrijdag) is not moved to another day: the next week's meeting is the next one.
 */
export function nextMinisterraad(after: IsoDate, calendar: MinisterraadCalendar = {}): IsoDate {
  const { meetings, breaks = [], weekday = FRIDAY } = calendar;
  if (meetings) return firstListedAfter(after, meetings);
  requireInteger(weekday, 'weekday', 0, 6);
  let meeting = addDays(after, ((weekday - dayOfWeek(after) + 6) % 7) + 1);
  while (isPublicHoliday(meeting) || breaks.some((range) => isInRange(meeting, range))) meeting = addDays(meeting, 7);
  return meeting;
}

function firstListedAfter(after: IsoDate, meetings: readonly IsoDate[]): IsoDate {
  const next = meetings.filter((meeting) => compareIsoDates(meeting, after) > 0).sort(compareIsoDates)[0];
  if (next === undefined) throw new RangeError(`No ministerraad meeting is listed after ${after}`);
  return next;
}
