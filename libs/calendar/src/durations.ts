import type { WorkingDayCalendar } from './equated-days';
import { addDays, isoDateAtUtcMs, utcMidnightMs, type IsoDate } from './iso-date';
import { workingDaysBetween } from './working-days';

// Without an offset, JavaScript reads an instant in the process time zone, which must never decide a deadline.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/i;

const amsterdamClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

export function toAmsterdamDate(instant: Date | string): IsoDate {
  return isoDateAtUtcMs(amsterdamWallClockAsUtcMs(toEpochMs(instant)));
}

/** The instant Europe/Amsterdam's day `date` begins: 00:00 local, whatever the offset that day. */
export function amsterdamStartOfDayInstant(date: IsoDate): Date {
  const wallClockMidnight = utcMidnightMs(date);
  // The offset at the first guess can differ from the one at local midnight when a DST change lies between them.
  const guess = wallClockMidnight - amsterdamOffsetMs(wallClockMidnight);
  return new Date(wallClockMidnight - amsterdamOffsetMs(guess));
}

/** The last millisecond of Europe/Amsterdam's day `date` (23 or 25 hours after its start on DST days). */
export function amsterdamEndOfDayInstant(date: IsoDate): Date {
  return new Date(amsterdamStartOfDayInstant(addDays(date, 1)).getTime() - 1);
}

/** Working days between the Amsterdam calendar days of two ISO 8601 instants, as `workingDaysBetween`. */
export function workingDaysBetweenInstants(startIso: string, endIso: string, calendar?: WorkingDayCalendar): number {
  return workingDaysBetween(toAmsterdamDate(startIso), toAmsterdamDate(endIso), calendar);
}

function toEpochMs(instant: Date | string): number {
  const ms = typeof instant === 'string' ? (ISO_INSTANT.test(instant) ? Date.parse(instant) : NaN) : instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Invalid instant "${String(instant)}": expected ISO 8601 with an offset`);
  return ms;
}

function amsterdamOffsetMs(epochMs: number): number {
  return amsterdamWallClockAsUtcMs(epochMs) - Math.floor(epochMs / 1000) * 1000;
}

/** Amsterdam's wall-clock time at `epochMs`, to the second, as if it were UTC. */
function amsterdamWallClockAsUtcMs(epochMs: number): number {
  const part = Object.fromEntries(
    amsterdamClock.formatToParts(epochMs).map(({ type, value }) => [type, Number(value)]),
  );
  return Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute, part.second);
}
