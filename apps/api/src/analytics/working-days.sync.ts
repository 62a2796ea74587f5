import { createHash } from 'node:crypto';
import { isWorkingDay, type IsoDate } from '@notaflow/calendar';

/** Wide enough for every task the registry will hold; a day outside it has no working-day figure (null). */
export const WORKING_DAYS_RANGE = { from: '2000-01-01', to: '2099-12-31' } as const satisfies Record<string, IsoDate>;

export interface WorkingDayRows {
  days: IsoDate[];
  working: boolean[];
  /** Working days from the start of the range up to and including the day. */
  ordinals: number[];
}

/** Every day of [from, to] as libs/calendar sees it: the only source of the holiday rules the database uses. */
export function workingDayRows(from: IsoDate, to: IsoDate): WorkingDayRows {
  const rows: WorkingDayRows = { days: [], working: [], ordinals: [] };
  let ordinal = 0;
  // Days step as UTC midnights, which no clock change moves: 36,525 of them in well under a second.
  for (let ms = utcMidnight(from), end = utcMidnight(to); ms <= end; ms += DAY_MS) {
    const day = new Date(ms).toISOString().slice(0, 10);
    const working = isWorkingDay(day);
    if (working) ordinal++;
    rows.days.push(day);
    rows.working.push(working);
    rows.ordinals.push(ordinal);
  }
  return rows;
}

const DAY_MS = 86_400_000;
const utcMidnight = (day: IsoDate) => Date.parse(`${day}T00:00:00Z`);

/** The table's content as one string, written the same way here and in SQL, to see cheaply whether it changed. */
function digest(rows: WorkingDayRows): string {
  const text = rows.days.map((day, i) => `${day}${rows.working[i] ? 'w' : '-'}${rows.ordinals[i]}`).join(',');
  return createHash('md5').update(text).digest('hex');
}

export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** Any number, stable across processes: serialises the API replicas that start at the same moment. */
const WORKING_DAYS_LOCK = 0x6e660001;

/**
 * Brings `working_days` in step with libs/calendar and answers how many rows changed: none on an ordinary start,
 * every row on the first, a few when a holiday rule changed (then the materialised figures need a refresh).
 * `db` must be a transaction: the advisory lock is held until it ends.
 */
export async function syncWorkingDays(db: Queryable, range: { from: IsoDate; to: IsoDate } = WORKING_DAYS_RANGE) {
  const rows = workingDayRows(range.from, range.to);
  await db.query('SELECT pg_advisory_xact_lock($1)', [WORKING_DAYS_LOCK]);
  const [{ stored }] = (await db.query(
    `SELECT md5(string_agg(day::text || CASE WHEN is_working_day THEN 'w' ELSE '-' END || ordinal, ',' ORDER BY day))
       AS stored FROM working_days`,
  )) as { stored: string | null }[];
  if (stored === digest(rows)) return 0;
  const [{ changed }] = (await db.query(
    `WITH upserted AS (
       INSERT INTO working_days (day, is_working_day, ordinal)
       SELECT * FROM unnest($1::date[], $2::boolean[], $3::integer[])
       ON CONFLICT (day) DO UPDATE SET is_working_day = EXCLUDED.is_working_day, ordinal = EXCLUDED.ordinal
        WHERE (working_days.is_working_day, working_days.ordinal) IS DISTINCT FROM (EXCLUDED.is_working_day, EXCLUDED.ordinal)
       RETURNING 1
     ), removed AS (
       DELETE FROM working_days WHERE day < $4::date OR day > $5::date RETURNING 1
     )
     SELECT ((SELECT count(*) FROM upserted) + (SELECT count(*) FROM removed))::integer AS changed`,
    [rows.days, rows.working, rows.ordinals, range.from, range.to],
  )) as { changed: number }[];
  return changed;
}
