/**
 * Deadlines of the Kamer (toezeggingen, commissiedebatten, moties, ...) and postponements of them: the fixed
 * vocabularies and the ISO 8601 periods that make a recurrence explicit. Pure: no I/O, no clock.
 */

export const DEADLINE_KINDS = [
  'toezegging',
  'commissiedebat',
  'motie',
  'kamervragen',
  'begrotingsbehandeling',
  'reporting',
  'schriftelijk_overleg',
  'tweeminutendebat',
  'commissieverzoek',
  'other',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const DEADLINE_STATUSES = ['open', 'met', 'missed', 'cancelled'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

/** The statuses an open deadline may be closed with. */
export const DEADLINE_CLOSING_STATUSES = ['met', 'missed', 'cancelled'] as const;
export type DeadlineClosingStatus = (typeof DEADLINE_CLOSING_STATUSES)[number];

export const POSTPONEMENT_STATUSES = ['requested', 'granted', 'refused'] as const;
export type PostponementStatus = (typeof POSTPONEMENT_STATUSES)[number];

export const POSTPONEMENT_OUTCOMES = ['granted', 'refused'] as const;
export type PostponementOutcome = (typeof POSTPONEMENT_OUTCOMES)[number];

/** Reminders go out this many working days before a deadline, unless the deadline says otherwise. */
export const DEFAULT_REMINDER_LEAD_WORKING_DAYS: readonly number[] = [10, 5, 1];

/** A calendar period: `P2Y` is `{ years: 2, months: 0, weeks: 0, days: 0 }`. */
export interface IsoPeriod {
  years: number;
  months: number;
  weeks: number;
  days: number;
}

// Date components only: a deadline is a calendar day, so a time part (`PT12H`) has no meaning here.
const ISO_PERIOD = /^P(?:(\d{1,4})Y)?(?:(\d{1,4})M)?(?:(\d{1,4})W)?(?:(\d{1,4})D)?$/;

/**
 * Reads an ISO 8601 period of whole years, months, weeks and days (`P2Y`, `P6M`, `P1Y6M`, `P2W`).
 * Returns undefined for anything else: a bare word ("tweejaarlijks"), lower case, a time part, an empty `P`,
 * or a period of zero length (a recurrence that never moves on).
 */
export function parseIsoPeriod(value: unknown): IsoPeriod | undefined {
  if (typeof value !== 'string') return undefined;
  const match = ISO_PERIOD.exec(value);
  if (!match) return undefined;
  const [years, months, weeks, days] = match.slice(1).map((part) => (part === undefined ? 0 : Number(part)));
  if (years + months + weeks + days === 0) return undefined;
  return { years, months, weeks, days };
}

export function isIsoPeriod(value: unknown): value is string {
  return parseIsoPeriod(value) !== undefined;
}

/** The canonical spelling: zero components left out, so `P1Y0M` becomes `P1Y`. */
export function formatIsoPeriod(period: IsoPeriod): string {
  const parts: [number, string][] = [
    [period.years, 'Y'],
    [period.months, 'M'],
    [period.weeks, 'W'],
    [period.days, 'D'],
  ];
  return `P${parts
    .filter(([n]) => n > 0)
    .map(([n, unit]) => `${n}${unit}`)
    .join('')}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar day (`YYYY-MM-DD`) plus a period: years and months first, clamped to the end of a shorter month
 * (2024-02-29 + P1Y = 2025-02-28, 2024-01-31 + P1M = 2024-02-29), then weeks and days.
 */
export function addIsoPeriod(date: string, period: IsoPeriod | string): string {
  const p = typeof period === 'string' ? parseIsoPeriod(period) : period;
  if (!p) throw new RangeError(`Invalid ISO 8601 period "${String(period)}"`);
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`Invalid date "${date}": expected YYYY-MM-DD`);
  const [year, month, day] = match.slice(1).map(Number);
  const monthIndex = year * 12 + (month - 1) + p.years * 12 + p.months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  const clampedDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  const ms = utcMs(targetYear, targetMonth, clampedDay) + (p.weeks * 7 + p.days) * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(utcMs(year, month + 1, 0)).getUTCDate();
}

function utcMs(year: number, month: number, day: number): number {
  return new Date(0).setUTCFullYear(year, month - 1, day);
}
