import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import bcrypt from 'bcryptjs';
import { decodeJwt, SignJWT, type JWTPayload } from 'jose';
import { DEMO_USERS } from '@notaflow/domain';
import { startTestApp, type TestApp } from './support/app';
import { ApiClient, type Reply } from './support/http';
import {
  API_AUDIENCE,
  startOidcProvider,
  WEB_CLIENT_ID,
  type TestAccount,
  type TestIdentityProvider,
} from './support/oidc-provider';

type SigningKey = Uint8Array;

function expectProblem(reply: Reply, status: number): void {
  expect(reply.status).toBe(status);
  expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(reply.body).toMatchObject({ status, type: expect.any(String), title: expect.any(String) });
  expect(reply.body.detail).toEqual(expect.any(String));
}

function expectChallenge(reply: Reply): void {
  expectProblem(reply, 401);
  expect(reply.headers.get('www-authenticate')).toMatch(/^Bearer realm="notaflow"/);
}

/** GET /auth/me with the given Authorization header (none when undefined). */
function me(baseUrl: string, authorization?: string): Promise<Reply> {
  return new ApiClient(baseUrl).request('GET', '/auth/me', undefined, authorization ? { authorization } : {});
}

interface SignOptions {
  issuer: string;
  audience?: string;
  expiresAt?: number | string;
  alg?: string;
  kid?: string;
}

function sign(claims: JWTPayload, key: SigningKey, options: SignOptions): Promise<string> {
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: options.alg ?? 'HS256', ...(options.kid ? { kid: options.kid } : {}) })
    .setIssuer(options.issuer)
    .setAudience(options.audience ?? 'notaflow')
    .setIssuedAt()
    .setExpirationTime(options.expiresAt ?? '5m');
  return jwt.sign(key);
}

async function demoUserRows(sut: TestApp): Promise<Record<string, unknown>[]> {
  return sut.dataSource.query(
    `SELECT username, display_name, role, organisation_code, password_hash, created_at
       FROM users ORDER BY username`,
  );
}

