import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import { AppException } from '../common/app.exception';

/** Made by the migration RateLimits (libs/persistence), in the layout rate-limiter-flexible reads. */
export const RATE_LIMIT_TABLE = 'rate_limits';
/** In front of every key in the table: `notaflow:user:jenv.staff`, `notaflow:sign-in:192.0.2.1`. */
export const RATE_LIMIT_KEY_PREFIX = 'notaflow';
const WINDOW_SECONDS = 60;
/** While PostgreSQL cannot be reached, said once in this long, not once per request. */
const WARN_EVERY_MS = 60_000;

/** The part of a pg Pool the library uses: one parameterised (and named, so prepared) statement at a time. */
interface Store {
  query(statement: { text: string; values?: unknown[]; name?: string }): Promise<unknown>;
}

/**
 * Budgets per key and minute (a user, an IP address), counted in PostgreSQL so that every API replica counts in the
 * same place: the N+1st request of a window is refused on whichever replica it lands (rate-limiter-flexible's
 * RateLimiterPostgres: one upsert per request, a fixed window that begins with a key's first request).
 *
 * While PostgreSQL cannot be reached, each replica counts in its own memory instead (the library's insurance
 * limiter, with the same budget): it fails neither open nor closed. Not closed, because a refusal would add nothing:
 * every route that does real work needs PostgreSQL and answers 503 naming it, and a sign-in cannot be checked without
 * it either. Not wide open, because a runaway script or a password guesser stays bounded, by the budget times the
 * number of replicas, until PostgreSQL is back and the shared count takes over again.
 *
 * A key that has spent its budget is remembered in memory until its window ends: a client that keeps hammering is
 * refused by each replica without asking PostgreSQL again.
 */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger(RateLimiter.name);
  private readonly budgets = new Map<number, RateLimiterPostgres>();
  private readonly store: Store;
  private warnedAt = 0;

  constructor(@InjectDataSource() dataSource: DataSource) {
    // TypeORM's pg Pool, asked for at each statement: the API's connections, no pool of the limiter's own.
    const pool = () => (dataSource.driver as unknown as { master: Store }).master;
    this.store = {
      query: (statement) =>
        pool()
          .query(statement)
          .catch((error: unknown) => {
            this.warnOnce(error);
            throw error;
          }),
    };
  }

  /** Counts one request against `key`; 429 problem+json with Retry-After once `perMinute` is spent. */
  async consume(key: string, perMinute: number, what: string): Promise<void> {
    try {
      await this.budget(perMinute).consume(key);
    } catch (outcome) {
      if (!(outcome instanceof RateLimiterRes)) throw outcome;
      const retryAfterSeconds = Math.max(1, Math.ceil(outcome.msBeforeNext / 1000));
      throw new AppException('too_many_requests', `Too many ${what}; try again in ${retryAfterSeconds} seconds.`, {
        retryAfterSeconds,
      });
    }
  }

  /** One limiter per budget (the library's limiters have one each), all counting in the same table. */
  private budget(points: number): RateLimiterPostgres {
    let limiter = this.budgets.get(points);
    if (!limiter) {
      limiter = new RateLimiterPostgres({
        storeClient: this.store,
        storeType: 'pool',
        tableName: RATE_LIMIT_TABLE,
        tableCreated: true,
        keyPrefix: RATE_LIMIT_KEY_PREFIX,
        points,
        duration: WINDOW_SECONDS,
        inMemoryBlockOnConsumed: points,
        insuranceLimiter: new RateLimiterMemory({
          keyPrefix: RATE_LIMIT_KEY_PREFIX,
          points,
          duration: WINDOW_SECONDS,
        }),
      });
      this.budgets.set(points, limiter);
    }
    return limiter;
  }

  private warnOnce(error: unknown): void {
    const now = Date.now();
    if (now - this.warnedAt < WARN_EVERY_MS) return;
    this.warnedAt = now;
    this.logger.warn({ err: error }, 'rate limits: PostgreSQL unreachable; each replica counts on its own meanwhile');
  }
}
