import { Global, Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { AuditRepository, SignInRepository } from '@notaflow/persistence';
import { repositoryProviders } from '../database/repository.providers';
import { AuditMiddleware } from './audit.middleware';
import { RateLimiter } from './rate-limiter';
import { SignInRateGuard } from './sign-in.guard';
import { SignInLockout } from './sign-in-lockout.service';

/** Rate limits, sign-in lockout and the audit log. */
@Global()
@Module({
  providers: [
    RateLimiter,
    SignInRateGuard,
    SignInLockout,
    AuditMiddleware,
    ...repositoryProviders(AuditRepository),
    ...repositoryProviders(SignInRepository),
  ],
  exports: [RateLimiter, SignInRateGuard, SignInLockout],
})
export class SecurityModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AuditMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
