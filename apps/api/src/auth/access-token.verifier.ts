import { webcrypto } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  createRemoteJWKSet,
  errors,
  jwtVerify,
  type JWTHeaderParameters,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import type { AppConfig } from '@notaflow/config';
import type { Actor } from '@notaflow/domain';
import { UserRepository, type OidcIdentity } from '@notaflow/persistence';
import { AppException } from '../common/app.exception';
import { APP_CONFIG } from '../config/config.module';
import { assertAccessToken, assertMultiFactor, identityFromClaims, oidcIdentityFromClaims } from './actor-claims';
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
// How long a user found active is taken to be so: a deactivation takes effect within this time, at one query per
// user and period, not one per request.
const ACTIVE_FOR_MS = 30_000;

interface Verified {
  header: JWTHeaderParameters;
  claims: JWTPayload;
}

/** The identity provider's keys could not be fetched: our problem (503), not the caller's (401). */
class IdentityProviderUnavailable extends Error {}

/** Turns an access token into the caller it names, in demo mode (HS256, our secret) or OIDC mode (JWKS). */
@Injectable()
export class AccessTokenVerifier {
  private readonly logger = new Logger(AccessTokenVerifier.name);
  private readonly verifyToken: (token: string) => Promise<Verified>;
  /** Identities (issuer and subject) bound to a registry user, with what the registry holds for them. */
  private readonly recorded = new Map<string, { fingerprint: string; username: string }>();
  /** Users found active, until when. */
  private readonly active = new Map<string, number>();
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
    if (known && known.expiresAt > Date.now()) {
      await this.assertActive(known.actor.username);
      return { ...known.actor };
    }
    let verified: Verified;
    try {
      verified = await this.verifyToken(token);
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
    const { claims } = verified;
    const actor = this.config.AUTH_MODE === 'oidc' ? await this.oidcActor(verified) : identityFromClaims(claims).actor;
    await this.assertActive(actor.username);
    if (typeof claims.exp === 'number') {
      if (this.verified.size >= VERIFIED_TOKENS_MAX) this.verified.clear();
      this.verified.set(token, { actor: { ...actor }, expiresAt: claims.exp * 1000 });
    }
    return actor;
  }

  /**
   * The caller of a token of the identity provider: an access token (not an ID token), with multi-factor
   * authentication when required, whose identity (issuer and subject) the registry knows the user by.
   */
  private async oidcActor({ header, claims }: Verified): Promise<Actor> {
    assertAccessToken(header, claims, { audienceIsClientId: this.config.OIDC_AUDIENCE === this.config.OIDC_CLIENT_ID });
    if (this.config.OIDC_REQUIRE_MFA) {
      assertMultiFactor(claims, {
        acrValues: this.config.OIDC_MFA_ACR_VALUES,
        amrValues: this.config.OIDC_MFA_AMR_VALUES,
      });
    }
    const identity = oidcIdentityFromClaims(claims);
    const username = await this.record(identity);
    return { username, role: identity.role, organisation: identity.organisation };
  }

  /**
   * The registry's user for the identity, made known (as a reviewer, an assignee) once they have shown up with a
   * token, and kept up to date with their name, role and organisation. Another user's row is never touched.
   */
  private async record(identity: OidcIdentity): Promise<string> {
    const key = JSON.stringify([identity.issuer, identity.subject]);
    const fingerprint = JSON.stringify([identity.displayName, identity.role, identity.organisation]);
    const recorded = this.recorded.get(key);
    if (recorded?.fingerprint === fingerprint) return recorded.username;
    const bound = await this.users.bindIdentity(identity);
    if (bound === 'organisation_unknown') {
      throw new AppException(
        'organisation_unknown',
        `The access token names organisation ${identity.organisation}, which the registry does not know.`,
      );
    }
    if (bound === 'username_taken') {
      throw new AppException(
        'identity_conflict',
        `Username ${identity.username} belongs to another account in the registry; an administrator binds yours.`,
      );
    }
    if (this.recorded.size >= RECORDED_USERS_MAX) this.recorded.clear();
    this.recorded.set(key, { fingerprint, username: bound.username });
    return bound.username;
  }

  /** Refuses a user an administrator has deactivated (within ACTIVE_FOR_MS of it). */
  private async assertActive(username: string): Promise<void> {
    if ((this.active.get(username) ?? 0) > Date.now()) return;
    if ((await this.users.deactivatedAmong([username])).size) {
      throw new AppException('user_deactivated', 'This user has been deactivated in the registry.');
    }
    if (this.active.size >= RECORDED_USERS_MAX) this.active.clear();
    this.active.set(username, Date.now() + ACTIVE_FOR_MS);
  }
}

function demoVerifier(config: AppConfig): (token: string) => Promise<Verified> {
  // Imported once: handed the raw secret, jose imports it anew for every token it checks.
  const key = webcrypto.subtle.importKey('raw', demoSigningKey(config), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'verify',
  ]);
  const options = { issuer: DEMO_ISSUER, audience: DEMO_AUDIENCE, algorithms: [DEMO_ALGORITHM] };
  return async (token) => {
    const { payload, protectedHeader } = await jwtVerify(token, await key, options);
    return { claims: payload, header: protectedHeader };
  };
}

function oidcVerifier(config: AppConfig): (token: string) => Promise<Verified> {
  if (!config.OIDC_JWKS_URL || !config.OIDC_ISSUER || !config.OIDC_AUDIENCE) {
    throw new Error('OIDC_ISSUER, OIDC_JWKS_URL and OIDC_AUDIENCE are required when AUTH_MODE=oidc');
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
    // A token must say when it ends and who it names: one without either would be taken for ever, or for no one.
    requiredClaims: ['exp', 'sub'],
  };
  return async (token) => {
    const { payload, protectedHeader } = await jwtVerify(token, keys, options);
    return { claims: payload, header: protectedHeader };
  };
}

/** Whether fetching keys failed because of the token (no key for its kid or alg) rather than the provider. */
function isTokenFault(error: unknown): boolean {
  return (
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JWKSMultipleMatchingKeys ||
    error instanceof errors.JOSENotSupported
  );
}
