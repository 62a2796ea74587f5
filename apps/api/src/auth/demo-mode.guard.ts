import { Inject, Injectable, type CanActivate } from '@nestjs/common';
import type { AppConfig } from '@notaflow/config';
import { AppException } from '../common/app.exception';
import { APP_CONFIG } from '../config/config.module';

/**
 * Hides a route of the demo identity provider when it is off. A guard rather than a check in the handler so
 * the route answers 404 before its body is validated.
 */
@Injectable()
export class DemoModeGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(): boolean {
    if (this.config.AUTH_MODE === 'demo') return true;
    throw new AppException(
      'demo_sign_in_off',
      "The demo identity provider is off; sign in with your organisation's identity provider.",
    );
  }
}
