import type { DataSource } from 'typeorm';

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
 * after it (what the API runs). `live`: everything read live from the base tables (the benchmark's naive baseline,
 * which must give the same figures).
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

/**
 * Runs the query as the API does: the watermark and the figures in one snapshot (a refresh committing in between
 * would otherwise count an item twice or not at all). `live` skips the view, for the benchmark's baseline.
 */
export async function readTurnaround(
  dataSource: DataSource,
  groupBy: TurnaroundGroupBy,
  filter: TurnaroundFilter,
  source: 'view' | 'live' = 'view',
): Promise<TurnaroundRow[]> {
  if (source === 'live') {
    const { sql, parameters } = turnaroundQuery(groupBy, filter, 'live');
    return (await dataSource.query(sql, parameters)) as TurnaroundRow[];
  }
  return dataSource.transaction('REPEATABLE READ', async (db) => {
    await db.query('SET TRANSACTION READ ONLY');
    const [{ watermark }] = (await db.query('SELECT watermark FROM analytics_refresh')) as { watermark: Date }[];
    const { sql, parameters } = turnaroundQuery(groupBy, filter, { view: watermark });
    return (await db.query(sql, parameters)) as TurnaroundRow[];
  });
}
