import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { managerOf, type Database } from './database';

export const TURNAROUND_GROUP_BY = ['stage', 'organisation', 'month'] as const;
export type TurnaroundGroupBy = (typeof TURNAROUND_GROUP_BY)[number];

/** What the figures are taken over; instants are the bounds of Europe/Amsterdam days, `before` exclusive. */
export interface TurnaroundFilter {
  notaOrganisation: string;
  after: Date;
  before: Date;
  dossier: string | null;
  organisation: string | null;
}

export interface TurnaroundRow {
  key: string;
  kind: 'task' | 'changes_requested';
  count: number;
  seconds_pct: number[] | null;
  mean_seconds: number | null;
  working_days_pct: number[] | null;
  mean_working_days: number | null;
  overdue_count: number;
  on_time_count: number;
  deadline_count: number;
}

/** What is open of an organisation's work, due by a day: `today` and `dueBy` Europe/Amsterdam days. */
export interface OverdueFilter {
  organisation: string;
  asOf: Date;
  today: string;
  dueBy: string;
  /** The first instant after `dueBy`. */
  dueBefore: Date;
}

export interface OverdueRow {
  kind: 'task' | 'deadline';
  id: string;
  type: string;
  title: string;
  nota_id: string | null;
  ons_kenmerk: string | null;
  dossier: string | null;
  stage: string | null;
  organisation: string;
  assignee: string | null;
  due_on: string;
  due_at: Date;
  overdue: boolean;
  working_days_left: number | null;
}

export interface RefreshOutcome {
  refreshed: boolean;
  durationMs: number;
}

/** Every day of a range as libs/calendar sees it, in order. */
export interface WorkingDayRows {
  days: string[];
  working: boolean[];
  /** Working days from the start of the range up to and including the day. */
  ordinals: number[];
}

/** Any numbers, stable across processes: one refresh, and one working-days sync, at a time over all replicas. */
const REFRESH_LOCK = 0x6e660002;
const WORKING_DAYS_LOCK = 0x6e660001;

/**
 * The management figures: turnaround over the materialised view `analytics_turnaround` plus its live tail, what
 * is overdue, the view's refresh, and the `working_days` table the figures count in.
 */
export class AnalyticsRepository {
  private readonly db: EntityManager;

  constructor(source: Database) {
    this.db = managerOf(source);
  }

  /**
   * The turnaround figures as the API reads them: the watermark and the figures in one snapshot (a refresh
   * committing in between would otherwise count an item twice or not at all). `live` skips the view, for the
   * benchmark's baseline, which must give the same figures.
   */
  turnaround(groupBy: TurnaroundGroupBy, filter: TurnaroundFilter, source: 'view' | 'live' = 'view') {
    if (source === 'live') {
      const { sql, parameters } = turnaroundQuery(groupBy, filter, 'live');
      return this.db.query(sql, parameters) as Promise<TurnaroundRow[]>;
    }
    return this.db.transaction('REPEATABLE READ', async (db) => {
      await db.query('SET TRANSACTION READ ONLY');
      const [{ watermark }] = (await db.query('SELECT watermark FROM analytics_refresh')) as { watermark: Date }[];
      const { sql, parameters } = turnaroundQuery(groupBy, filter, { view: watermark });
      return (await db.query(sql, parameters)) as TurnaroundRow[];
    });
  }

