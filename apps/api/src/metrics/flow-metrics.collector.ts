import { Injectable, Logger } from '@nestjs/common';
import { NOTA_STAGES } from '@notaflow/domain';
import { FlowMetricsRepository, type FlowFigure } from '@notaflow/persistence';
import { AppMetrics } from './app-metrics';

const OUTCOMES = ['dispatched', 'rejected', 'withdrawn'] as const;
const TASK_STAGES = NOTA_STAGES.filter((stage) => stage !== 'done');
/** Scrapes closer together than this (several Prometheus servers, a browser reloading) read the database once. */
const MAX_AGE_MS = 5_000;

/** Flow and task figures read from PostgreSQL when Prometheus scrapes, so they hold across restarts and replicas. */
@Injectable()
export class FlowMetricsCollector {
  private readonly logger = new Logger(FlowMetricsCollector.name);
  private last: { at: number; reading: Promise<void> } | undefined;

  constructor(
    private readonly figures: FlowMetricsRepository,
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
      const rows = await this.figures.figures();
      const value = (metric: FlowFigure['metric'], label: string | null = null) =>
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
