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

/**
 * The ministerraad's meeting calendar, kept as data: an explicit list, or a weekly rule with breaks and extra
 * meetings. The days a decree equates with a holiday (Algemene termijnenwet art. 3 lid 3) are deliberately not part
 * of the rule: they are equated "voor de toepassing van deze wet", for statutory terms only, and are ordinary days
 * otherwise; a Friday on which the ministerraad does not meet is recorded as a break, whatever the reason.
 */
export interface MinisterraadCalendar {
  /** When given, the authoritative meeting dates; the weekly rule, breaks and extra meetings are then not used. */
  meetings?: readonly IsoDate[];
  /** Periods without meetings, both ends included. */
  breaks?: readonly DateRange[];
  /**
   * Meetings the weekly rule does not give; they count even inside a break. A moved meeting is its new day here and
   * its old day as a one-day break.
   */
  extraMeetings?: readonly IsoDate[];
  /** Day of the weekly meeting, 0 = Sunday; Friday by default. */
  weekday?: number;
}

const FRIDAY = 5;

/**
 * Example data, not applied implicitly: the one break DOMAIN.md records (no meeting between 15 July and 15 August
 * 2022, both excluded). Actual breaks are administrator-maintained data passed in as `breaks`, seeded from
 * `ministerraadBreaksSeed`.
 */
export const defaultMinisterraadBreaks: readonly DateRange[] = Object.freeze([
  Object.freeze({ from: '2022-07-16', to: '2022-08-14' }),
]);

/**
 * The first meeting strictly after `after`. By the weekly rule a meeting that would fall in a break or on a public
 * holiday (Goede Vrijdag) is not moved to another day: the next week's meeting is the next one.
 */
export function nextMinisterraad(after: IsoDate, calendar: MinisterraadCalendar = {}): IsoDate {
  const { meetings, breaks = [], extraMeetings = [], weekday = FRIDAY } = calendar;
  if (meetings) return firstListedAfter(after, meetings);
  requireInteger(weekday, 'weekday', 0, 6);
  let meeting = addDays(after, ((weekday - dayOfWeek(after) + 6) % 7) + 1);
  while (isPublicHoliday(meeting) || breaks.some((range) => isInRange(meeting, range))) meeting = addDays(meeting, 7);
  const extra = extraMeetings.filter((date) => compareIsoDates(date, after) > 0).sort(compareIsoDates)[0];
  return extra !== undefined && compareIsoDates(extra, meeting) < 0 ? extra : meeting;
}

/** How far back a meeting is looked for before the search gives up: two years without one means bad data. */
const MAX_WEEKS_WITHOUT_MEETING = 104;

/**
 * The last meeting on or before `date`: the counterpart of nextMinisterraad, by the same rule (a day is a meeting
 * day when it is the next meeting after the day before it), for planning backwards from a fixed date.
 */
export function latestMinisterraadOnOrBefore(date: IsoDate, calendar: MinisterraadCalendar = {}): IsoDate {
  const { meetings, extraMeetings = [], weekday = FRIDAY } = calendar;
  if (meetings) return lastListedOnOrBefore(date, meetings);
  requireInteger(weekday, 'weekday', 0, 6);
  const extra = extraMeetings
    .filter((meeting) => compareIsoDates(meeting, date) <= 0)
    .sort(compareIsoDates)
    .at(-1);
  let candidate = addDays(date, -((dayOfWeek(date) - weekday + 7) % 7));
  for (let week = 0; week < MAX_WEEKS_WITHOUT_MEETING; week++, candidate = addDays(candidate, -7)) {
    if (extra !== undefined && compareIsoDates(extra, candidate) >= 0) return extra;
    if (nextMinisterraad(addDays(candidate, -1), calendar) === candidate) return candidate;
  }
  if (extra !== undefined) return extra;
  throw new RangeError(`No ministerraad meeting in the ${MAX_WEEKS_WITHOUT_MEETING} weeks up to ${date}`);
}

function lastListedOnOrBefore(date: IsoDate, meetings: readonly IsoDate[]): IsoDate {
  const last = meetings
    .filter((meeting) => compareIsoDates(meeting, date) <= 0)
    .sort(compareIsoDates)
    .at(-1);
  if (last === undefined) throw new RangeError(`No ministerraad meeting is listed on or before ${date}`);
  return last;
}

function firstListedAfter(after: IsoDate, meetings: readonly IsoDate[]): IsoDate {
  const next = meetings.filter((meeting) => compareIsoDates(meeting, after) > 0).sort(compareIsoDates)[0];
  if (next === undefined) throw new RangeError(`No ministerraad meeting is listed after ${after}`);
  return next;
}