  /** Open tasks on the organisation's notas and its open deadlines due by `dueBy`, soonest first. */
  overdue(filter: OverdueFilter): Promise<OverdueRow[]> {
    return this.db.query(
      `SELECT x.*, w.ordinal - now_w.ordinal AS working_days_left
         FROM (
           SELECT 'task' AS kind, t.id, t.type, n.title, t.nota_id, n.ons_kenmerk, n.dossier, t.stage, t.organisation,
                  t.assignee, (t.due_at AT TIME ZONE 'Europe/Amsterdam')::date::text AS due_on, t.due_at,
                  t.due_at < $2 AS overdue
             FROM tasks t
             JOIN notas n ON n.id = t.nota_id
            WHERE t.status = 'open' AND n.organisation_code = $1 AND t.due_at < $4
           UNION ALL
           SELECT 'deadline', d.id, d.kind, d.title, d.nota_id, n.ons_kenmerk, d.dossier, NULL, d.organisation_code,
                  NULL, d.due_on::text,
                  -- Due at the end of its day, as a task is: one order for both.
                  ((d.due_on + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam') - interval '1 millisecond',
                  d.due_on < $3::date
             FROM deadlines d
             LEFT JOIN notas n ON n.id = d.nota_id
            WHERE d.status = 'open' AND d.organisation_code = $1 AND d.due_on <= $5::date
         ) x
         LEFT JOIN working_days w ON w.day = x.due_on::date
         LEFT JOIN working_days now_w ON now_w.day = $3::date
        ORDER BY x.due_at, x.kind, x.id`,
      [filter.organisation, filter.asOf, filter.today, filter.dueBefore, filter.dueBy],
    );
  }

  /**
   * Recomputes `analytics_turnaround` without blocking readers, and moves the watermark in the same transaction, so
   * a reader sees the old view with the old watermark or the new with the new. `wait: false` gives way when another
   * process is refreshing (the scheduled case); `wait: true` waits for it and refreshes after (the caller has just
   * written history and needs it in).
   */
  async refreshView({ wait }: { wait: boolean }): Promise<RefreshOutcome> {
    const outcome = await this.db.transaction(async (db): Promise<RefreshOutcome> => {
      if (wait) {
        await db.query('SELECT pg_advisory_xact_lock($1)', [REFRESH_LOCK]);
      } else {
        const [{ locked }] = (await db.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [REFRESH_LOCK])) as {
          locked: boolean;
        }[];
        if (!locked) return { refreshed: false, durationMs: 0 };
      }
      const started = performance.now();
      await db.query('REFRESH MATERIALIZED VIEW CONCURRENTLY analytics_turnaround');
      const durationMs = Math.round(performance.now() - started);
      // now() is the transaction's start, as it was inside the view's query: the watermarks agree.
      await db.query(
        'UPDATE analytics_refresh SET watermark = analytics_watermark(), refreshed_at = now(), duration_ms = $1',
        [durationMs],
      );
      return { refreshed: true, durationMs };
    });
    // The pages a refresh rewrote lose their all-visible bit until a vacuum; autovacuum waits for far more inserts
    // than a refresh makes, and without the bit the index-only scans behind every query fetch from the heap.
    if (outcome.refreshed) await this.db.query('VACUUM (ANALYZE) analytics_turnaround');
    return outcome;
  }

  /** Whether some process refreshed the view in the last `seconds`. */
  async refreshedWithin(seconds: number): Promise<boolean> {
    const [{ recent }] = (await this.db.query(
      `SELECT refreshed_at > now() - make_interval(secs => $1) AS recent FROM analytics_refresh`,
      [seconds],
    )) as { recent: boolean }[];
    return recent;
  }

  /**
   * Brings `working_days` in step with `rows`, which span `range`, and answers how many rows changed: none on an
   * ordinary start, every row on the first, a few when a holiday rule changed (then the view needs a refresh).
   * One process at a time: replicas that start together line up on a lock held until the transaction ends.
   */
  syncWorkingDays(rows: WorkingDayRows, range: { from: string; to: string }): Promise<number> {
    return this.db.transaction(async (db) => {
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
    });
  }
}

/** The table's content as one string, written the same way here and in SQL above, to see cheaply whether it changed. */
function digest(rows: WorkingDayRows): string {
  const text = rows.days.map((day, i) => `${day}${rows.working[i] ? 'w' : '-'}${rows.ordinals[i]}`).join(',');
  return createHash('md5').update(text).digest('hex');
}

