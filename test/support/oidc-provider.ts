import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload } from 'jose';
import type { Provider } from 'oidc-provider';

export const WEB_CLIENT_ID = 'notaflow-web';
/** The API as a resource server (RFC 8707): access tokens for it carry this audience. */
export const API_AUDIENCE = 'notaflow-api';
const API_RESOURCE = 'https://api.notaflow.test/';
/** Where a sign-in without a browser (signIn below) is sent back to; nothing listens there. */
const SCRIPTED_REDIRECT = 'http://127.0.0.1:9/terug';

/** Who signs in next: their claims, and how they authenticated (`acr`, `amr`), which the access token carries. */
export interface TestAccount extends JWTPayload {
  sub: string;
  acr?: string;
  amr?: string[];
}

export interface SignOptions {
  audience?: string;
  issuer?: string;
  typ?: string;
  expiresAt?: number | string;
  /** Signed with a key of no one's under the provider's key id. */
  foreignKey?: boolean;
}

/** The name the web tests knew the provider by. */
export type OidcProviderStub = TestIdentityProvider;

export interface TestIdentityProvider {
  issuer: string;
  jwksUrl: string;
  /** The account the provider signs in at once when a browser comes to sign in: it asks no password. */
  user: TestAccount;
  /** Every code exchange at the token endpoint, refused ones with the provider's reason. */
  exchanges: { ok: boolean; reason?: string }[];
  /** The authorization code flow with PKCE, as the web app runs it, without a browser: the provider's own tokens. */
  signIn(account: TestAccount): Promise<{ accessToken: string; idToken: string }>;
  /** A token signed with the provider's own key, for what the provider would never issue (forged claims, headers). */
  sign(claims: JWTPayload, options?: SignOptions): Promise<string>;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider (`oidc-provider`, the certified implementation) on loopback: discovery, the
 * authorization endpoint, the token endpoint checking PKCE, its JWKS, RP-initiated logout, and JWT access tokens for
 * the API (RFC 9068, `typ: at+jwt`) carrying the account's role and organisation. Its interactions sign in `user` at
 * once and grant what the client asked.
 *
 * The web client is registered as a native one: a loopback redirect URI then matches on any port (RFC 8252 §7.3),
 * and the API under test picks its port after the provider has started.
 */
export async function startOidcProvider(
  options: { audience?: string } = {},
): Promise<TestIdentityProvider & { provider: Provider }> {
  const audience = options.audience ?? API_AUDIENCE;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = 'test-signing-key';
  const jwk: JWK = { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
  const accounts = new Map<string, TestAccount>();

  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { Provider, errors } = await withoutNotices(() => import('oidc-provider'));
  const provider = await withoutNotices(
    async () =>
      new Provider(issuer, {
        clients: [
          {
            client_id: WEB_CLIENT_ID,
            application_type: 'native',
            token_endpoint_auth_method: 'none',
            grant_types: ['authorization_code'],
            response_types: ['code'],
            redirect_uris: ['http://127.0.0.1/inloggen/terug', 'http://127.0.0.1/terug'],
            post_logout_redirect_uris: ['http://127.0.0.1/inloggen'],
          },
        ],
        jwks: { keys: [jwk] },
        cookies: { keys: [randomBytes(16).toString('hex')] },
        scopes: ['openid', 'profile'],
        claims: { openid: ['sub'], profile: ['name', 'preferred_username'] },
        ttl: { AccessToken: 300, AuthorizationCode: 60, IdToken: 300, Interaction: 600, Session: 3600, Grant: 3600 },
        features: {
          devInteractions: { enabled: false },
          rpInitiatedLogout: {
            enabled: true,
            // Confirmed at once, as the provider's own page would be by the user.
            logoutSource: (ctx, form) => {
              ctx.body = `<!DOCTYPE html><title>Afmelden</title>${form}<script>
            const form = document.forms[0]; const yes = document.createElement('input');
            yes.type = 'hidden'; yes.name = 'logout'; yes.value = 'yes'; form.append(yes); form.submit();
          </script>`;
            },
          },
          resourceIndicators: {
            enabled: true,
            defaultResource: () => API_RESOURCE,
            useGrantedResource: () => true,
            getResourceServerInfo: (_ctx, indicator) => {
              if (indicator !== API_RESOURCE) throw new errors.InvalidTarget();
              return { scope: 'notaflow', audience, accessTokenTTL: 300, accessTokenFormat: 'jwt' };
            },
          },
        },
        interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
        findAccount: (_ctx, sub) => {
          const account = accounts.get(sub);
          return account ? { accountId: sub, claims: () => ({ ...profile(account), sub }) } : undefined;
        },
        // The claims an identity provider of the Rijk maps from its directory, in the API's access token.
        extraTokenClaims: (ctx, token) => {
          if (token.kind !== 'AccessToken' || !token.accountId) return undefined;
          const account = accounts.get(token.accountId);
          const code = ctx.oidc.entities.AuthorizationCode;
          return {
            ...profile(account ?? { sub: token.accountId }),
            ...(code?.acr ? { acr: code.acr } : {}),
            ...(code?.amr ? { amr: code.amr } : {}),
          };
        },
      }),
  );

  const stub: TestIdentityProvider & { provider: Provider } = {
    provider,
    issuer,
    jwksUrl: `${issuer}/jwks`,
    user: { sub: 'nobody' },
    exchanges: [],
    signIn: (account) => scriptedSignIn(issuer, stub, account),
    sign: async (
      claims,
      { audience: aud = audience, issuer: iss = issuer, typ = 'at+jwt', expiresAt = '5m', foreignKey } = {},
    ) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid, typ })
        .setIssuer(iss)
        .setAudience(aud)
        .setIssuedAt()
        .setExpirationTime(expiresAt)
        .sign(foreignKey ? (await generateKeyPair('RS256')).privateKey : privateKey),
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
  provider.on('grant.success', () => stub.exchanges.push({ ok: true }));
  provider.on('grant.error', (_ctx, error: { error_detail?: string; message: string }) =>
    stub.exchanges.push({ ok: false, reason: error.error_detail ?? error.message }),
  );

  const callback = provider.callback();
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const interaction = /^\/interaction\/([^/?]+)/.exec(request.url ?? '');
    if (!interaction) return void callback(request, response);
    interact(provider, request, response, stub.user, accounts).catch((error: unknown) => {
      response.writeHead(500).end(String(error));
    });
  });
  return stub;
}

