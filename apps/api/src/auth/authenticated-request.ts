import type { Actor } from '@notaflow/domain';
import type { Request } from 'express';

/** A request after the global AuthGuard: `actor` is set on every route not marked @Public(). */
export interface AuthenticatedRequest extends Request {
  actor?: Actor;
}
