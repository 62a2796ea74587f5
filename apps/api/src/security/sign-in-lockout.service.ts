import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@notaflow/config';
import { AppException } from '../common/app.exception';
import { APP_CONFIG } from '../config/config.module';

/**
 * Account lockout after repeated failed sign-ins, kept in PostgreSQL so every API replica and every restart agrees.
 * Unknown usernames are counted and locked exactly like known ones: the answers never tell which usernames exist.
 */
@Injectable()
export class SignInLockout {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** 429 while the username is locked out, whatever the password. */
  async assertNotLocked(username: string): Promise<void> {
    const [row]: { seconds: number }[] = await this.dataSource.query(
      `SELECT ceil(extract(epoch FROM locked_until - now()))::int AS seconds
         FROM sign_in_failures WHERE username = $1 AND locked_until > now()`,
      [username],
    );
    if (row) throw this.locked(row.seconds);
  }

  /** One more failure; the one that reaches the threshold locks the username out. */
  async recordFailure(username: string): Promise<void> {
    // A count starts again after a lockout has passed, or after a quiet spell as long as a lockout.
    const fresh = `(f.locked_until IS NOT NULL AND f.locked_until <= now())
                    OR f.last_failure_at < now() - make_interval(mins => $3::int)`;
    await this.dataSource.query(
      `INSERT INTO sign_in_failures AS f (username, failures, last_failure_at, locked_until)
       VALUES ($1, 1, now(), CASE WHEN 1 >= $2::int THEN now() + make_interval(mins => $3::int) END)
       ON CONFLICT (username) DO UPDATE SET
         failures = CASE WHEN ${fresh} THEN 1 ELSE f.failures + 1 END,
         last_failure_at = now(),
         locked_until = CASE WHEN (CASE WHEN ${fresh} THEN 1 ELSE f.failures + 1 END) >= $2::int
                             THEN now() + make_interval(mins => $3::int) END`,
      [username, this.config.SIGN_IN_LOCKOUT_AFTER, this.config.SIGN_IN_LOCKOUT_MINUTES],
    );
  }

  async recordSuccess(username: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM sign_in_failures WHERE username = $1`, [username]);
  }

  private locked(seconds: number): AppException {
    const retryAfterSeconds = Math.max(1, seconds);
    return new AppException(
      'sign_in_locked',
      `Too many failed sign-ins for this username; try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`,
      { retryAfterSeconds },
    );
  }
}
