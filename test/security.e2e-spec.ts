import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import path from 'node:path';
import bcrypt from 'bcryptjs';
import { Client } from 'pg';
import { startTestApp, type TestApp } from './support/app';
import { verifyAuditChain } from '@notaflow/persistence';
import { FlowDriver } from './support/flow-driver';
import { startBuiltApi, stopBuiltApi } from './support/built-api';
import { ApiClient, DEMO_ROUTE } from './support/http';
import { eventually } from './support/time-skipping';

const root = path.resolve(__dirname, '..');

/** Security headers, CORS, limits, lockout, mass assignment, the audit log and what never reaches a log line. */
describe('security', () => {
  let app: TestApp;
  let flow: FlowDriver;

  beforeAll(async () => {
    app = await startTestApp({ worker: false });
    flow = await FlowDriver.create(app.baseUrl);
  });
  afterAll(async () => {
    await app?.close();
  });

  const count = async (table: string) =>
    Number((await app.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);

  describe('HTTP', () => {
    it('sends security headers and no X-Powered-By', async () => {
      const { headers } = await flow.as.staff.get('/notas');
      expect(headers.get('content-security-policy')).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(headers.get('referrer-policy')).toBe('no-referrer');
      expect(headers.get('x-powered-by')).toBeNull();
    });

    it('answers with Cache-Control: no-store, refusals too', async () => {
      expect((await flow.as.staff.get('/notas')).headers.get('cache-control')).toBe('no-store');
      expect((await new ApiClient(app.baseUrl).get('/notas')).headers.get('cache-control')).toBe('no-store');
    });

    it('takes the client address from X-Forwarded-For for the configured proxy hops only', async () => {
      const originOf = async (target: TestApp): Promise<string> => {
        const object = `/api/v1/notas/${randomUUID()}/submit`;
        const reply = await fetch(`${target.baseUrl}${object}`, {
          method: 'POST',
          headers: { 'x-forwarded-for': '203.0.113.7' },
        });
        expect(reply.status).toBe(401);
        const [row] = await eventually(
          'the audit row',
          (): Promise<{ origin: string }[]> =>
            target.dataSource.query(`SELECT origin FROM audit_log WHERE object = $1`, [object]),
          (found) => found.length === 1,
        );
        return row.origin;
      };
      expect(await originOf(app)).toMatch(/127\.0\.0\.1/);
      const proxied = await startTestApp({ worker: false, env: { TRUST_PROXY_HOPS: '1' } });
      try {
        expect(await originOf(proxied)).toBe('203.0.113.7');
      } finally {
        await proxied.close();
      }
    });

    it('allows no foreign origin unless configured, and then only that one', async () => {
      const preflight = (baseUrl: string, origin: string) =>
        fetch(`${baseUrl}/api/v1/notas`, {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'authorization',
          },
        });
      expect(
        (await preflight(app.baseUrl, 'https://evil.example')).headers.get('access-control-allow-origin'),
      ).toBeNull();

      const withCors = await startTestApp({
        worker: false,
        env: { CORS_ORIGINS: 'https://notaflow.minjenv.example, https://intranet.minjenv.example' },
      });
      try {
        const allowed = await preflight(withCors.baseUrl, 'https://intranet.minjenv.example');
        expect(allowed.status).toBe(204);
        expect(allowed.headers.get('access-control-allow-origin')).toBe('https://intranet.minjenv.example');
        expect(allowed.headers.get('access-control-allow-headers')).toMatch(/authorization/i);
        const refused = await preflight(withCors.baseUrl, 'https://evil.example');
        expect(refused.headers.get('access-control-allow-origin')).toBeNull();
      } finally {
        await withCors.close();
      }
    });

    it('refuses a body over 1 MB with 413 problem+json', async () => {
      const reply = await flow.as.staff.post('/notas', { title: 'x'.repeat(1_100_000) });
      expect(reply.status).toBe(413);
      expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    });

    it('caps page sizes', async () => {
      for (const route of [
        '/notas?limit=1000',
        '/deadlines?limit=100000',
        '/notifications?limit=5000',
        '/tasks?limit=501',
      ]) {
        const reply = await flow.as.staff.get(route);
        expect({ route, status: reply.status }).toEqual({ route, status: 400 });
        expect(reply.body.errors.map((e: { name: string }) => e.name)).toEqual(['limit']);
      }
    });

    it('answers what the fuzzer once turned into a 500 with 400 naming the field', async () => {
      for (const [route, field] of [
        ['/calendar-feeds?offset=7.012332269155057e%2B307', 'offset'],
        ['/calendar/vergaderjaar?date=0068-04-03', 'date'],
        ['/calendar/add-working-days?from=9999-12-31&days=3650', 'from'],
        ['/tasks?notaId=null', 'notaId'],
        ['/notas?dossier=28%00638', 'dossier'],
        ['/notas/%00', 'id'],
      ]) {
        const reply = await flow.as.staff.get(route);
        expect({ route, status: reply.status }).toEqual({ route, status: 400 });
        expect(reply.body.errors.map((e: { name: string }) => e.name)).toEqual([field]);
      }
    });

    it('refuses unknown fields (no mass assignment) and changes nothing', async () => {
      const [notas, deadlines] = [await count('notas'), await count('deadlines')];
      const nota = await flow.as.staff.post('/notas', {
        title: 'Actieplan',
        route: DEMO_ROUTE,
        status: 'dispatched',
        onsKenmerk: '1234567',
      });
      expect(nota.status).toBe(400);
      expect(nota.body.errors.map((e: { name: string }) => e.name).sort()).toEqual(['onsKenmerk', 'status']);
      const deadline = await flow.as.staff.post('/deadlines', {
        kind: 'toezegging',
        title: 'Brief',
        dueOn: '2027-01-15',
        organisation: 'VWS',
        status: 'met',
      });
      expect(deadline.status).toBe(400);
      expect(deadline.body.errors.map((e: { name: string }) => e.name).sort()).toEqual(['organisation', 'status']);
      expect([await count('notas'), await count('deadlines')]).toEqual([notas, deadlines]);
    });
  });

  describe('sign-in and request limits', () => {
    let limited: TestApp;
    beforeAll(async () => {
      limited = await startTestApp({
        worker: false,
        env: {
          SIGN_IN_RATE_LIMIT_PER_MINUTE: '12',
          RATE_LIMIT_PER_MINUTE: '15',
          SIGN_IN_LOCKOUT_AFTER: '3',
          // A load balancer in front: the address of a sign-in is the one it forwards.
          TRUST_PROXY_HOPS: '1',
        },
      });
    });
    afterAll(async () => {
      await limited?.close();
    });
    const signIn = (username: string, password: string) =>
      new ApiClient(limited.baseUrl).post('/auth/token', { username, password });

    it('locks a username out after repeated failures, known or not, and lets others in', async () => {
      for (const username of ['jenv.directeur', 'nobody.here']) {
        for (let i = 0; i < 3; i++) expect((await signIn(username, 'wrong')).status).toBe(401);
        // Locked: even the right password is refused now, and an unknown name looks the same.
        const locked = await signIn(username, 'demo');
        expect(locked.status).toBe(429);
        expect(locked.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(60);
      }
      expect((await signIn('jenv.dg', 'demo')).status).toBe(200);

      // Once the lockout has passed, the right password works and the count starts again.
      await limited.dataSource.query(`UPDATE sign_in_failures SET locked_until = now() - interval '1 second'`);
      expect((await signIn('jenv.directeur', 'demo')).status).toBe(200);
      const rows = await limited.dataSource.query(`SELECT username FROM sign_in_failures ORDER BY username`);
      expect(rows).toEqual([{ username: 'nobody.here' }]);
    });

    it('locks a username out only at the address that failed, each lockout there twice as long', async () => {
      const from = (address: string, password: string) =>
        new ApiClient(limited.baseUrl).request<any>(
          'POST',
          '/auth/token',
          { username: 'jenv.bewindspersoon', password },
          { 'x-forwarded-for': address },
        );
      const guesser = '198.51.100.1';
      for (let i = 0; i < 3; i++) expect((await from(guesser, 'wrong')).status).toBe(401);
      const first = await from(guesser, 'demo');
      expect(first.status).toBe(429);
      expect(Number(first.headers.get('retry-after'))).toBeLessThanOrEqual(15 * 60);
      // The user, elsewhere, is not kept out by someone who knows their username.
      expect((await from('198.51.100.2', 'demo')).status).toBe(200);

      await limited.dataSource.query(
        `UPDATE sign_in_failures SET locked_until = now() - interval '1 second' WHERE address = $1`,
        [guesser],
      );
      for (let i = 0; i < 3; i++) expect((await from(guesser, 'wrong')).status).toBe(401);
      const second = await from(guesser, 'demo');
      expect(second.status).toBe(429);
      expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(29 * 60);
    });

    it('limits sign-in attempts per address', async () => {
      // The budget of 12 a minute is partly spent by the test before; the rest, then 429.
      let reply = await signIn('jenv.staff', 'demo');
      while (reply.status === 200) reply = await signIn('jenv.staff', 'demo');
      expect(reply.status).toBe(429);
      expect(reply.body.detail).toMatch(/sign-in attempts from this address/);
      expect(Number(reply.headers.get('retry-after'))).toBeGreaterThan(0);
    });

    it('limits requests per user, not for everyone', async () => {
      const decider = await limitedClient('jenv.bewindspersoon');
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await decider.get('/tasks?status=open')).status);
      expect(statuses).toEqual([...Array(15).fill(200), ...Array(5).fill(429)]);
      const refused = await decider.get('/tasks?status=open');
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      // Someone else still gets through.
      expect((await (await limitedClient('jenv.dg')).get('/tasks?status=open')).status).toBe(200);
    });

    async function limitedClient(username: string): Promise<ApiClient> {
      // The address budget may be spent by now: mint through the app's own signing key instead of signing in.
      const { SignJWT } = await import('jose');
      const { DEMO_ALGORITHM, DEMO_AUDIENCE, DEMO_ISSUER, demoSigningKey } =
        await import('../apps/api/src/auth/demo-token');
      const now = Math.floor(Date.now() / 1000);
      const user = await limited.dataSource.query(`SELECT role, organisation_code FROM users WHERE username = $1`, [
        username,
      ]);
      const accessToken = await new SignJWT({
        role: user[0].role,
        organisation: user[0].organisation_code,
        name: username,
      })
        .setProtectedHeader({ alg: DEMO_ALGORITHM, typ: 'JWT' })
        .setSubject(username)
        .setIssuer(DEMO_ISSUER)
        .setAudience(DEMO_AUDIENCE)
        .setIssuedAt(now)
        .setExpirationTime(now + 600)
        .sign(demoSigningKey(limited.config));
      return new ApiClient(limited.baseUrl, accessToken);
    }
  });

  describe('the audit log', () => {
    it('records state-changing and refused requests with action, object, result, origin and actor', async () => {
      const before = Number((await app.dataSource.query(`SELECT coalesce(max(id), 0) AS id FROM audit_log`))[0].id);
      const created = await flow.as.staff.post('/notas', { title: 'Audit', route: DEMO_ROUTE });
      expect(created.status).toBe(201);
      expect((await flow.as.vws.post('/notas', { title: 'Niet van VWS', route: DEMO_ROUTE })).status).toBe(403);
      expect((await new ApiClient(app.baseUrl).post(`/notas/${created.body.id}/submit`)).status).toBe(401);
      expect(
        (await new ApiClient(app.baseUrl).post('/auth/token', { username: 'jenv.dg', password: 'fout' })).status,
      ).toBe(401);
      expect((await flow.as.staff.get('/notas')).status).toBe(200);

      const rows = await eventually(
        'the audit rows',
        () =>
          app.dataSource.query(
            `SELECT actor, role, organisation, action, object, result, status, origin FROM audit_log
              WHERE id > $1 ORDER BY at, id`,
            [before],
          ),
        (found: unknown[]) => found.length >= 5,
      );
      expect(rows).toEqual([
        {
          actor: 'jenv.staff',
          role: 'drafter',
          organisation: 'JENV',
          action: 'POST /api/v1/notas',
          object: '/api/v1/notas',
          result: 'success',
          status: 201,
          origin: expect.stringMatching(/127\.0\.0\.1/),
        },
        expect.objectContaining({ actor: 'vws.signer', action: 'POST /api/v1/notas', result: 'refused', status: 403 }),
        expect.objectContaining({
          actor: null,
          action: 'POST /api/v1/notas/:id/submit',
          object: `/api/v1/notas/${created.body.id}/submit`,
          result: 'refused',
          status: 401,
        }),
        expect.objectContaining({
          actor: 'jenv.dg',
          action: 'POST /api/v1/auth/token',
          result: 'refused',
          status: 401,
        }),
        // A list of notas is a read of their titles.
        expect.objectContaining({ actor: 'jenv.staff', action: 'GET /api/v1/notas', result: 'success', status: 200 }),
      ]);
    });

    it('records reads of a nota and its documents, and calendar-feed fetches without their token', async () => {
      const before = Number((await app.dataSource.query(`SELECT coalesce(max(id), 0) AS id FROM audit_log`))[0].id);
      const created = await flow.as.staff.post('/notas', { title: 'Gelezen', route: DEMO_ROUTE });
      expect((await flow.as.staff.get(`/notas/${created.body.id}`)).status).toBe(200);
      expect((await flow.as.staff.get(`/notas/${created.body.id}/documents`)).status).toBe(200);
      expect((await fetch(`${app.baseUrl}/api/v1/deadlines.ics?token=geheim-feed-token`)).status).toBe(401);
      const rows = await eventually(
        'the audit rows of the reads',
        () =>
          app.dataSource.query(
            `SELECT actor, action, object, status FROM audit_log WHERE id > $1 AND action LIKE 'GET %' ORDER BY at, id`,
            [before],
          ),
        (found: unknown[]) => found.length >= 3,
      );
      expect(rows).toEqual([
        {
          actor: 'jenv.staff',
          action: 'GET /api/v1/notas/:id',
          object: `/api/v1/notas/${created.body.id}`,
          status: 200,
        },
        expect.objectContaining({ actor: 'jenv.staff', action: 'GET /api/v1/notas/:id/documents', status: 200 }),
        expect.objectContaining({ actor: null, object: '/api/v1/deadlines.ics', status: 401 }),
      ]);
    });

    it('chains its rows by hash: npm run audit:verify names the first row a superuser changed', async () => {
      await flow.as.staff.post('/notas', { title: 'Geketend', route: DEMO_ROUTE });
      const intact = await eventually(
        'a verified chain',
        () => verifyAuditChain(app.dataSource),
        (report) => report.rows >= 2 && !report.broken,
      );
      expect(intact.head).toMatch(/^[0-9a-f]{64}$/);
      const [victim] = await app.dataSource.query(
        `SELECT id, actor FROM audit_log ORDER BY chain_seq DESC OFFSET 1 LIMIT 1`,
      );
      const tamper = async (actor: string | null) => {
        await app.dataSource.transaction(async (tx) => {
          await tx.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_or_delete`);
          await tx.query(`UPDATE audit_log SET actor = $2 WHERE id = $1`, [victim.id, actor]);
          await tx.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_or_delete`);
        });
      };
      await tamper('iemand.anders');
      try {
        expect((await verifyAuditChain(app.dataSource)).broken).toEqual({
          id: String(victim.id),
          chainSeq: expect.any(String),
          reason: 'its fields do not match its hash',
        });
        // What an operator runs: npm run audit:verify, built.
        const cli = await runAuditVerify(app.config.DATABASE_URL);
        expect(cli).toEqual({
          code: 1,
          output: expect.stringContaining(`audit log broken at row id ${victim.id} `),
        });
      } finally {
        await tamper(victim.actor);
      }
      expect((await verifyAuditChain(app.dataSource)).broken).toBeUndefined();
      expect(await runAuditVerify(app.config.DATABASE_URL)).toEqual({
        code: 0,
        output: expect.stringMatching(/^audit log intact: \d+ rows, last hash [0-9a-f]{64}\n$/),
      });
    });

    it('records a request whose text could not be stored as sent, with that text made storable', async () => {
      const before = Number((await app.dataSource.query(`SELECT coalesce(max(id), 0) AS id FROM audit_log`))[0].id);
      const reply = await new ApiClient(app.baseUrl).post('/auth/token', { username: 'jenv\u0000dg', password: 'x' });
      expect(reply.status).toBe(400);
      expect(reply.body.errors).toEqual([
        { name: 'username', code: 'unstorable_text', reason: expect.stringMatching(/NUL/) },
      ]);
      const [row] = await eventually(
        'the audit row',
        () =>
          app.dataSource.query(`SELECT actor, action, result, status FROM audit_log WHERE id > $1 AND status = 400`, [
            before,
          ]),
        (found: unknown[]) => found.length >= 1,
      );
      expect(row).toEqual({ actor: 'jenv\uFFFDdg', action: 'POST /api/v1/auth/token', result: 'refused', status: 400 });
    });

    it('is append-only for the application, enforced by PostgreSQL', async () => {
      // Owned by a role that cannot log in, not by the role that ran the migrations: that one could lift it all.
      expect(
        await app.dataSource.query(
          `SELECT tableowner FROM pg_tables WHERE tablename = 'audit_log' AND schemaname = current_schema()`,
        ),
      ).toEqual([{ tableowner: 'notaflow_audit' }]);
      for (const statement of [
        `UPDATE audit_log SET actor = 'someone else'`,
        `DELETE FROM audit_log`,
        `TRUNCATE audit_log`,
      ]) {
        await expect(app.dataSource.query(statement)).rejects.toThrow(/append-only|permission denied/);
      }
      // A role that is no superuser (as in production) is refused before the trigger, by its privileges.
      const role = `audit_test_${randomBytes(4).toString('hex')}`;
      await app.dataSource.query(`CREATE ROLE ${role} LOGIN PASSWORD 'x'`);
      await app.dataSource.query(`GRANT SELECT, INSERT ON audit_log TO ${role}`);
      await app.dataSource.query(`GRANT USAGE ON SEQUENCE audit_log_id_seq TO ${role}`);
      const url = new URL(app.config.DATABASE_URL);
      url.username = role;
      url.password = 'x';
      const client = new Client({ connectionString: url.href });
      await client.connect();
      try {
        await client.query(
          `INSERT INTO audit_log (action, object, result, status) VALUES ('test', '/', 'success', 200)`,
        );
        await expect(client.query(`UPDATE audit_log SET status = 500`)).rejects.toThrow(/permission denied/);
        await expect(client.query(`DELETE FROM audit_log`)).rejects.toThrow(/permission denied/);
        for (const statement of [
          `ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_or_delete`,
          `CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END'`,
        ]) {
          await expect(client.query(statement)).rejects.toThrow(/owner|permission denied/);
        }
        // Granting itself more is no error in PostgreSQL, only a warning that nothing was granted.
        await client.query(`GRANT UPDATE, DELETE ON audit_log TO ${role}`);
        await expect(client.query(`DELETE FROM audit_log`)).rejects.toThrow(/permission denied/);
      } finally {
        await client.end();
        await app.dataSource.query(`REVOKE ALL ON audit_log FROM ${role}`);
        await app.dataSource.query(`REVOKE ALL ON SEQUENCE audit_log_id_seq FROM ${role}`);
        await app.dataSource.query(`DROP ROLE ${role}`);
      }
    });
  });

  it('writes no password, access token or feed token to any log line or the audit log', async () => {
    const password = `Zeer-Geheim-${randomBytes(6).toString('hex')}`;
    const api = await startBuiltApi({ LOG_LEVEL: 'trace' });
    const { baseUrl, databaseUrl } = api;
    try {
      const db = new Client({ connectionString: databaseUrl });
      await db.connect();
      try {
        await db.query(`UPDATE users SET password_hash = $1 WHERE username = 'jenv.staff'`, [
          await bcrypt.hash(password, 4),
        ]);
      } finally {
        await db.end();
      }
      const anonymous = new ApiClient(baseUrl);
      expect((await anonymous.post('/auth/token', { username: 'jenv.staff', password: `${password}x` })).status).toBe(
        401,
      );
      const signedIn = await anonymous.post('/auth/token', { username: 'jenv.staff', password });
      expect(signedIn.status).toBe(200);
      const accessToken: string = signedIn.body.accessToken;
      const staff = new ApiClient(baseUrl, accessToken);
      expect((await staff.get('/notas')).status).toBe(200);
      expect((await staff.post('/notas', { title: 'Logtest', route: DEMO_ROUTE })).status).toBe(201);
      const feed = await staff.post('/calendar-feeds', {});
      const feedToken = new URL(feed.body.url).searchParams.get('token')!;
      expect((await fetch(`${baseUrl}/api/v1/deadlines.ics?token=${feedToken}`)).status).toBe(200);
      expect((await fetch(`${baseUrl}/api/v1/deadlines.ics?token=${feedToken}x`)).status).toBe(401);
      // A token in the wrong place is still a token.
      expect((await fetch(`${baseUrl}/api/v1/notas?access_token=${accessToken}`)).status).toBe(401);

      await new Promise((resolve) => setTimeout(resolve, 500));
      const output = api.output();
      expect(output).toContain('"url":"/api/v1/notas"');
      const secrets = [password, accessToken, accessToken.split('.')[2], feedToken];
      for (const secret of secrets) expect(output.includes(secret)).toBe(false);

      const audit = new Client({ connectionString: databaseUrl });
      await audit.connect();
      try {
        const { rows } = await audit.query(`SELECT * FROM audit_log`);
        expect(rows.length).toBeGreaterThan(3);
        const text = JSON.stringify(rows);
        for (const secret of secrets) expect(text.includes(secret)).toBe(false);
      } finally {
        await audit.end();
      }
    } finally {
      await stopBuiltApi(api);
    }
  });
});

async function runAuditVerify(databaseUrl: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [path.join(root, 'dist/libs/persistence/src/audit-verify.cli.js')], {
    env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, output };
}
