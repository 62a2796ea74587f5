import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorageService } from '@nestjs/throttler';
import { AppErrorCode, AppException } from '../common/app.exception';

const MINUTE_MS = 60_000;

/**
 * Fixed budgets per key and minute (a user, an IP address), counted in this process by @nestjs/throttler's store.
 * With several API replicas each counts its own share; the limits are there to stop a runaway script or a password
 * guesser, not to meter fairly across a cluster.
 */
@Injectable()
export class RateLimiter implements OnApplicationShutdown {
  private readonly storage = new ThrottlerStorageService();

  /** Counts one request against `key`; 429 problem+json with Retry-After once `perMinute` is spent. */
  async consume(key: string, perMinute: number, what: string): Promise<void> {
    const { isBlocked, timeToBlockExpire } = await this.storage.increment(key, MINUTE_MS, perMinute, MINUTE_MS, 'rate');
    if (isBlocked) {
      const retryAfterSeconds = Math.max(1, Math.ceil(timeToBlockExpire));
      throw new AppException(
        AppErrorCode.TOO_MANY_REQUESTS,
        `Too many ${what}; try again in ${retryAfterSeconds} seconds.`,
        { retryAfterSeconds },
      );
    }
  }

  onApplicationShutdown(): void {
    this.storage.onApplicationShutdown();
  }
}
