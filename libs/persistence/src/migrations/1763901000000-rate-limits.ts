import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The request budgets (per user, sign-ins per address) that every API replica counts in, so that the N+1st request of
 * a window is refused on whichever replica it lands. The layout is rate-limiter-flexible's own (RateLimiterPostgres),
 * made here rather than by the library at run time. Unlogged: a counter that lasts a minute is not worth a write to
 * the WAL per request, and after a crash (or on a standby taking over) the budgets simply start again.
 */
export class RateLimits1763901000000 implements MigrationInterface {
  name = 'RateLimits1763901000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE UNLOGGED TABLE rate_limits (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        -- When the window ends, in milliseconds since 1970 (the library's clock: the replicas').
        expire bigint
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE rate_limits`);
  }
}
