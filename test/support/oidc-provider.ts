import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';

export const WEB_CLIENT_ID = 'notaflow-web';

export interface OidcProviderStub {
  issuer: string;
  jwksUrl: string;
  /** The claims of whoever signs in next: the provider asks no password. */
  user: JWTPayload;
  /** Every code exchange it answered, refused ones included. */
  exchanges: { ok: boolean; reason?: string }[];
  close(): Promise<void>;
}

/**
 * A stand-in OpenID Connect provider for the web app's sign-in: discovery, an authorization endpoint that signs in
 * `user` at once and sends the browser back with a code, a token endpoint that checks the PKCE verifier against the
 * challenge (RFC 7636) before it hands out an RS256 access token, its JWKS, and an end-session endpoint.
 */
export async function startOidcProvider(audience = 'notaflow'): Promise<OidcProviderStub> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const kid = 'web-test-key';
  const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }] });
  const codes = new Map<string, { challenge: string; redirectUri: string; clientId: string; nonce: string }>();
  const server = createServer((request, response) => {
    void handle(request).then(
      ({ status, headers, body }) => response.writeHead(status, headers).end(body),
      (error: unknown) => response.writeHead(500).end(String(error)),
    );
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const stub: OidcProviderStub = {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    user: {},
    exchanges: [],
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };

  const sign = (claims: JWTPayload, aud: string) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid })
      .setIssuer(issuer)
      .setAudience(aud)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);

  async function handle(
    request: IncomingMessage,
  ): Promise<{ status: number; headers: Record<string, string>; body: string }> {
    const url = new URL(request.url ?? '/', issuer);
    const json = (status: number, body: unknown) => ({
      status,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    switch (url.pathname) {
      case '/.well-known/openid-configuration':
        return json(200, {
          issuer,
          authorization_endpoint: `${issuer}/authorize`,
          token_endpoint: `${issuer}/token`,
          end_session_endpoint: `${issuer}/logout`,
          jwks_uri: `${issuer}/jwks`,
          code_challenge_methods_supported: ['S256'],
        });
      case '/jwks':
        return { status: 200, headers: { 'content-type': 'application/jwk-set+json' }, body: jwks };
      case '/authorize': {
        const q = url.searchParams;
        if (q.get('response_type') !== 'code' || q.get('code_challenge_method') !== 'S256') {
          return json(400, { error: 'invalid_request' });
        }
        const code = randomBytes(16).toString('base64url');
        codes.set(code, {
          challenge: q.get('code_challenge') ?? '',
          redirectUri: q.get('redirect_uri') ?? '',
          clientId: q.get('client_id') ?? '',
          nonce: q.get('nonce') ?? '',
        });
        const back = new URL(q.get('redirect_uri') ?? '');
        back.searchParams.set('code', code);
        back.searchParams.set('state', q.get('state') ?? '');
        return { status: 302, headers: { location: back.toString() }, body: '' };
      }
      case '/token': {
        const chunks: Buffer[] = [];
        for await (const chunk of request) chunks.push(chunk as Buffer);
        const form = new URLSearchParams(Buffer.concat(chunks).toString());
        const code = form.get('code') ?? '';
        const issued = codes.get(code);
        codes.delete(code);
        const challenge = createHash('sha256')
          .update(form.get('code_verifier') ?? '')
          .digest('base64url');
        const reason = !issued
          ? 'unknown or used code'
          : form.get('grant_type') !== 'authorization_code'
            ? 'grant_type'
            : form.get('client_id') !== issued.clientId || issued.clientId !== WEB_CLIENT_ID
              ? 'client_id'
              : form.get('redirect_uri') !== issued.redirectUri
                ? 'redirect_uri'
                : challenge !== issued.challenge
                  ? 'code_verifier does not match the challenge'
                  : undefined;
        stub.exchanges.push(reason ? { ok: false, reason } : { ok: true });
        if (reason || !issued) return json(400, { error: 'invalid_grant', error_description: reason });
        return json(200, {
          access_token: await sign(stub.user, audience),
          id_token: await sign({ ...stub.user, nonce: issued.nonce }, WEB_CLIENT_ID),
          token_type: 'Bearer',
          expires_in: 300,
        });
      }
      case '/logout': {
        const back = url.searchParams.get('post_logout_redirect_uri');
        return back ? { status: 302, headers: { location: back }, body: '' } : json(200, { signedOut: true });
      }
      default:
        return json(404, { error: 'not_found' });
    }
  }
  return stub;
}
