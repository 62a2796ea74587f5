import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AppConfig } from '@notaflow/config';
import type { Actor, Role } from '@notaflow/domain';
import type { Response } from 'express';
import { AppException } from '../common/app.exception';
import { APP_CONFIG } from '../config/config.module';
import { RateLimiter } from '../security/rate-limiter';
import { AccessTokenVerifier } from './access-token.verifier';
import type { AuthenticatedRequest } from './authenticated-request';
import { IS_PUBLIC } from './public.decorator';
import { ROLES } from './roles.decorator';

// RFC 6750 b64token.
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;
const REALM = 'Bearer realm="notaflow"';

/**
 * Global: every route needs a valid access token unless marked @Public(), and one of the roles named by
 * @Roles() if any. Deny by default, so a new controller cannot be left open by forgetting a decorator.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenVerifier,
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const response = http.getResponse<Response>();
    const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
    if (!token) {
      // RFC 6750 §3: a request without credentials gets the challenge but no error code.
      response.setHeader('WWW-Authenticate', REALM);
      throw new AppException('token_missing', 'An access token is required: send Authorization: Bearer <accessToken>.');
    }
    let actor: Actor;
    try {
      actor = await this.tokens.verify(token);
    } catch (error) {
      if (error instanceof AppException && ['token_missing', 'token_invalid', 'token_expired'].includes(error.code)) {
        response.setHeader('WWW-Authenticate', `${REALM}, error="invalid_token"`);
      }
      if (error instanceof AppException && error.code === 'mfa_required') {
        // RFC 9470: the client asks the identity provider again, for what acr_values name.
        const acr = (error.extras.acrValues as string[] | undefined)?.join(' ');
        response.setHeader(
          'WWW-Authenticate',
          `${REALM}, error="insufficient_user_authentication"${acr ? `, acr_values="${acr}"` : ''}`,
        );
      }
      throw error;
    }
    request.actor = actor;
    await this.limiter.consume(`user:${actor.username}`, this.config.RATE_LIMIT_PER_MINUTE, 'requests');

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles?.length && !roles.includes(actor.role)) {
      throw new AppException(
        'role_not_allowed',
        `Only a ${roles.join(' or ')} may do this; you are signed in as ${actor.role}.`,
      );
    }
    return true;
  }
}