/**
 * Runs `step` without oidc-provider's two notices, which say nothing about a test: that Node 20 is older than it
 * likes, and that its state lives in memory (a provider started per test file is meant to forget).
 */
async function withoutNotices<T>(step: () => Promise<T>): Promise<T> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!/^oidc-provider WARNING: (Unsupported runtime|a quick start development-only)/.test(String(args[0]))) {
      warn(...args);
    }
  };
  try {
    return await step();
  } finally {
    console.warn = warn;
  }
}

/** The standard claims of an account, without how it signed in. */
function profile(account: TestAccount): JWTPayload {
  const { acr: _acr, amr: _amr, ...claims } = account;
  return claims;
}

/** Signs in `user` without asking, then grants the client what it asked: the user's part of a sign-in. */
async function interact(
  provider: Provider,
  request: IncomingMessage,
  response: ServerResponse,
  user: TestAccount,
  accounts: Map<string, TestAccount>,
): Promise<void> {
  const details = await provider.interactionDetails(request, response);
  if (details.prompt.name === 'login') {
    accounts.set(user.sub, user);
    const login = {
      accountId: user.sub,
      ...(user.acr ? { acr: user.acr } : {}),
      ...(user.amr ? { amr: user.amr } : {}),
    };
    await provider.interactionFinished(request, response, { login }, { mergeWithLastSubmission: false });
    return;
  }
  const accountId = details.session?.accountId ?? user.sub;
  const grant = details.grantId
    ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId, clientId: String(details.params.client_id) });
  if (!grant) throw new Error('grant not found');
  const missing = details.prompt.details as {
    missingOIDCScope?: string[];
    missingOIDCClaims?: string[];
    missingResourceScopes?: Record<string, string[]>;
  };
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
    grant.addResourceScope(indicator, scopes.join(' '));
  }
  const grantId = await grant.save();
  await provider.interactionFinished(request, response, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

/** The authorization code flow with PKCE over plain HTTP, following the provider's redirects with its cookies. */
async function scriptedSignIn(
  issuer: string,
  stub: TestIdentityProvider,
  account: TestAccount,
): Promise<{ accessToken: string; idToken: string }> {
  stub.user = account;
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const start = new URL(`${issuer}/auth`);
  for (const [key, value] of Object.entries({
    client_id: WEB_CLIENT_ID,
    response_type: 'code',
    redirect_uri: SCRIPTED_REDIRECT,
    scope: 'openid profile',
    state: randomBytes(8).toString('hex'),
    nonce: randomBytes(8).toString('hex'),
    code_challenge: challenge,
    code_challenge_method: 'S256',
  })) {
    start.searchParams.set(key, value);
  }
  const cookies = new Map<string, string>();
  let next = start.href;
  for (let hop = 0; hop < 10 && !next.startsWith(SCRIPTED_REDIRECT); hop++) {
    const response = await fetch(next, {
      redirect: 'manual',
      headers: { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const location = response.headers.get('location');
    if (!location) throw new Error(`sign-in stopped at ${next}: HTTP ${response.status} ${await response.text()}`);
    next = new URL(location, next).href;
  }
  const code = new URL(next).searchParams.get('code');
  if (!code) throw new Error(`sign-in ended without a code: ${next}`);
  const token = await fetch(`${issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      redirect_uri: SCRIPTED_REDIRECT,
      client_id: WEB_CLIENT_ID,
    }),
  });
  const answer = (await token.json()) as { access_token?: string; id_token?: string };
  if (!answer.access_token || !answer.id_token) throw new Error(`no tokens: ${JSON.stringify(answer)}`);
  return { accessToken: answer.access_token, idToken: answer.id_token };
}