describe('auth with the demo identity provider', () => {
  let sut: TestApp;
  let hashes: jest.SpiedFunction<typeof bcrypt.hash>;
  const secret = () => new TextEncoder().encode(sut.config.JWT_SECRET);
  const ours = (claims: JWTPayload, options: Partial<SignOptions> = {}) =>
    sign(claims, secret(), { issuer: 'notaflow-demo', ...options });
  const staff = { sub: 'jenv.staff', role: 'drafter', organisation: 'JENV' };

  beforeAll(async () => {
    hashes = jest.spyOn(bcrypt, 'hash');
    sut = await startTestApp({ worker: false });
  });
  afterAll(async () => {
    hashes?.mockRestore();
    await sut?.close();
  });

  it('adds every demo user on first start, hashing the shared password once', async () => {
    expect(hashes).toHaveBeenCalledTimes(1);
    const rows = await demoUserRows(sut);
    expect(rows.map((row) => row.username)).toEqual(DEMO_USERS.map((user) => user.username).sort());
    expect(new Set(rows.map((row) => row.password_hash)).size).toBe(1);
    expect(rows[0].password_hash).toMatch(/^\$2[aby]\$10\$/);
  });

  it.each(DEMO_USERS.map((user) => [user.username, user] as const))(
    '%s signs in with the password demo and sees its role and organisation',
    async (_name, user) => {
      const reply = await new ApiClient(sut.baseUrl).post('/auth/token', { username: user.username, password: 'demo' });
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual({
        accessToken: expect.any(String),
        expiresIn: sut.config.JWT_TTL_SECONDS,
        tokenType: 'Bearer',
      });
      const claims = decodeJwt(reply.body.accessToken);
      expect(claims).toMatchObject({
        sub: user.username,
        role: user.role,
        organisation: user.organisation,
        name: user.displayName,
        iss: 'notaflow-demo',
        aud: 'notaflow',
      });
      expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(sut.config.JWT_TTL_SECONDS);

      const profile = await me(sut.baseUrl, `Bearer ${reply.body.accessToken}`);
      expect(profile.status).toBe(200);
      expect(profile.body).toEqual({
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        organisation: user.organisation,
      });
    },
  );

  it('refuses a wrong password and an unknown user with the same 401', async () => {
    const client = new ApiClient(sut.baseUrl);
    const wrongPassword = await client.post('/auth/token', { username: 'jenv.staff', password: 'Demo' });
    const unknownUser = await client.post('/auth/token', { username: 'jenv.niemand', password: 'demo' });
    expectProblem(wrongPassword, 401);
    expectProblem(unknownUser, 401);
    expect(wrongPassword.body.detail).toMatch(/wrong username or password/i);
    expect(unknownUser.body.detail).toBe(wrongPassword.body.detail);
    expect(JSON.stringify(wrongPassword.body)).not.toContain('Demo');
  });

  describe('refuses a request without a valid access token with 401 and a Bearer challenge', () => {
    const invalid = /not valid/;
    // Every row names its detail: jest.each would take a missing last argument for a `done` callback.
    const cases: [string, () => Promise<string | undefined>, RegExp][] = [
      ['no Authorization header', async () => undefined, /access token is required/],
      ['another scheme', async () => `Basic ${Buffer.from('jenv.staff:demo').toString('base64')}`, /required/],
      ['a bearer without token', async () => 'Bearer ', /required/],
      ['a token that is no JWT', async () => 'Bearer not-a-jwt', invalid],
      [
        'a token signed with another secret',
        async () => `Bearer ${await sign(staff, randomBytes(32), { issuer: 'notaflow-demo' })}`,
        invalid,
      ],
      [
        'an expired token',
        async () => `Bearer ${await ours(staff, { expiresAt: Math.floor(Date.now() / 1000) - 60 })}`,
        /expired/,
      ],
      [
        'a token of another issuer',
        async () => `Bearer ${await ours(staff, { issuer: 'https://idp.example' })}`,
        invalid,
      ],
      ['a token for another audience', async () => `Bearer ${await ours(staff, { audience: 'another-app' })}`, invalid],
      [
        'an unsigned token',
        async () => {
          const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
          const exp = Math.floor(Date.now() / 1000) + 300;
          return `Bearer ${part({ alg: 'none' })}.${part({ ...staff, iss: 'notaflow-demo', aud: 'notaflow', exp })}.`;
        },
        invalid,
      ],
    ];

    it.each(cases)('%s', async (_name, header, detail) => {
      const authorization = await header();
      const reply = await me(sut.baseUrl, authorization);
      expectChallenge(reply);
      expect(reply.body.detail).toMatch(detail);
      const token = authorization?.split(' ')[1];
      if (token) expect(JSON.stringify(reply.body)).not.toContain(token);
    });

    it('but accepts a token it signed itself', async () => {
      expect((await me(sut.baseUrl, `Bearer ${await ours(staff)}`)).status).toBe(200);
    });
  });

  it.each([
    ['no fields', {}, ['username', 'password']],
    ['no password', { username: 'jenv.staff' }, ['password']],
    ['an empty username', { username: '', password: 'demo' }, ['username']],
    ['a password that is not text', { username: 'jenv.staff', password: 1234 }, ['password']],
    ['a username that is too long', { username: 'a'.repeat(65), password: 'demo' }, ['username']],
    ['an unknown field', { username: 'jenv.staff', password: 'demo', role: 'admin' }, ['role']],
  ])('answers a token request with %s with a 400 naming the field', async (_name, body, fields) => {
    const reply = await new ApiClient(sut.baseUrl).post('/auth/token', body);
    expectProblem(reply, 400);
    expect(reply.body.errors.map((error: { name: string }) => error.name)).toEqual(expect.arrayContaining(fields));
  });

  it('answers 403 when the role is not one that @Roles() lets through', async () => {
    const reviewer = await ApiClient.login(sut.baseUrl, 'jenv.directeur');
    const reply = await reviewer.post('/notas', { title: 'Nota van een reviewer', route: {} });
    expectProblem(reply, 403);
    expect(reply.body.detail).toMatch(/drafter/);
  });

  it('keeps health and the OpenAPI document open, and documents the auth routes', async () => {
    expect((await fetch(`${sut.baseUrl}/api/v1/health`)).status).toBe(200);
    const response = await fetch(`${sut.baseUrl}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { paths: Record<string, Record<string, Record<string, unknown>>> };
    const token = document.paths['/api/v1/auth/token'].post;
    const profile = document.paths['/api/v1/auth/me'].get;
    expect(token).toMatchObject({ tags: ['auth'], responses: { 200: {}, 400: {}, 401: {}, 404: {} } });
    expect(token.security).toBeUndefined();
    expect(profile).toMatchObject({ tags: ['auth'], security: [{ bearer: [] }], responses: { 200: {}, 401: {} } });
  });

  it('neither adds, changes nor re-hashes the demo users when another instance starts on the same database', async () => {
    const before = await demoUserRows(sut);
    hashes.mockClear();
    const second = await startTestApp({ worker: false, env: { DATABASE_URL: sut.config.DATABASE_URL } });
    try {
      expect(hashes).not.toHaveBeenCalled();
      expect(await demoUserRows(second)).toEqual(before);
      const reply = await new ApiClient(second.baseUrl).post('/auth/token', {
        username: 'jenv.staff',
        password: 'demo',
      });
      expect(reply.status).toBe(200);
      // Each instance signs with its own secret here, so the first one's tokens do not pass.
      expectChallenge(await me(sut.baseUrl, `Bearer ${reply.body.accessToken}`));
    } finally {
      await second.close();
    }
  });
});

describe('the demo users when the demo is not seeded', () => {
  it('are not there in demo mode: SEED_DEMO=false signs in no one with the password demo', async () => {
    const sut = await startTestApp({ worker: false, env: { SEED_DEMO: 'false' } });
    try {
      expect(await sut.dataSource.query('SELECT username FROM users')).toEqual([]);
      for (const username of ['az.admin', 'jenv.staff']) {
        expectProblem(await new ApiClient(sut.baseUrl).post('/auth/token', { username, password: 'demo' }), 401);
      }
    } finally {
      await sut.close();
    }
  });
});

function oidcEnv(idp: TestIdentityProvider, extra: Record<string, string> = {}): Record<string, string> {
  return {
    AUTH_MODE: 'oidc',
    OIDC_ISSUER: idp.issuer,
    OIDC_JWKS_URL: idp.jwksUrl,
    OIDC_AUDIENCE: API_AUDIENCE,
    OIDC_CLIENT_ID: WEB_CLIENT_ID,
    ...extra,
  };
}

/**
 * Against a real OpenID Connect provider on loopback (oidc-provider): users signed in through its authorization code
 * flow with PKCE, and tokens it would never issue signed with its own key.
 */
describe('auth with an OIDC identity provider', () => {
  let idp: Awaited<ReturnType<typeof startOidcProvider>>;
  let sut: TestApp;
  const drafter = {
    sub: 'f4c1d3e2',
    preferred_username: 'vws.beleid',
    name: 'Beleidsmedewerker VWS',
    role: 'drafter',
    organisation: 'VWS',
  };
  const bearer = async (account: TestAccount) => `Bearer ${(await idp.signIn(account)).accessToken}`;
  const userRow = (username: string) =>
    sut.dataSource.query(
      `SELECT display_name, role, organisation_code, password_hash, oidc_issuer, oidc_subject FROM users
        WHERE username = $1`,
      [username],
    );

  beforeAll(async () => {
    idp = await startOidcProvider();
    sut = await startTestApp({ worker: false, env: oidcEnv(idp) });
  });
  afterAll(async () => {
    await sut?.close();
    await idp?.close();
  });

  it('accepts the access token of a sign-in and records its user under the issuer and subject', async () => {
    const profile = await me(sut.baseUrl, await bearer(drafter));
    expect(profile.status).toBe(200);
    expect(profile.body).toEqual({
      username: 'vws.beleid',
      displayName: 'Beleidsmedewerker VWS',
      role: 'drafter',
      organisation: 'VWS',
    });
    expect(await userRow('vws.beleid')).toEqual([
      {
        display_name: 'Beleidsmedewerker VWS',
        role: 'drafter',
        organisation_code: 'VWS',
        password_hash: null,
        oidc_issuer: idp.issuer,
        oidc_subject: 'f4c1d3e2',
      },
    ]);
  });

  it('follows a change of role at the identity provider, for the same subject', async () => {
    const token = await bearer({ ...drafter, role: 'cosigner', name: 'Medeondertekenaar VWS' });
    expect((await me(sut.baseUrl, token)).body).toMatchObject({ username: 'vws.beleid', role: 'cosigner' });
    expect(await userRow('vws.beleid')).toEqual([expect.objectContaining({ role: 'cosigner' })]);
  });

  it('keeps knowing a user by subject when their preferred_username changes', async () => {
    const renamed = await me(sut.baseUrl, await bearer({ ...drafter, preferred_username: 'vws.nieuwenaam' }));
    expect(renamed.body).toMatchObject({ username: 'vws.beleid' });
    expect(await userRow('vws.nieuwenaam')).toEqual([]);
  });

  it("refuses another subject that names a user's username, and leaves that user's role and organisation", async () => {
    const before = await userRow('vws.beleid');
    const impostor = await me(
      sut.baseUrl,
      await bearer({ sub: 'a-different-subject', preferred_username: 'vws.beleid', role: 'admin', organisation: 'AZ' }),
    );
    expectProblem(impostor, 403);
    expect(impostor.body.code).toBe('identity_conflict');
    expect(await userRow('vws.beleid')).toEqual(before);
  });

  it('refuses a demo user’s username too: a user not bound to an identity is no one’s to take', async () => {
    await sut.dataSource.query(
      `INSERT INTO users (username, display_name, role, organisation_code) VALUES ('jenv.dg', 'DG', 'reviewer', 'JENV')`,
    );
    const reply = await me(
      sut.baseUrl,
      await bearer({ sub: 'someone', preferred_username: 'jenv.dg', role: 'manager', organisation: 'JENV' }),
    );
    expect(reply.body.code).toBe('identity_conflict');
    expect(await userRow('jenv.dg')).toEqual([expect.objectContaining({ role: 'reviewer', oidc_subject: null })]);
  });

  it('takes the username from sub when there is no preferred_username', async () => {
    const token = await bearer({ sub: 'szw.beleid', role: 'reviewer', organisation: 'SZW' });
    expect((await me(sut.baseUrl, token)).body).toEqual({
      username: 'szw.beleid',
      displayName: 'szw.beleid',
      role: 'reviewer',
      organisation: 'SZW',
    });
  });

  it('has no demo users', async () => {
    expect(await sut.dataSource.query('SELECT username FROM users WHERE password_hash IS NOT NULL')).toEqual([]);
  });

  it('refuses the ID token of a sign-in as an access token', async () => {
    const { idToken } = await idp.signIn(drafter);
    expectChallenge(await me(sut.baseUrl, `Bearer ${idToken}`));
  });

  it.each([
    ['of another issuer', () => idp.sign(drafter, { issuer: 'https://login.example' })],
    ['signed by another key under the same kid', () => idp.sign(drafter, { foreignKey: true })],
    ['for another audience', () => idp.sign(drafter, { audience: 'another-app' })],
    ['that has expired', () => idp.sign(drafter, { expiresAt: Math.floor(Date.now() / 1000) - 120 })],
    ['that says it is an ID token (token_use)', () => idp.sign({ ...drafter, token_use: 'id' }, { typ: 'JWT' })],
    ['that says it is an ID token (typ claim)', () => idp.sign({ ...drafter, typ: 'ID' }, { typ: 'JWT' })],
    ['that names no subject', () => idp.sign({ ...drafter, sub: undefined })],
    // The demo secret must not be a way in when the identity provider holds the keys.
    [
      'signed with the demo secret',
      () =>
        sign(drafter, new TextEncoder().encode(sut.config.JWT_SECRET), { issuer: idp.issuer, audience: API_AUDIENCE }),
    ],
  ])('refuses a token %s with 401', async (_name, token) => {
    expectChallenge(await me(sut.baseUrl, `Bearer ${await token()}`));
  });

  it.each([
    ['a role it does not know', { ...drafter, sub: 'x1', role: 'minister' }, /role/],
    ['no organisation', { ...drafter, sub: 'x2', organisation: undefined }, /organisation/],
    [
      'an organisation the registry does not know',
      { ...drafter, sub: 'x3', preferred_username: 'lnv.beleid', organisation: 'LNV' },
      /LNV/,
    ],
  ])('answers 403 for a genuine token with %s', async (_name, claims, detail) => {
    const reply = await me(sut.baseUrl, `Bearer ${await idp.sign(claims)}`);
    expectProblem(reply, 403);
    expect(reply.body.detail).toMatch(detail);
  });

  it.each([
    ['a valid sign-in', { username: 'jenv.staff', password: 'demo' }],
    ['an empty body', {}],
  ])('answers 404 to %s at the demo identity provider', async (_name, body) => {
    const reply = await new ApiClient(sut.baseUrl).post('/auth/token', body);
    expectProblem(reply, 404);
    expect(reply.body.detail).toMatch(/demo identity provider is off/);
  });
});

describe('auth with an OIDC identity provider that requires multi-factor authentication (BIO 5.17)', () => {
  let idp: Awaited<ReturnType<typeof startOidcProvider>>;
  let sut: TestApp;
  const user = { sub: 'c0ffee', preferred_username: 'bz.beleid', role: 'drafter', organisation: 'BZ' };

  beforeAll(async () => {
    idp = await startOidcProvider();
    sut = await startTestApp({
      worker: false,
      env: oidcEnv(idp, { OIDC_REQUIRE_MFA: 'true', OIDC_MFA_ACR_VALUES: 'urn:rijk:loa:substantial' }),
    });
  });
  afterAll(async () => {
    await sut?.close();
    await idp?.close();
  });

  it('refuses a sign-in with a password alone: 401 asking for more (RFC 9470)', async () => {
    const reply = await me(sut.baseUrl, `Bearer ${(await idp.signIn({ ...user, amr: ['pwd'] })).accessToken}`);
    expectProblem(reply, 401);
    expect(reply.body.code).toBe('mfa_required');
    expect(reply.headers.get('www-authenticate')).toBe(
      'Bearer realm="notaflow", error="insufficient_user_authentication", acr_values="urn:rijk:loa:substantial"',
    );
  });

  it.each([
    ['a second factor (amr)', { amr: ['pwd', 'otp', 'mfa'] }],
    ['a level of assurance (acr)', { acr: 'urn:rijk:loa:substantial' }],
  ])('takes a sign-in with %s', async (_name, how) => {
    const reply = await me(sut.baseUrl, `Bearer ${(await idp.signIn({ ...user, ...how })).accessToken}`);
    expect(reply.status).toBe(200);
  });

  it('tells the web app which level to ask for', async () => {
    const config = (await (await fetch(`${sut.baseUrl}/api/v1/auth/config`)).json()) as {
      oidc: { acrValues: string[] };
    };
    expect(config.oidc.acrValues).toEqual(['urn:rijk:loa:substantial']);
  });
});

describe('auth when the OIDC identity provider cannot be reached', () => {
  it('answers 503, not 401: the token may well be good', async () => {
    const idp = await startOidcProvider();
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const unreachable = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/jwks`;
    closed.close();
    await once(closed, 'close');
    const sut = await startTestApp({ worker: false, env: oidcEnv(idp, { OIDC_JWKS_URL: unreachable }) });
    try {
      const token = await idp.sign({
        sub: 'abc',
        preferred_username: 'vws.beleid',
        role: 'drafter',
        organisation: 'VWS',
      });
      const reply = await me(sut.baseUrl, `Bearer ${token}`);
      expectProblem(reply, 503);
      expect(reply.body.detail).toMatch(/identity provider/);
    } finally {
      await sut.close();
      await idp.close();
    }
  });
});
