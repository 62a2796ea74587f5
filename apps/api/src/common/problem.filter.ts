import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppException } from './app.exception';
import { outageOf, type Dependency } from './outage';
import { codeOfStatus, problem, PROBLEM_CONTENT_TYPE, statusOf, type Problem } from './problem';

/** How long a caller is asked to wait when PostgreSQL or Temporal is away. */
const OUTAGE_RETRY_AFTER_SECONDS = 5;

/** The one place where any error becomes an RFC 9457 problem+json response. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const outage = exception instanceof AppException ? undefined : outageOf(exception);
    const body = {
      ...(outage ? this.outageProblem(outage) : this.toProblem(exception)),
      instance: request.originalUrl?.split('?')[0],
    };
    if (outage) {
      this.logger.warn({ err: exception, path: body.instance, unavailable: outage }, `${outage} unavailable`);
    } else if (body.status >= 500) {
      this.logger.error({ err: exception, path: body.instance }, 'request failed');
    }
    if (response.headersSent) return;
    const retryAfter = outage
      ? OUTAGE_RETRY_AFTER_SECONDS
      : exception instanceof AppException
        ? exception.extras.retryAfterSeconds
        : undefined;
    if (typeof retryAfter === 'number') response.setHeader('Retry-After', String(retryAfter));
    response.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }

  /** A part the API depends on is away: the request may be sent again once it is back. */
  private outageProblem(dependency: Dependency): Problem {
    const detail =
      dependency === 'database'
        ? 'The database is not reachable right now. Try again shortly.'
        : 'The Temporal server is not reachable right now; a decision sent may still be taken once it is back. ' +
          'Check the nota before trying again.';
    return problem(503, detail, 'unavailable', { unavailable: dependency });
  }

  private toProblem(exception: unknown): Problem {
    if (exception instanceof AppException) {
      return problem(statusOf(exception.code), exception.message, exception.code, exception.extras);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      const detail =
        typeof payload === 'string'
          ? payload
          : typeof (payload as { message?: unknown }).message === 'string'
            ? (payload as { message: string }).message
            : exception.message;
      return problem(status, detail, codeOfStatus(status));
    }
    // Errors of express middleware (body-parser's 413, an unsupported charset) carry their own 4xx status.
    const status = (exception as { status?: unknown })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return problem(status, (exception as Error).message, codeOfStatus(status));
    }
    return problem(500, 'An unexpected error occurred; it has been logged.', 'internal_error');
  }
}
