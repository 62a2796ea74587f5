import { existsSync } from 'node:fs';
import path from 'node:path';
import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '@notaflow/config';
import express, { type NextFunction, type Request, type Response } from 'express';

// Vite names every built asset after a hash of its content: a changed file gets a new name, so browsers may
// keep these for good. index.html names the current ones and must be asked again every time.
const HASHED_ASSETS = '/assets/';
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';
const OTHER_FILES = 'public, max-age=3600';

/** Paths the web app never answers: the API (with its problem+json 404), the Prometheus endpoint and the codec. */
const NOT_THE_WEB_APP = /^\/(?:api(?:\/|$)|metrics(?:\/|$)|codec(?:\/|$))/;
/** A request for a file (`/favicon.ico`, `/assets/x.js`) that is not there is a 404, not the app shell. */
const LOOKS_LIKE_A_FILE = /\/[^/]+\.[a-z0-9]+$/i;

/**
 * Where the built web app is: WEB_DIST_DIR, else apps/web/dist of the checkout, found from this file whether it
 * runs from source (tests: apps/api/src/web) or compiled (npm start, the image: dist/apps/api/src/web).
 */
export function webDistDir(config: Pick<AppConfig, 'WEB_DIST_DIR'>, here = __dirname): string {
  if (config.WEB_DIST_DIR) return path.resolve(config.WEB_DIST_DIR);
  const candidates = [path.resolve(here, '../../../web/dist'), path.resolve(here, '../../../../../apps/web/dist')];
  return candidates.find((dir) => existsSync(path.join(dir, 'index.html'))) ?? candidates[0];
}

/**
 * Serves the staff web app from the API's own process at `/`: the built files, and index.html for every other
 * GET outside /api and /metrics so that the app's own routes (`/notas/...`) survive a reload or a bookmark.
 * Registered before Nest's routes; everything it does not answer falls through to them.
 */
export function serveWebApp(app: NestExpressApplication, config: AppConfig): void {
  const logger = new Logger('WebApp');
  const dir = webDistDir(config);
  const indexHtml = path.join(dir, 'index.html');
  if (!existsSync(indexHtml)) {
    logger.warn(`no web app at ${dir}: run \`npm run build\`; the API works without it`);
    return;
  }

  const files = express.static(dir, {
    index: false,
    redirect: false,
    // Our own choice per file below; `etag` and `lastModified` stay on so no-cache revalidates cheaply.
    cacheControl: false,
    setHeaders: (response, file) => {
      const url = `/${path.relative(dir, file).split(path.sep).join('/')}`;
      response.setHeader('Cache-Control', url.startsWith(HASHED_ASSETS) ? IMMUTABLE : OTHER_FILES);
    },
  });

  app.use((request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || NOT_THE_WEB_APP.test(request.path)) return next();
    if (request.path === '/index.html') return sendShell(response, indexHtml, next);
    files(request, response, () => {
      if (LOOKS_LIKE_A_FILE.test(request.path)) return next();
      sendShell(response, indexHtml, next);
    });
  });
  logger.log(`serving the web app from ${dir}`);
}

function sendShell(response: Response, indexHtml: string, next: NextFunction): void {
  response.setHeader('Cache-Control', REVALIDATE);
  response.sendFile(indexHtml, (error) => {
    if (error && !response.headersSent) next(error);
  });
}
