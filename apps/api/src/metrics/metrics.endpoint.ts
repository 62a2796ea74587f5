import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { AppConfig } from '@notaflow/config';
import type { Request, Response } from 'express';
import { problem, PROBLEM_CONTENT_TYPE } from '../common/problem';
import { APP_CONFIG } from '../config/config.module';
import { AppMetrics } from './app-metrics';
import { FlowMetricsCollector } from './flow-metrics.collector';
import { bearerMatches } from './metrics-token';

export const METRICS_PATH = '/metrics';

/**
 * `GET /metrics` in Prometheus' text format, where scrapers look for it: outside /api/v1, so neither the API's
 * version nor its access tokens apply. Open unless METRICS_TOKEN is set; then Prometheus sends it as a bearer token
 * (`authorization: { credentials: ... }` in its scrape config). Registered on the HTTP server before Nest's
 * not-found handler, which Nest adds after the modules' init hooks.
 */
@Injectable()
export class MetricsEndpoint implements OnModuleInit {
  private readonly logger = new Logger(MetricsEndpoint.name);

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly metrics: AppMetrics,
    private readonly flows: FlowMetricsCollector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.adapterHost.httpAdapter.get(METRICS_PATH, (request: Request, response: Response) => {
      void this.serve(request, response);
    });
  }

  private async serve(request: Request, response: Response): Promise<void> {
    const token = this.config.METRICS_TOKEN;
    if (token && !bearerMatches(request.headers.authorization, token)) {
      response
        .status(401)
        .setHeader('WWW-Authenticate', 'Bearer realm="notaflow-metrics"')
        .type(PROBLEM_CONTENT_TYPE)
        .send(
          JSON.stringify(
            problem(401, 'Send the metrics token: Authorization: Bearer <METRICS_TOKEN>.', 'token_missing', {
              instance: METRICS_PATH,
            }),
          ),
        );
      return;
    }
    try {
      await this.flows.collect();
      const body = await this.metrics.registry.metrics();
      // As prom-client names it; express' send() would rewrite the parameters.
      response.status(200).setHeader('Content-Type', this.metrics.registry.contentType);
      response.setHeader('Cache-Control', 'no-store');
      response.end(body);
    } catch (error) {
      this.logger.error({ err: error }, 'metrics: scrape failed');
      response
        .status(500)
        .type(PROBLEM_CONTENT_TYPE)
        .send(
          JSON.stringify(
            problem(500, 'The metrics could not be collected; it has been logged.', 'internal_error', {
              instance: METRICS_PATH,
            }),
          ),
        );
    }
  }
}
