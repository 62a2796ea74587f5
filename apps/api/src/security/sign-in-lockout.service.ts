import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@notaflow/config';
import { SignInRepository } from '@notaflow/persistence';
import { AppException } from '../common/app.exception';
import { APP_CONFIG } from '../config/config.module';

/**
 * Account lockout after repeated failed sign-ins, kept in PostgreSQL so every API replica and every restart agrees.
 * Unknown usernames are counted and locked exactly like known ones: the answers never tell which usernames exist.
 * Per username and address, each lockout twice as long as the last: a known username cannot be kept out for ever
 * by someone elsewhere who keeps failing with it.
 */
@Injectable()
export class SignInLockout {
  constructor(
    private readonly signIns: SignInRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** 429 while the username is locked out, whatever the password. */
  async assertNotLocked(username: string, address: string): Promise<void> {
    const seconds = await this.signIns.lockedForSeconds(username, address);
    if (seconds !== null) throw this.locked(seconds);
  }

  /** One more failure; the one that reaches the threshold locks the username out. */
  async recordFailure(username: string, address: string): Promise<void> {
    await this.signIns.recordFailure(username, address, {
      after: this.config.SIGN_IN_LOCKOUT_AFTER,
      minutes: this.config.SIGN_IN_LOCKOUT_MINUTES,
    });
  }

  async recordSuccess(username: string, address: string): Promise<void> {
    await this.signIns.clear(username, address);
  }

  private locked(seconds: number): AppException {
    const retryAfterSeconds = Math.max(1, seconds);
    return new AppException(
      'sign_in_locked',
      `Too many failed sign-ins for this username from this address; try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`,
      { retryAfterSeconds },
    );
  }
}
