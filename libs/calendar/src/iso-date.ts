/** A calendar day in Europe/Amsterdam, written `YYYY-MM-DD`. */
export type IsoDate = string;

export interface IsoDateParts {
  year: number;
  /** 1 = January. */
  month: number;
  day: number;
}

/** Both ends included, the way the Kamer publishes recesses ("7 juli t/m 4 september"). */
export interface DateRange {
  from: IsoDate;
  to: IsoDate;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Throws a RangeError unless `value` is an existing day written exactly as `YYYY-MM-DD`. */
export function parseIsoDate(value: string): IsoDateParts {
  const parts = tryParseIsoDate(value);
  if (!parts) throw new RangeError(`Invalid date "${value}": expected an existing day as YYYY-MM-DD`);
  return parts;
}

export function isValidIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && tryParseIsoDate(value) !== undefined;
}

export function toIsoDate(year: number, month: number, day: number): IsoDate {
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  parseIsoDate(iso);
  return iso;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  requireInteger(days, 'days');
  return isoDateAtUtcMs(utcMidnightMs(date) + days * MS_PER_DAY);
}

/** 0 = Sunday ... 6 = Saturday, as `Date#getDay`. */
export function dayOfWeek(date: IsoDate): number {
  return new Date(utcMidnightMs(date)).getUTCDay();
}

/** -1, 0 or 1; usable as a sort comparator. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return Math.sign(utcMidnightMs(a) - utcMidnightMs(b));
}

/** Calendar days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return (utcMidnightMs(to) - utcMidnightMs(from)) / MS_PER_DAY;
}

export function isInRange(date: IsoDate, range: DateRange): boolean {
  return compareIsoDates(range.from, date) <= 0 && compareIsoDates(date, range.to) <= 0;
}

/** The date's midnight read as UTC: the one place where days become numbers, so no process time zone leaks in. */
export function utcMidnightMs(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  return utcMs(year, month, day);
}

export function isoDateAtUtcMs(ms: number): IsoDate {
  const iso = new Date(ms).toISOString().slice(0, 10);
  if (!ISO_DATE.test(iso)) throw new RangeError(`Date out of range: ${new Date(ms).toISOString()}`);
  return iso;
}

export function requireInteger(value: number, what: string, min = -Infinity, max = Infinity): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${what} must be an integer in [${min}, ${max}], got ${value}`);
  }
}

function tryParseIsoDate(value: string): IsoDateParts | undefined {
  const match = ISO_DATE.exec(value);
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number);
  // An impossible day such as 02-30 rolls over into the next month, which is how it is caught.
  const date = new Date(utcMs(year, month, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? { year, month, day } : undefined;
}

function utcMs(year: number, month: number, day: number): number {
  // Date.UTC would read years 0-99 as 1900-1999; setUTCFullYear does not.
  return new Date(0).setUTCFullYear(year, month - 1, day);
}
