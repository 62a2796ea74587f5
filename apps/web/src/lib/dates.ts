// Dates as the API writes them: calendar days `YYYY-MM-DD` (Europe/Amsterdam) and instants in ISO 8601. Shown the
// Dutch way, always in Amsterdam time whatever the browser's own zone: a deadline is a day in The Hague.
const ZONE = 'Europe/Amsterdam';

const dayFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortDayFormat = new Intl.DateTimeFormat('nl-NL', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const monthFormat = new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const instantFormat = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: ZONE,
});
// en-CA writes dates as YYYY-MM-DD: the cheapest way to the calendar day of an instant in a given zone.
const isoDayFormat = new Intl.DateTimeFormat('en-CA', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  timeZone: ZONE,
});

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function utcDate(day: string): Date {
  const match = ISO_DAY.exec(day);
  if (!match) throw new RangeError(`not a calendar day: ${day}`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

/** `2024-06-21` -> `21 juni 2024`. */
export function formatDay(day: string): string {
  return dayFormat.format(utcDate(day));
}

/** A deadline's day; one the Kamer gave no date (yet) reads as it is said: "z.s.m.". */
export function formatDueDay(day: string | null, format: (day: string) => string = formatDay): string {
  return day === null ? 'z.s.m.' : format(day);
}

/** `2024-06-21` -> `vr 21 jun 2024`: with the weekday, for lists where the day of the week matters. */
export function formatShortDay(day: string): string {
  return shortDayFormat.format(utcDate(day)).replace(/\./g, '');
}

/** An instant -> `17 juni 2024 om 14:05`, in Amsterdam time. */
export function formatInstant(instant: string): string {
  // From the parts, not the formatted string: ICU versions differ in what they put between date and time.
  const parts = Object.fromEntries(instantFormat.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return `${parts.day} ${parts.month} ${parts.year} om ${parts.hour}:${parts.minute}`;
}

/** `2024-06` -> `juni 2024`. */
export function formatMonth(month: string): string {
  return monthFormat.format(utcDate(`${month}-01`));
}

/** The Amsterdam calendar day of an instant. */
export function amsterdamDay(instant: Date | string): string {
  return isoDayFormat.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** Today in Amsterdam. */
export function today(now: Date = new Date()): string {
  return amsterdamDay(now);
}

export function isIsoDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const date = utcDate(value);
  return date.toISOString().slice(0, 10) === value;
}

/** Calendar days added to a day (negative goes back). */
export function addDays(day: string, days: number): string {
  const date = utcDate(day);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Monday 1 ... Sunday 7, as ISO 8601 counts. */
export function isoWeekday(day: string): number {
  return ((utcDate(day).getUTCDay() + 6) % 7) + 1;
}
