import { addDays, amsterdamStartOfDayInstant, type IsoDate } from '@notaflow/calendar';

/** Without `from`, a period reaches back this many days, `to` included: a year. */
export const DEFAULT_PERIOD_DAYS = 365;

/**
 * The instants that bound a period of Europe/Amsterdam days, both days included: from the start of `from` up to
 * (not including) the start of the day after `to`, whatever the clock change in between.
 */
export function periodInstants(from: IsoDate, to: IsoDate): { after: Date; before: Date } {
  return { after: amsterdamStartOfDayInstant(from), before: amsterdamStartOfDayInstant(addDays(to, 1)) };
}

/** `to` defaults to today and `from` to the 365 days that end on `to`, but not before `earliest`. */
export function resolvePeriod(
  today: IsoDate,
  from?: IsoDate,
  to?: IsoDate,
  earliest?: IsoDate,
): { from: IsoDate; to: IsoDate } {
  const end = to ?? today;
  const yearBefore = addDays(end, -(DEFAULT_PERIOD_DAYS - 1));
  return { from: from ?? (earliest && earliest > yearBefore ? earliest : yearBefore), to: end };
}
