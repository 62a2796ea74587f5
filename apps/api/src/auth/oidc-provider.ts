import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '@notaflow/config';
import { AppException } from '../common/app.exception';
import { APP_CONFIG } from '../config/config.module';

/** The parts of the identity provider's discovery document (OpenID Connect Discovery 1.0) the web sign-in uses. */
export interface OidcEndpoints {
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  endSessionEndpoint?: string;
}

export interface OidcTokens {
  accessToken: string;
  expiresIn: number;
  idToken?: string;
}

// Endpoints rarely move; an hour keeps a provider's change from needing a restart without asking on every sign-in.
const DISCOVERY_TTL_MS = 60 * 60 * 1000;
const REQUEST_TIMEOUT_MS = 5000;
// When the provider leaves out expires_in (it is only RECOMMENDED), assume a short life: the web app signs in again.
const DEFAULT_EXPIRES_IN = 300;

/**
 * The identity provider as the web app's sign-in sees it: where to send the user (authorization code flow with
 * PKCE), and the code exchange, which the API relays because the web app's Content-Security-Policy lets the
 * browser talk to its own origin only (connect-src 'self'), and the provider need not allow our origin by CORS.
 */
@Injectable()
export class OidcProvider {
  private readonly logger = new Logger(OidcProvider.name);
  private cached: { endpoints: OidcEndpoints; until: number } | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async endpoints(): Promise<OidcEndpoints> {
    if (this.cached && this.cached.until > Date.now()) return this.cached.endpoints;
    const issuer = this.issuer();
    const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const document = await this.fetchJson(url, { headers: { accept: 'application/json' } }, 'discovery document');
    const endpoints = parseDiscovery(document, issuer);
    this.cached = { endpoints, until: Date.now() + DISCOVERY_TTL_MS };
    return endpoints;
  }

  /** Exchanges an authorization code (with its PKCE verifier) for the provider's tokens. */
  async exchangeCode(input: { code: string; codeVerifier: string; redirectUri: string }): Promise<OidcTokens> {
    const clientId = this.config.OIDC_CLIENT_ID;
    if (!clientId) throw unavailable('OIDC_CLIENT_ID is not configured: the web app cannot sign in.');
    const { tokenEndpoint } = await this.endpoints();
    const body = new URLSearchParams({
      grant_type: 'authorization_code',
      code: input.code,
      code_verifier: input.codeVerifier,
      redirect_uri: input.redirectUri,
      client_id: clientId,
    });
    let response: Response;
    try {
      response = await fetch(tokenEndpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      this.logger.warn({ err: error }, 'the identity provider token endpoint could not be reached');
      throw unavailable('The identity provider cannot be reached; try again shortly.');
    }
    const answer = (await response.json().catch(() => undefined)) as Record<string, unknown> | undefined;
    if (response.status >= 400 && response.status < 500) {
      // invalid_grant and friends: a used, expired or forged code, or a verifier that does not match. Never echoed
      // in detail, the provider's description may name internals.
      this.logger.debug(`code exchange refused: ${String(answer?.error ?? response.status)}`);
      throw new AppException('sign_in_refused', 'The identity provider refused the sign-in; sign in again.');
    }
    if (!response.ok || typeof answer?.access_token !== 'string') {
      throw unavailable('The identity provider answered the sign-in with an error; try again shortly.');
    }
    const expiresIn = Number(answer.expires_in);
    return {
      accessToken: answer.access_token,
      expiresIn: Number.isFinite(expiresIn) && expiresIn > 0 ? Math.floor(expiresIn) : DEFAULT_EXPIRES_IN,
      ...(typeof answer.id_token === 'string' ? { idToken: answer.id_token } : {}),
    };
  }

  private issuer(): string {
    if (!this.config.OIDC_ISSUER) throw unavailable('OIDC_ISSUER is not configured.');
    return this.config.OIDC_ISSUER;
  }

  private async fetchJson(url: string, init: RequestInit, what: string): Promise<unknown> {
    try {
      const response = await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return await response.json();
    } catch (error) {
      this.logger.warn({ err: error }, `the identity provider ${what} could not be fetched`);
      throw unavailable('The identity provider cannot be reached; try again shortly.');
    }
  }
}

/** The endpoints of a discovery document, which must be for the configured issuer (OIDC Discovery §4.3). */
export function parseDiscovery(document: unknown, issuer: string): OidcEndpoints {
  const d = (document ?? {}) as Record<string, unknown>;
  const url = (key: string): string | undefined => {
    const value = d[key];
    if (typeof value !== 'string') return undefined;
    try {
      const parsed = new URL(value);
      return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? value : undefined;
    } catch {
      return undefined;
    }
  };
  const trimmed = (value: string) => value.replace(/\/$/, '');
  if (typeof d.issuer !== 'string' || trimmed(d.issuer) !== trimmed(issuer)) {
    throw unavailable('The identity provider discovery document names another issuer than OIDC_ISSUER.');
  }
  const authorizationEndpoint = url('authorization_endpoint');
  const tokenEndpoint = url('token_endpoint');
  if (!authorizationEndpoint || !tokenEndpoint) {
    throw unavailable('The identity provider discovery document names no authorization or token endpoint.');
  }
  const endSessionEndpoint = url('end_session_endpoint');
  return {
    issuer: d.issuer,
    authorizationEndpoint,
    tokenEndpoint,
    ...(endSessionEndpoint ? { endSessionEndpoint } : {}),
  };
}

function unavailable(message: string): AppException {
  return new AppException('unavailable', message);
}
