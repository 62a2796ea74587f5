import type { EntityManager } from 'typeorm';
import { managerOf, type Database } from './database';

export interface LockoutPolicy {
  /** Consecutive failures that lock a username out at an address. */
  after: number;
  /** The first lockout; each that follows within a day lasts twice as long, up to a day. */
  minutes: number;
}

/**
 * Failed sign-ins per username and address (sign_in_failures), kept in PostgreSQL so every API replica and every
 * restart agrees on a lockout. A username need not exist: unknown ones are counted like known ones. Per address, so
 * that guessing a user's password from one place never locks that user out everywhere.
 */
export class SignInRepository {
  private readonly db: EntityManager;

  constructor(source: Database) {
    this.db = managerOf(source);
  }

  /** The seconds left of the username's lockout at the address, or null when it is not locked out there. */
  async lockedForSeconds(username: string, address: string): Promise<number | null> {
    const [row]: { seconds: number }[] = await this.db.query(
      `SELECT ceil(extract(epoch FROM locked_until - now()))::int AS seconds
         FROM sign_in_failures WHERE username = $1 AND address = $2 AND locked_until > now()`,
      [username, address],
    );
    return row ? row.seconds : null;
  }

  /** One more failure; the one that reaches the policy's count locks the username out at the address. */
  async recordFailure(username: string, address: string, policy: LockoutPolicy): Promise<void> {
    // A count starts again after a lockout has passed, or after a quiet spell as long as a first lockout; the
    // lockouts before are forgotten after a quiet day.
    const fresh = `((f.locked_until IS NOT NULL AND f.locked_until <= now())
                    OR f.last_failure_at < now() - make_interval(mins => $4::int))`;
    const count = `(CASE WHEN ${fresh} THEN 1 ELSE f.failures + 1 END)`;
    const before = `(CASE WHEN f.last_failure_at < now() - interval '1 day' THEN 0 ELSE f.lockouts END)`;
    await this.db.query(
      `INSERT INTO sign_in_failures AS f (username, address, failures, lockouts, last_failure_at, locked_until)
       VALUES ($1, $2, 1, CASE WHEN 1 >= $3::int THEN 1 ELSE 0 END, now(),
               CASE WHEN 1 >= $3::int THEN now() + make_interval(mins => $4::int) END)
       ON CONFLICT (username, address) DO UPDATE SET
         failures = ${count},
         lockouts = ${before} + CASE WHEN ${count} >= $3::int THEN 1 ELSE 0 END,
         locked_until = CASE WHEN ${count} >= $3::int
                             THEN now() + least(make_interval(mins => $4::int) * power(2, least(${before}, 16)),
                                                interval '1 day') END,
         last_failure_at = now()`,
      [username, address, policy.after, policy.minutes],
    );
  }

  /** A successful sign-in forgets the failures before it, at that address. */
  async clear(username: string, address: string): Promise<void> {
    await this.db.query(`DELETE FROM sign_in_failures WHERE username = $1 AND address = $2`, [username, address]);
  }
}
