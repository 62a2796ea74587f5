import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Express, Request, Response } from 'express';

/**
 * The benchmark's bare route. Under the API's prefix, as the routes it is compared with: the web app's fallback
 * (index.html for every other GET) leaves /api alone, so the request takes the same way through Express.
 */
export const BARE_PATH = '/api/v1/bench/bare';

/**
 * A plain Express handler answering a small JSON, added to the Nest application's Express instance after createApp's
 * own middleware (security headers, API-Version, body parser, the web app's fallback) and before listen, which is
 * when Nest adds its middleware and routes behind it: it passes through the same HTTP server, Express and createApp's
 * middleware, and nothing else (no Nest middleware or routing, guard, pipe, filter, request log, metrics or
 * database). Bench-only: never registered by the product.
 */
export function registerBareRoute(app: NestExpressApplication): void {
  const express = app.getHttpAdapter().getInstance() as Express;
  express.get(BARE_PATH, (_request: Request, response: Response) => {
    response.json({ status: 'ok' });
  });
}
