import { webcrypto } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { AppConfig } from '@notaflow/config';
import type { Actor } from '@notaflow/domain';
import { UserRepository } from '@notaflow/persistence';
import { AppException } from '../common/app.exception';
import { APP_CONFIG } from '../config/config.module';
import { identityFromClaims, type Identity } from './actor-claims';
import { DEMO_ALGORITHM, DEMO_AUDIENCE, DEMO_ISSUER, demoSigningKey } from './demo-token';

// An identity provider signs with a private key; a symmetric algorithm here would let anyone holding the
// (public) JWKS forge tokens.
const ASYMMETRIC_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];
// The identity provider's clock and ours may differ a little.
const OIDC_CLOCK_TOLERANCE_SECONDS = 30;
// Bounds the memory of who was recorded; a cleared entry only costs one idempotent upsert.
const RECORDED_USERS_MAX = 10_000;
// Bounds the memory of tokens already checked; a cleared entry only costs checking its signature again.
const VERIFIED_TOKENS_MAX = 10_000;

/** The identity provider's keys could not be fetched: our problem (503), not the caller's (401). */
class IdentityProviderUnavailable extends Error {}

/** Turns an access token into the caller it names, in demo mode (HS256, our secret) or OIDC mode (JWKS). */
@Injectable()
export class AccessTokenVerifier {
  private readonly logger = new Logger(AccessTokenVerifier.name);
  private readonly verifyToken: (token: string) => Promise<JWTPayload>;
  private readonly recorded = new Map<string, string>();
  /** Tokens whose signature and claims were checked, until they expire: a client sends the same one many times. */
  private readonly verified = new Map<string, { actor: Actor; expiresAt: number }>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UserRepository,
  ) {
    this.verifyToken = config.AUTH_MODE === 'oidc' ? oidcVerifier(config) : demoVerifier(config);
  }

  /** The caller; 401 for a token that is missing its mark, 403 for a genuine token naming no usable caller. */
  async verify(token: string): Promise<Actor> {
    const known = this.verified.get(token);
    if (known && known.expiresAt > Date.now()) return { ...known.actor };
    let claims: JWTPayload;
    try {
      claims = await this.verifyToken(token);
    } catch (error) {
      if (error instanceof IdentityProviderUnavailable) {
        this.logger.warn({ err: error.cause }, 'the identity provider keys could not be fetched');
        throw new AppException(
          'unavailable',
          'The identity provider cannot be reached to check the access token; try again shortly.',
        );
      }
      if (error instanceof errors.JOSEError) {
        // The reason only, never the token.
        this.logger.debug(`access token refused: ${error.code}`);
        throw new AppException(
          error instanceof errors.JWTExpired ? 'token_expired' : 'token_invalid',
          error instanceof errors.JWTExpired
            ? 'The access token has expired; request a new one.'
            : 'The access token is not valid.',
        );
      }
      throw error;
    }
    const identity = identityFromClaims(claims);
    if (this.config.AUTH_MODE === 'oidc') await this.record(identity);
    if (typeof claims.exp === 'number') {
      if (this.verified.size >= VERIFIED_TOKENS_MAX) this.verified.clear();
      this.verified.set(token, { actor: { ...identity.actor }, expiresAt: claims.exp * 1000 });
    }
    return identity.actor;
  }

  /** Makes a user known to the registry (as a reviewer, an assignee) once they have shown up with a token. */
  private async record({ actor, displayName }: Identity): Promise<void> {
    const fingerprint = JSON.stringify([displayName, actor.role, actor.organisation]);
    if (this.recorded.get(actor.username) === fingerprint) return;
    const known = await this.users.upsert({
      username: actor.username,
      displayName,
      role: actor.role,
      organisation: actor.organisation,
    });
    if (!known) {
      throw new AppException(
        'organisation_unknown',
        `The access token names organisation ${actor.organisation}, which the registry does not know.`,
      );
    }
    if (this.recorded.size >= RECORDED_USERS_MAX) this.recorded.clear();
    this.recorded.set(actor.username, fingerprint);
  }
}

function demoVerifier(config: AppConfig): (token: string) => Promise<JWTPayload> {
  // Imported once: handed the raw secret, jose imports it anew for every token it checks.
  const key = webcrypto.subtle.importKey('raw', demoSigningKey(config), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'verify',
  ]);
  const options = { issuer: DEMO_ISSUER, audience: DEMO_AUDIENCE, algorithms: [DEMO_ALGORITHM] };
  return async (token) => (await jwtVerify(token, await key, options)).payload;
}

function oidcVerifier(config: AppConfig): (token: string) => Promise<JWTPayload> {
  if (!config.OIDC_JWKS_URL || !config.OIDC_ISSUER) {
    throw new Error('OIDC_ISSUER and OIDC_JWKS_URL are required when AUTH_MODE=oidc');
  }
  // Created once: it caches the keys and refetches them when a token names a key it has not seen (rotation).
  const remote = createRemoteJWKSet(new URL(config.OIDC_JWKS_URL));
  const keys: JWTVerifyGetKey = async (header, token) => {
    try {
      return await remote(header, token);
    } catch (error) {
      if (isTokenFault(error)) throw error;
      throw new IdentityProviderUnavailable('JWKS unavailable', { cause: error });
    }
  };
  const options = {
    issuer: config.OIDC_ISSUER,
    audience: config.OIDC_AUDIENCE,
    algorithms: ASYMMETRIC_ALGORITHMS,
    clockTolerance: OIDC_CLOCK_TOLERANCE_SECONDS,
  };
  return async (token) => (await jwtVerify(token, keys, options)).payload;
}

/** Whether fetching keys failed because of the token (no key for its kid or alg) rather than the provider. */
function isTokenFault(error: unknown): boolean {
  return (
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JWKSMultipleMatchingKeys ||
    error instanceof errors.JOSENotSupported
  );
}
