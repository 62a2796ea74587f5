import { amsterdamStartOfDayInstant, type IsoDate } from '@notaflow/calendar';

const HOUR_MS = 3_600_000;
/** Reminders go out at the start of the office day, not at midnight. */
export const REMINDER_HOUR = 9;

/** 9:00 in The Hague on `date` (reminders fall on working days, never on a daylight-saving Sunday). */
export function reminderInstant(date: IsoDate): Date {
  return new Date(amsterdamStartOfDayInstant(date).getTime() + REMINDER_HOUR * HOUR_MS);
}
