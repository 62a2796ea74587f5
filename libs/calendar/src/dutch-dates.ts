import type { IsoDate } from './iso-date';

// Read at UTC midnight, so the process time zone never shifts a day.
const date = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const dateWithWeekday = new Intl.DateTimeFormat('nl-NL', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const time = new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' });

/** "12 oktober 2023"; with `weekday`, "donderdag 12 oktober 2023", as a Dutch letter writes a date. */
export function formatDutchDate(day: IsoDate, options: { weekday?: boolean } = {}): string {
  return (options.weekday ? dateWithWeekday : date).format(new Date(`${day}T00:00:00Z`));
}

/** "17:00", the time of an instant in The Hague. */
export function formatDutchTime(instant: Date | string): string {
  return time.format(typeof instant === 'string' ? new Date(instant) : instant);
}
