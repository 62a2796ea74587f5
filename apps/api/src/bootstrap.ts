import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '@notaflow/config';
import type { NextFunction, Request, Response } from 'express';
import type { Server } from 'node:http';
import { AppModule } from './app.module';
import { AppException } from './common/app.exception';
import { answerParserErrors } from './common/parser-errors';
import { jsonShapeProblems } from './common/json-shape';
import { ProblemFilter } from './common/problem.filter';
import { createValidationPipe } from './common/validation';
import { API_VERSION, buildOpenApiDocument } from './openapi';
import { applyHttpSecurity } from './security/http-security';
import { serveWebApp } from './web/web-app';

export const API_PREFIX = 'api/v1';

/** Builds the configured application; main.ts listens on it, the e2e tests too. */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  // Behind the load balancer the connection is the balancer's: the client (for sign-in limits and the audit log)
  // and the scheme (for links without PUBLIC_URL) are that many hops back in X-Forwarded-For and -Proto.
  if (config.TRUST_PROXY_HOPS > 0) app.set('trust proxy', config.TRUST_PROXY_HOPS);
  applyHttpSecurity(app, config);
  app.use((req: Request, res: Response, next: NextFunction) => {
    res.setHeader('API-Version', API_VERSION);
    // An answer of the API names notas and people: no cache, shared or the browser's, keeps it. A route that may
    // be kept (a document's immutable content, the calendar feed) sets its own.
    if (req.path.startsWith(`/${API_PREFIX}/`)) res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.useBodyParser('json', { limit: '1mb' });
  app.use((error: unknown, _req: Request, _res: Response, next: NextFunction) => {
    // Named here, while body-parser's error type is still known; Nest would turn it into a bare 400.
    const unparsable = (error as { type?: string })?.type === 'entity.parse.failed';
    next(
      unparsable
        ? AppException.validation(
            [{ name: 'body', code: 'invalid_json', reason: 'is not valid JSON' }],
            'The request body is not valid JSON.',
          )
        : error,
    );
  });
  app.use((req: Request, _res: Response, next: NextFunction) => {
    // Before any transformation: an over-deep body would overflow the validators' stack, a __proto__ key vanish.
    const problems = req.body === undefined ? [] : jsonShapeProblems(req.body);
    next(problems.length ? AppException.validation(problems) : undefined);
  });
  answerParserErrors(app.getHttpServer() as Server);
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  serveWebApp(app, config);

  const document = buildOpenApiDocument(app);
  const openApiJson = JSON.stringify(document);
  app.use(`/${API_PREFIX}/openapi.json`, (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    res.type('application/json').send(openApiJson);
  });
  return app;
}
