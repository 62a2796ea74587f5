import { Injectable, Logger, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { storableText } from '@notaflow/domain';
import { AuditRepository } from '@notaflow/persistence';
import type { AuthenticatedRequest } from '../auth/authenticated-request';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const MAX_TEXT = 300;
// Reads that are logged too: notas and their documents, the analytics CSV exports and calendar-feed fetches.
const AUDITED_READS = /^\/api\/v1\/(?:notas|documents|analytics)(?:\/|$)|^\/api\/v1\/deadlines\.ics$/;

/**
 * The audit log (BIO 8.15.01): once a response is sent, a row for every state-changing request, every refused one
 * (401, 403) and every read of a nota, a document, an export or a calendar feed: action (method and route), object (the path, never the query string, which may carry a feed
 * token), result, origin, actor and time. A sign-in names the username it was for, never the password. Writing it
 * after the response keeps the request's own latency; a row that cannot be written is logged as an error.
 *
 * `at` is the moment the request arrived, to the microsecond, not the moment its row was written: rows written
 * after their responses may land in any order, and the log must still tell which request came first.
 */
@Injectable()
export class AuditMiddleware implements NestMiddleware {
  private readonly logger = new Logger('Audit');

  constructor(private readonly audit: AuditRepository) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const arrived = microsecondsNow();
    response.once('finish', () => {
      const status = response.statusCode;
      if (!STATE_CHANGING.has(request.method) && status !== 401 && status !== 403 && !isAuditedRead(request)) return;
      void this.write(request as AuthenticatedRequest, status, arrived);
    });
    next();
  }

  private async write(request: AuthenticatedRequest, status: number, arrived: bigint): Promise<void> {
    const path = (request.originalUrl ?? request.url).split('?')[0];
    const route = (request.route as { path?: string } | undefined)?.path;
    const signIn = path.endsWith('/auth/token') && typeof request.body?.username === 'string';
    const actor = request.actor?.username ?? (signIn ? String(request.body.username) : null);
    try {
      await this.audit.append({
        actor: clip(actor),
        role: request.actor?.role ?? null,
        organisation: request.actor?.organisation ?? null,
        action: clip(`${request.method} ${route ?? path}`),
        object: clip(path),
        result: status < 400 ? 'success' : status < 500 ? 'refused' : 'failed',
        status,
        origin: request.ip ?? null,
        userAgent: clip(request.headers['user-agent'] ?? null),
        requestId: clip(String((request as { id?: unknown }).id ?? '')) || null,
        at: isoMicroseconds(arrived),
      });
    } catch (error) {
      this.logger.error({ err: error, action: `${request.method} ${path}`, status }, 'audit entry not written');
    }
  }
}

function isAuditedRead(request: Request): boolean {
  return (
    (request.method === 'GET' || request.method === 'HEAD') &&
    AUDITED_READS.test((request.originalUrl ?? request.url).split('?')[0])
  );
}

/** Wall-clock time in microseconds: the clock at start-up plus the monotonic clock since, so it never runs back. */
const CLOCK_BASE = BigInt(Date.now()) * 1000n - process.hrtime.bigint() / 1000n;
function microsecondsNow(): bigint {
  return CLOCK_BASE + process.hrtime.bigint() / 1000n;
}

/** `2026-11-29T06:28:16.123456Z`: PostgreSQL's timestamptz keeps all six digits. */
export function isoMicroseconds(micros: bigint): string {
  const millis = new Date(Number(micros / 1000n)).toISOString();
  return `${millis.slice(0, -1)}${String(micros % 1000n).padStart(3, '0')}Z`;
}

/** At most MAX_TEXT characters, with what PostgreSQL cannot store replaced: the row is written whatever was sent. */
function clip(value: string): string;
function clip(value: string | null): string | null;
function clip(value: string | null): string | null {
  return value === null ? null : storableText(value.slice(0, MAX_TEXT));
}
