import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The columns of an item, the function's result and the view's. */
const ITEM_COLUMNS = `
  item_key text,
  kind text,
  nota_id uuid,
  nota_organisation text,
  dossier text,
  stage text,
  organisation text,
  started_at timestamptz,
  ended_at timestamptz,
  ended_on date,
  due_at timestamptz,
  turnaround_seconds double precision,
  turnaround_working_days integer,
  overdue boolean`;

/**
 * The items ended in [after, before). One text for the function and the view: the view cannot call the function,
 * because PostgreSQL (17+) refreshes a view with a search_path of pg_catalog only, where a function body's
 * unqualified table names resolve to nothing.
 */
function itemsQuery(after: string, before: string): string {
  return `
    SELECT t.id::text AS item_key, 'task' AS kind, t.nota_id, n.organisation_code AS nota_organisation, n.dossier,
           t.stage, t.organisation, t.created_at AS started_at, t.decided_at AS ended_at,
           (t.decided_at AT TIME ZONE 'Europe/Amsterdam')::date AS ended_on, t.due_at,
           extract(epoch FROM t.decided_at - t.created_at)::double precision AS turnaround_seconds,
           e.ordinal - s.ordinal AS turnaround_working_days,
           t.decided_at > t.due_at AS overdue
      FROM tasks t
      JOIN notas n ON n.id = t.nota_id
      LEFT JOIN working_days s ON s.day = (t.created_at AT TIME ZONE 'Europe/Amsterdam')::date
      LEFT JOIN working_days e ON e.day = (t.decided_at AT TIME ZONE 'Europe/Amsterdam')::date
     WHERE t.status = 'done' AND t.decided_at >= ${after} AND t.decided_at < ${before}
    UNION ALL
    -- Waiting on the directorate: counted for the nota's own organisation, never for the reviewer who asked.
    SELECT 'changes_requested:' || v.id, 'changes_requested', v.nota_id, n.organisation_code, n.dossier,
           'changes_requested', n.organisation_code, c.at, v.at, (v.at AT TIME ZONE 'Europe/Amsterdam')::date, NULL,
           extract(epoch FROM v.at - c.at)::double precision,
           e.ordinal - s.ordinal,
           false
      FROM flow_events v
      JOIN LATERAL (
             SELECT c.at FROM flow_events c
              WHERE c.workflow_id = v.workflow_id AND c.seq < v.seq AND c.type = 'changes_requested'
              ORDER BY c.seq DESC LIMIT 1
           ) c ON true
      JOIN notas n ON n.id = v.nota_id
      LEFT JOIN working_days s ON s.day = (c.at AT TIME ZONE 'Europe/Amsterdam')::date
      LEFT JOIN working_days e ON e.day = (v.at AT TIME ZONE 'Europe/Amsterdam')::date
     WHERE v.type = 'version_submitted' AND v.at >= ${after} AND v.at < ${before}`;
}

/**
 * Turnaround analytics in PostgreSQL (`GET /api/v1/analytics/turnaround` and `/overdue`).
 *
 * - `working_days`: every day of a generous range with its running count of working days, filled and kept in step
 *   with libs/calendar by the API at start-up (no list of holidays in SQL). Working days between two days are
 *   `b.ordinal - a.ordinal`: the days after `a` up to and including `b`, as libs/calendar's `workingDaysBetween`.
 * - An item is what a turnaround is measured on: a decided task (creation to decision) or a completed
 *   changes_requested pause (the request to the next version_submitted of that flow). Cancelled tasks are none.
 * - `analytics_turnaround`: the items ended before the watermark, materialised with their working days and indexed
 *   by the nota's organisation and end, refreshed concurrently by the API. An item never changes once ended, so a
 *   query reads the view up to the watermark and `analytics_turnaround_items(watermark, ...)` live after it: the
 *   figures are current without a refresh per write. The watermark lies an hour before the refresh began, so a write
 *   arriving up to an hour after the moment it records (an activity retried) is still read live; one arriving later
 *   still (an import of old history) counts from the next refresh on.
 */
export class Analytics1763900600000 implements MigrationInterface {
  name = 'Analytics1763900600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE working_days (
        day date PRIMARY KEY,
        is_working_day boolean NOT NULL,
        ordinal integer NOT NULL
      )`);

    // The live half of every query walks these instead of the whole log.
    await db.query(
      `CREATE INDEX flow_events_version_submitted_idx ON flow_events (at) WHERE type = 'version_submitted'`,
    );
    await db.query(
      `CREATE INDEX flow_events_changes_requested_idx ON flow_events (workflow_id, seq) WHERE type = 'changes_requested'`,
    );

    await db.query(`
      CREATE FUNCTION analytics_watermark() RETURNS timestamptz LANGUAGE sql STABLE
      AS $$ SELECT now() - interval '1 hour' $$`);

    // SQL, STABLE and one statement: the planner inlines it, so filters on its result reach the tables' indexes.
    await db.query(`
      CREATE FUNCTION analytics_turnaround_items(ended_after timestamptz, ended_before timestamptz)
      RETURNS TABLE (${ITEM_COLUMNS})
      LANGUAGE sql STABLE
      AS $$ ${itemsQuery('ended_after', 'ended_before')} $$`);

    await db.query(`
      CREATE TABLE analytics_refresh (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        watermark timestamptz NOT NULL,
        refreshed_at timestamptz NOT NULL,
        duration_ms integer
      )`);
    // One transaction: the view and its watermark always match.
    await db.query(`
      CREATE MATERIALIZED VIEW analytics_turnaround AS ${itemsQuery(`'-infinity'::timestamptz`, 'analytics_watermark()')}`);
    await db.query(`INSERT INTO analytics_refresh (watermark, refreshed_at) VALUES (analytics_watermark(), now())`);
    // REFRESH ... CONCURRENTLY needs a unique index on plain, non-null columns.
    await db.query(`CREATE UNIQUE INDEX analytics_turnaround_item_key_idx ON analytics_turnaround (item_key)`);
    // A manager reads their own organisation's notas in a period: everything a query needs is in the index.
    await db.query(`
      CREATE INDEX analytics_turnaround_organisation_ended_idx ON analytics_turnaround (nota_organisation, ended_at)
        INCLUDE (kind, stage, organisation, dossier, ended_on, turnaround_seconds, turnaround_working_days, overdue)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP MATERIALIZED VIEW analytics_turnaround');
    await db.query('DROP TABLE analytics_refresh');
    await db.query('DROP FUNCTION analytics_turnaround_items(timestamptz, timestamptz)');
    await db.query('DROP FUNCTION analytics_watermark()');
    await db.query('DROP INDEX flow_events_changes_requested_idx');
    await db.query('DROP INDEX flow_events_version_submitted_idx');
    await db.query('DROP TABLE working_days');
  }
}
