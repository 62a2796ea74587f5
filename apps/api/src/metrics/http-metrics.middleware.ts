import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { AppMetrics } from './app-metrics';

type Routed = Pick<Request, 'baseUrl' | 'route'>;

/**
 * The route template (`/api/v1/notas/:id`), never the path itself: ids in label values would make a time series per
 * nota. Requests no controller route matched share one label value. Nest mounts middleware as catch-all routes
 * (`/api/v1/{*path}`), so the route seen while the middleware runs, or any catch-all, is no match.
 */
export function routeTemplate(request: Routed, middlewareRoute?: unknown): string {
  const route: unknown = request.route;
  const path: unknown = (route as { path?: unknown } | undefined)?.path;
  if (typeof path !== 'string' || route === middlewareRoute || path.includes('{*')) return 'unmatched';
  return `${request.baseUrl ?? ''}${path}`;
}

/** Times every request to the API; `finish` fires after routing, guards and filters, so 401s and 404s count too. */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: AppMetrics) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const end = this.metrics.httpRequestDuration.startTimer();
    const middlewareRoute: unknown = request.route;
    response.once('finish', () =>
      end({
        method: request.method,
        route: routeTemplate(request, middlewareRoute),
        status_code: String(response.statusCode),
      }),
    );
    next();
  }
}
