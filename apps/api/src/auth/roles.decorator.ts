import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiForbiddenResponse } from '@nestjs/swagger';
import type { Role } from '@notaflow/domain';

export const ROLES = 'notaflow:roles';

/**
 * Only callers with one of these roles may use the route; the global AuthGuard answers 403 otherwise.
 * On a controller it applies to every route; a method's own @Roles() replaces the controller's.
 */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ROLES, roles),
    ApiForbiddenResponse({ description: `problem+json unless the caller's role is ${roles.join(' or ')}` }),
  );
