import type { EntityManager } from 'typeorm';
import { managerOf, type Database } from './database';

export interface LockoutPolicy {
  /** Consecutive failures that lock a username out. */
  after: number;
  minutes: number;
}

/**
 * Failed sign-ins per username (sign_in_failures), kept in PostgreSQL so every API replica and every restart
 * agrees on a lockout. A username need not exist: unknown ones are counted like known ones.
 */
export class SignInRepository {
  private readonly db: EntityManager;

  constructor(source: Database) {
    this.db = managerOf(source);
  }

  /** The seconds left of the username's lockout, or null when it is not locked out. */
  async lockedForSeconds(username: string): Promise<number | null> {
    const [row]: { seconds: number }[] = await this.db.query(
      `SELECT ceil(extract(epoch FROM locked_until - now()))::int AS seconds
         FROM sign_in_failures WHERE username = $1 AND locked_until > now()`,
      [username],
    );
    return row ? row.seconds : null;
  }

  /** One more failure; the one that reaches the policy's count locks the username out. */
  async recordFailure(username: string, policy: LockoutPolicy): Promise<void> {
    // A count starts again after a lockout has passed, or after a quiet spell as long as a lockout.
    const fresh = `(f.locked_until IS NOT NULL AND f.locked_until <= now())
                    OR f.last_failure_at < now() - make_interval(mins => $3::int)`;
    await this.db.query(
      `INSERT INTO sign_in_failures AS f (username, failures, last_failure_at, locked_until)
       VALUES ($1, 1, now(), CASE WHEN 1 >= $2::int THEN now() + make_interval(mins => $3::int) END)
       ON CONFLICT (username) DO UPDATE SET
         failures = CASE WHEN ${fresh} THEN 1 ELSE f.failures + 1 END,
         last_failure_at = now(),
         locked_until = CASE WHEN (CASE WHEN ${fresh} THEN 1 ELSE f.failures + 1 END) >= $2::int
                             THEN now() + make_interval(mins => $3::int) END`,
      [username, policy.after, policy.minutes],
    );
  }

  /** A successful sign-in forgets the failures before it. */
  async clear(username: string): Promise<void> {
    await this.db.query(`DELETE FROM sign_in_failures WHERE username = $1`, [username]);
  }
}
