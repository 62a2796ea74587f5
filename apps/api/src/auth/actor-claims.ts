import type { JWTPayload } from 'jose';
import { ROLES, type Actor, type Role } from '@notaflow/domain';
import { AppException } from '../common/app.exception';

// The registry's own rules (CHECK constraints on users and organisations): a caller outside them could not be
// recorded, nor be named as a reviewer or assignee.
const USERNAME = /^[a-z0-9._-]{2,64}$/;
const ORGANISATION = /^[A-Z]{2,10}$/;
const DISPLAY_NAME_MAX = 200;

export interface Identity {
  actor: Actor;
  displayName: string;
}

/**
 * The caller named by a verified token's claims: `preferred_username` (else `sub`), `role`, `organisation` and
 * `name`. A token that is genuine but names no caller we can act for is a 403, not a 401: a new token from the
 * same identity provider would not help.
 */
export function identityFromClaims(claims: JWTPayload): Identity {
  const username = text(claims.preferred_username) ?? text(claims.sub);
  if (!username || !USERNAME.test(username)) {
    throw forbidden('The access token names no username the registry accepts (a-z, 0-9, ".", "_", "-").');
  }
  const role = claims.role;
  if (!isRole(role)) {
    throw forbidden(`The access token carries no known role; expected one of ${ROLES.join(', ')}.`);
  }
  const organisation = text(claims.organisation);
  if (!organisation || !ORGANISATION.test(organisation)) {
    throw forbidden('The access token names no organisation (a code such as JENV).');
  }
  const displayName = text(claims.name)?.slice(0, DISPLAY_NAME_MAX) ?? username;
  return { actor: { username, role, organisation }, displayName };
}

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function forbidden(message: string): AppException {
  return new AppException('token_claims_unfit', message);
}
