import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { AppConfig } from '@notaflow/config';
import type { Request } from 'express';
import { APP_CONFIG } from '../config/config.module';
import { RateLimiter } from './rate-limiter';

/**
 * Sign-in attempts per IP address and minute, over all replicas: a password guesser from one machine is slowed to a
 * crawl.
 */
@Injectable()
export class SignInRateGuard implements CanActivate {
  constructor(
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    await this.limiter.consume(
      `sign-in:${request.ip ?? 'unknown'}`,
      this.config.SIGN_IN_RATE_LIMIT_PER_MINUTE,
      'sign-in attempts from this address',
    );
    return true;
  }
}
