import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { FlowMetricsRepository } from '@notaflow/persistence';
import { repositoryProviders } from '../database/repository.providers';
import { AppMetrics } from './app-metrics';
import { FlowMetricsCollector } from './flow-metrics.collector';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { MetricsEndpoint } from './metrics.endpoint';

/** Operational metrics for Prometheus at `GET /metrics`; the worker serves Temporal's on a port of its own. */
@Module({
  providers: [
    AppMetrics,
    FlowMetricsCollector,
    MetricsEndpoint,
    HttpMetricsMiddleware,
    ...repositoryProviders(FlowMetricsRepository),
  ],
  exports: [AppMetrics],
})
export class MetricsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
