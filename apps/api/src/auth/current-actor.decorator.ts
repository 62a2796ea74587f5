import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@notaflow/domain';
import type { AuthenticatedRequest } from './authenticated-request';

/** The caller, as established by the global AuthGuard from the access token. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const { actor } = context.switchToHttp().getRequest<AuthenticatedRequest>();
  // Only reachable on a @Public() route: a programming error, so a 500 that is logged rather than a 401.
  if (!actor) throw new Error('@CurrentActor() used on a route without an authenticated caller');
  return actor;
});
