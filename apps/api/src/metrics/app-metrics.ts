import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The API's metrics, in a registry of its own rather than prom-client's global one: two applications in one
 * process (the e2e tests) would otherwise register every metric twice.
 */
@Injectable()
export class AppMetrics {
  readonly registry = new Registry();

  readonly httpRequestDuration = new Histogram({
    name: 'notaflow_http_request_duration_seconds',
    help: 'HTTP requests to /api/v1 by route template, method and status, from arrival to the last byte sent',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly flowsStarted = new Counter({
    name: 'notaflow_flows_started_total',
    help: 'Approval flows ever started (notas submitted), from PostgreSQL: the same on every API replica',
    registers: [this.registry],
  });

  readonly flowsCompleted = new Counter({
    name: 'notaflow_flows_completed_total',
    help: 'Approval flows ended, by outcome (dispatched, rejected, withdrawn), from PostgreSQL',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly openTasks = new Gauge({
    name: 'notaflow_open_tasks',
    help: 'Tasks open now, by stage',
    labelNames: ['stage'] as const,
    registers: [this.registry],
  });

  readonly overdueOpenTasks = new Gauge({
    name: 'notaflow_overdue_open_tasks',
    help: 'Tasks open now and past their due moment, by stage',
    labelNames: ['stage'] as const,
    registers: [this.registry],
  });

  readonly analyticsViewAge = new Gauge({
    name: 'notaflow_analytics_view_age_seconds',
    help: 'Since the analytics view was last refreshed (figures stay current; this bounds what is read live)',
    registers: [this.registry],
  });

  readonly analyticsViewRefreshDuration = new Gauge({
    name: 'notaflow_analytics_view_refresh_duration_seconds',
    help: 'How long the last refresh of the analytics view took',
    registers: [this.registry],
  });

  readonly documentIntegrityFailures = new Counter({
    name: 'notaflow_document_integrity_failures_total',
    help: 'Stored documents whose bytes no longer matched their SHA-256 when read: never served, each an alert',
    labelNames: ['store'] as const,
    registers: [this.registry],
  });

  readonly databaseScrapeErrors = new Counter({
    name: 'notaflow_metrics_database_errors_total',
    help: 'Scrapes whose PostgreSQL figures could not be read (the previous figures are shown)',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
