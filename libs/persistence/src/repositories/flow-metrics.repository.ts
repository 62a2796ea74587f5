import type { EntityManager } from 'typeorm';
import { managerOf, type Database } from './database';

/** One figure: flows per status, open and overdue tasks per stage, the analytics view's age and refresh time. */
export interface FlowFigure {
  metric: 'flows' | 'open_tasks' | 'overdue_tasks' | 'view_age' | 'view_refresh';
  label: string | null;
  value: number;
}

/**
 * The flow and task figures Prometheus scrapes, read from PostgreSQL so they hold across restarts and replicas.
 * One statement over small sets: notas (one row per flow), the open tasks' partial index, one bookkeeping row.
 */
export class FlowMetricsRepository {
  private readonly db: EntityManager;

  constructor(source: Database) {
    this.db = managerOf(source);
  }

  figures(): Promise<FlowFigure[]> {
    return this.db.transaction(async (db) => {
      // A scrape must never queue behind a slow database: better a gap in the graph.
      await db.query(`SET LOCAL statement_timeout = '2s'`);
      return (await db.query(`
        SELECT 'flows' AS metric, status AS label, count(*)::float8 AS value
          FROM notas WHERE workflow_id IS NOT NULL GROUP BY status
        UNION ALL
        SELECT 'open_tasks', stage, count(*)::float8 FROM tasks WHERE status = 'open' GROUP BY stage
        UNION ALL
        SELECT 'overdue_tasks', stage, count(*)::float8 FROM tasks WHERE status = 'open' AND due_at < now() GROUP BY stage
        UNION ALL
        SELECT 'view_age', NULL, extract(epoch FROM now() - refreshed_at)::float8 FROM analytics_refresh
        UNION ALL
        SELECT 'view_refresh', NULL, duration_ms / 1000.0::float8 FROM analytics_refresh WHERE duration_ms IS NOT NULL`)) as FlowFigure[];
    });
  }
}
