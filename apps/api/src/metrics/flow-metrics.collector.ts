import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NOTA_STAGES } from '@notaflow/domain';
import { AppMetrics } from './app-metrics';

const OUTCOMES = ['dispatched', 'rejected', 'withdrawn'] as const;
const TASK_STAGES = NOTA_STAGES.filter((stage) => stage !== 'done');
/** Scrapes closer together than this (several Prometheus servers, a browser reloading) read the database once. */
const MAX_AGE_MS = 5_000;

interface FigureRow {
  metric: 'flows' | 'open_tasks' | 'overdue_tasks' | 'view_age' | 'view_refresh';
  label: string | null;
  value: number;
}

/**
 * Flow and task figures read from PostgreSQL when Prometheus scrapes, so they hold across restarts and replicas.
 * One statement over small sets: notas (one row per flow), the open tasks' partial index, one bookkeeping row.
 */
@Injectable()
export class FlowMetricsCollector {
  private readonly logger = new Logger(FlowMetricsCollector.name);
  private last: { at: number; reading: Promise<void> } | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly metrics: AppMetrics,
  ) {}

  collect(): Promise<void> {
    const now = Date.now();
    if (!this.last || now - this.last.at > MAX_AGE_MS) this.last = { at: now, reading: this.read() };
    return this.last.reading;
  }

  private async read(): Promise<void> {
    const m = this.metrics;
    try {
      const rows = await this.dataSource.transaction(async (db) => {
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
          SELECT 'view_refresh', NULL, duration_ms / 1000.0::float8 FROM analytics_refresh WHERE duration_ms IS NOT NULL`)) as FigureRow[];
      });
      const value = (metric: FigureRow['metric'], label: string | null = null) =>
        rows.find((row) => row.metric === metric && row.label === label)?.value;
      this.clear();
      m.flowsStarted.inc(rows.filter((row) => row.metric === 'flows').reduce((sum, row) => sum + row.value, 0));
      for (const outcome of OUTCOMES) m.flowsCompleted.inc({ outcome }, value('flows', outcome) ?? 0);
      for (const stage of TASK_STAGES) {
        m.openTasks.set({ stage }, value('open_tasks', stage) ?? 0);
        m.overdueOpenTasks.set({ stage }, value('overdue_tasks', stage) ?? 0);
      }
      const age = value('view_age');
      if (age !== undefined) m.analyticsViewAge.set(age);
      const refresh = value('view_refresh');
      if (refresh !== undefined) m.analyticsViewRefreshDuration.set(refresh);
    } catch (error) {
      // The last figures stay: emptying the counters would read as a reset to Prometheus. The error counter shows it.
      m.databaseScrapeErrors.inc();
      this.logger.warn({ err: error }, 'metrics: could not read the figures from PostgreSQL');
    }
  }

  /** Counters have no set(): reset and add, in one synchronous step, so no scrape sees the gap. */
  private clear(): void {
    const m = this.metrics;
    for (const metric of [m.flowsStarted, m.flowsCompleted, m.openTasks, m.overdueOpenTasks]) metric.reset();
  }
}
