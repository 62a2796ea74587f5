import type { JWTHeaderParameters, JWTPayload } from 'jose';
import { ROLES, type Actor, type Role } from '@notaflow/domain';
import type { OidcIdentity } from '@notaflow/persistence';
import { AppException } from '../common/app.exception';

// The registry's own rules (CHECK constraints on users and organisations): a caller outside them could not be
// recorded, nor be named as a reviewer or assignee.
const USERNAME = /^[a-z0-9._-]{2,64}$/;
const ORGANISATION = /^[A-Z]{2,10}$/;
const DISPLAY_NAME_MAX = 200;
const SUBJECT_MAX = 255;

export interface Identity {
  actor: Actor;
  displayName: string;
}

/**
 * The caller named by a verified demo token, which the API signed itself: `sub` is the username. A token that is
 * genuine but names no caller we can act for is a 403, not a 401: a new token would not help.
 */
export function identityFromClaims(claims: JWTPayload): Identity {
  const username = text(claims.sub);
  if (!username || !USERNAME.test(username)) {
    throw forbidden('The access token names no username the registry accepts (a-z, 0-9, ".", "_", "-").');
  }
  const { role, organisation, displayName } = roleAndOrganisation(claims, username);
  return { actor: { username, role, organisation }, displayName };
}

/**
 * Who a verified token of the identity provider names: the identity (`iss`, `sub`) the registry knows the user by,
 * the username it proposes for a user it has not seen (`preferred_username`, else `sub`), and `role`,
 * `organisation` and `name`.
 */
export function oidcIdentityFromClaims(claims: JWTPayload): OidcIdentity {
  const subject = text(claims.sub);
  if (!claims.iss || !subject || subject.length > SUBJECT_MAX) {
    throw forbidden('The access token names no subject (sub).');
  }
  const username = text(claims.preferred_username) ?? subject;
  if (!USERNAME.test(username)) {
    throw forbidden('The access token names no username the registry accepts (a-z, 0-9, ".", "_", "-").');
  }
  return { issuer: claims.iss, subject, username, ...roleAndOrganisation(claims, username) };
}

/**
 * Whether a verified token of the identity provider is an access token, not an ID token (or another of its tokens)
 * sent in its place. What says so: the JWT profile for access tokens (RFC 9068, header `typ: at+jwt`); AWS Cognito's
 * `token_use`; Keycloak's `typ` claim (`Bearer`, against `ID` and `Refresh`). A token that says nothing is taken only
 * when its audience tells it apart: ID tokens are for the web app's client id, access tokens for the API.
 */
export function assertAccessToken(
  header: JWTHeaderParameters,
  claims: JWTPayload,
  options: { audienceIsClientId: boolean },
): void {
  const headerType = header.typ?.toLowerCase().replace(/^application\//, '');
  const says = [
    headerType === undefined || headerType === 'jwt' ? undefined : headerType === 'at+jwt',
    claims.token_use === undefined ? undefined : claims.token_use === 'access',
    claims.typ === undefined ? undefined : String(claims.typ).toLowerCase() === 'bearer',
  ].filter((answer): answer is boolean => answer !== undefined);
  const isAccessToken = says.length ? says.every(Boolean) : !options.audienceIsClientId;
  if (!isAccessToken) {
    throw new AppException('token_invalid', 'The token is not an access token (an ID token is for the web app only).');
  }
}

/** What counts as multi-factor authentication: an `acr` of these, or one of these in `amr` (RFC 8176). */
export interface MultiFactorRule {
  acrValues: readonly string[];
  amrValues: readonly string[];
}

/** Refuses a token that shows no multi-factor authentication (BIO 5.17), with what the provider must be asked. */
export function assertMultiFactor(claims: JWTPayload, rule: MultiFactorRule): void {
  const acr = typeof claims.acr === 'string' ? claims.acr : undefined;
  const amr = Array.isArray(claims.amr) ? claims.amr.filter((v): v is string => typeof v === 'string') : [];
  if ((acr && rule.acrValues.includes(acr)) || amr.some((method) => rule.amrValues.includes(method))) return;
  throw new AppException(
    'mfa_required',
    'Sign in again with a second factor: this access token shows no multi-factor authentication (acr, amr).',
    { acrValues: rule.acrValues },
  );
}

function roleAndOrganisation(
  claims: JWTPayload,
  username: string,
): { role: Role; organisation: string; displayName: string } {
  const role = claims.role;
  if (!isRole(role)) {
    throw forbidden(`The access token carries no known role; expected one of ${ROLES.join(', ')}.`);
  }
  const organisation = text(claims.organisation);
  if (!organisation || !ORGANISATION.test(organisation)) {
    throw forbidden('The access token names no organisation (a code such as JENV).');
  }
  const displayName = text(claims.name)?.slice(0, DISPLAY_NAME_MAX) ?? username;
  return { role, organisation, displayName };
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
