import { isWorkingDay, type IsoDate, type WorkingDayCalendar } from '@notaflow/calendar';
import type { WorkingDayRows } from '@notaflow/persistence';

/** Wide enough for every task the registry will hold; a day outside it has no working-day figure (null). */
export const WORKING_DAYS_RANGE = { from: '2000-01-01', to: '2099-12-31' } as const satisfies Record<string, IsoDate>;

/**
 * Every day of [from, to] as libs/calendar sees it with the equated days in `calendar`: the only source of the
 * holiday rules the database uses, brought into `working_days` by AnalyticsRepository.syncWorkingDays at start-up and
 * whenever an administrator changes the equated days.
 */
export function workingDayRows(from: IsoDate, to: IsoDate, calendar?: WorkingDayCalendar): WorkingDayRows {
  const rows: WorkingDayRows = { days: [], working: [], ordinals: [] };
  let ordinal = 0;
  // Days step as UTC midnights, which no clock change moves: 36,525 of them in well under a second.
  for (let ms = utcMidnight(from), end = utcMidnight(to); ms <= end; ms += DAY_MS) {
    const day = new Date(ms).toISOString().slice(0, 10);
    const working = isWorkingDay(day, calendar);
    if (working) ordinal++;
    rows.days.push(day);
    rows.working.push(working);
    rows.ordinals.push(ordinal);
  }
  return rows;
}

const DAY_MS = 86_400_000;
const utcMidnight = (day: IsoDate) => Date.parse(`${day}T00:00:00Z`);