// Fixed fragments chosen by a validated enum, never built from input.
const KEYS: Record<TurnaroundGroupBy, string> = {
  stage: 'stage',
  organisation: 'organisation',
  month: `to_char(day, 'YYYY-MM')`,
};

const ITEM_COLUMNS = 'kind, stage, organisation, ended_on AS day, turnaround_seconds, turnaround_working_days, overdue';
const ITEM_FILTER = (alias: string) =>
  `${alias}.nota_organisation = $1 AND ($4::text IS NULL OR ${alias}.dossier = $4)` +
  ` AND ($5::text IS NULL OR ${alias}.organisation = $5)`;

/**
 * Where the items come from. `view`: the materialised items up to the watermark plus the same definition read live
 * after it (what the API runs). `live`: everything read live from the base tables (the benchmark's naive baseline).
 */
const ITEMS = {
  view: `
    SELECT ${ITEM_COLUMNS} FROM analytics_turnaround a
     WHERE a.ended_at >= $2 AND a.ended_at < $3 AND ${ITEM_FILTER('a')}
    UNION ALL
    SELECT ${ITEM_COLUMNS} FROM analytics_turnaround_items(GREATEST($6::timestamptz, $2), $3) l
     WHERE ${ITEM_FILTER('l')}`,
  live: `
    SELECT ${ITEM_COLUMNS} FROM analytics_turnaround_items($2, $3) l WHERE ${ITEM_FILTER('l')}`,
};

/**
 * One statement: percentiles, means and deadline figures per group, in PostgreSQL. Parameters: $1 the nota's
 * organisation (the manager's), $2/$3 the period's instants, $4 dossier, $5 holding organisation (both optional),
 * and for the view $6 its watermark, read in the same snapshot: as a value rather than a subquery it lets the
 * planner see how few items lie after it.
 *
 * `count`, the percentiles and the means are over the items ended in the period. Deadline figures also take the
 * tasks still open whose due moment fell in the period and has passed: they are late whatever happens next, and move
 * to the period of their decision once decided.
 */
export function turnaroundQuery(
  groupBy: TurnaroundGroupBy,
  filter: TurnaroundFilter,
  source: { view: Date } | 'live',
): { sql: string; parameters: unknown[] } {
  const sql = `
    WITH items AS (${source === 'live' ? ITEMS.live : ITEMS.view}
    ), open_overdue AS (
      SELECT t.stage, t.organisation, (t.due_at AT TIME ZONE 'Europe/Amsterdam')::date AS day
        FROM tasks t
        JOIN notas n ON n.id = t.nota_id
       WHERE t.status = 'open' AND t.due_at >= $2 AND t.due_at < LEAST($3, now())
         AND n.organisation_code = $1 AND ($4::text IS NULL OR n.dossier = $4)
         AND ($5::text IS NULL OR t.organisation = $5)
    ), facts AS (
      SELECT kind, stage, organisation, day, turnaround_seconds AS seconds,
             turnaround_working_days::double precision AS working_days, overdue, true AS ended
        FROM items
      UNION ALL
      SELECT 'task', stage, organisation, day, NULL, NULL, true, false FROM open_overdue
    )
    SELECT ${KEYS[groupBy]} AS key, kind,
           (count(*) FILTER (WHERE ended))::integer AS count,
           percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY seconds) AS seconds_pct,
           avg(seconds) AS mean_seconds,
           percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY working_days) AS working_days_pct,
           avg(working_days) AS mean_working_days,
           (count(*) FILTER (WHERE overdue))::integer AS overdue_count,
           (count(*) FILTER (WHERE ended AND NOT overdue))::integer AS on_time_count,
           count(*)::integer AS deadline_count
      FROM facts
     GROUP BY 1, 2`;
  const parameters = [filter.notaOrganisation, filter.after, filter.before, filter.dossier, filter.organisation];
  return { sql, parameters: source === 'live' ? parameters : [...parameters, source.view] };
}
