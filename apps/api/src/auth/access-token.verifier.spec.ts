import { Logger } from '@nestjs/common';
import { SignJWT } from 'jose';
import { loadConfig } from '@notaflow/config';
import type { UserRepository } from '@notaflow/persistence';
import { AccessTokenVerifier } from './access-token.verifier';
import { DEMO_ALGORITHM, DEMO_AUDIENCE, DEMO_ISSUER, demoSigningKey } from './demo-token';

describe(AccessTokenVerifier.name, () => {
  const config = loadConfig(
    { DATABASE_URL: 'postgres://notaflow:pw@db:5432/notaflow', JWT_SECRET: 's'.repeat(32), AUTH_MODE: 'demo' },
    'api',
  );
  const start = new Date('2026-11-30T09:00:00Z');

  beforeAll(() => Logger.overrideLogger(false));

  beforeEach(() => {
    // Only the clock: jose's checks and the cache both read it; promises and crypto run as usual.
    jest.useFakeTimers({
      now: start,
      doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate', 'setTimeout', 'setInterval', 'hrtime', 'performance'],
    });
  });
  afterEach(() => jest.useRealTimers());

  function sign(secret = demoSigningKey(config), lifetimeSeconds = 600): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ role: 'cosigner', organisation: 'VWS', name: 'VWS ondertekenaar' })
      .setProtectedHeader({ alg: DEMO_ALGORITHM, typ: 'JWT' })
      .setSubject('vws.signer')
      .setIssuer(DEMO_ISSUER)
      .setAudience(DEMO_AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + lifetimeSeconds)
      .sign(secret);
  }

  const deactivated = new Set<string>();
  const users = { deactivatedAmong: async (names: string[]) => new Set(names.filter((n) => deactivated.has(n))) };
  const verifier = (): AccessTokenVerifier => new AccessTokenVerifier(config, users as unknown as UserRepository);
  afterEach(() => deactivated.clear());

  it('names the caller of a genuine token, each time it is shown', async () => {
    const tokens = verifier();
    const token = await sign();
    const first = await tokens.verify(token);
    expect(first).toEqual({ username: 'vws.signer', role: 'cosigner', organisation: 'VWS' });
    first.role = 'admin';
    expect(await tokens.verify(token)).toEqual({ username: 'vws.signer', role: 'cosigner', organisation: 'VWS' });
  });

  it('refuses a token once it has expired, though it was accepted before', async () => {
    const tokens = verifier();
    const token = await sign(undefined, 60);
    await expect(tokens.verify(token)).resolves.toMatchObject({ username: 'vws.signer' });
    jest.setSystemTime(new Date(start.getTime() + 61_000));
    await expect(tokens.verify(token)).rejects.toMatchObject({ code: 'token_expired' });
  });

  it('refuses the token of a user deactivated since, once what it knew of them is old', async () => {
    const tokens = verifier();
    const token = await sign();
    await expect(tokens.verify(token)).resolves.toMatchObject({ username: 'vws.signer' });
    deactivated.add('vws.signer');
    jest.setSystemTime(new Date(start.getTime() + 31_000));
    await expect(tokens.verify(token)).rejects.toMatchObject({ code: 'user_deactivated' });
  });

  it('refuses a token signed with another secret', async () => {
    const forged = await sign(new TextEncoder().encode('x'.repeat(32)));
    await expect(verifier().verify(forged)).rejects.toMatchObject({ code: 'token_invalid' });
  });
});
