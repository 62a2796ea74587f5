import { randomUUID } from 'node:crypto';
import { migrations } from '@notaflow/persistence';
import { startTestApp, type TestApp } from './support/app';
import { FlowDriver } from './support/flow-driver';
import { ApiClient, DEMO_ROUTE } from './support/http';
import { createTestDatabase } from './support/stack';

/**
 * Two API replicas on one database, as the cluster runs them behind its load balancer: what one counts, the other
 * sees; what runs once per system runs once. (The cluster itself, with HAProxy in front: test/cluster.)
 */
describe('several API replicas behave as one system', () => {
  /** A second replica of `first`: the same database and signing key, a process of its own. */
  const replicaOf = (first: TestApp, env: Record<string, string> = {}) =>
    startTestApp({
      worker: false,
      env: { DATABASE_URL: first.config.DATABASE_URL, JWT_SECRET: String(first.config.JWT_SECRET), ...env },
    });

  describe('migrations at start', () => {
    const apps: TestApp[] = [];
    afterAll(async () => {
      await Promise.all(apps.map((app) => app.close()));
    });

    it('are applied once when replicas start together on an empty database: the others wait, then find them done', async () => {
      const url = await createTestDatabase({ empty: true });
      const env = { DATABASE_URL: url, RUN_MIGRATIONS: 'true' };
      const started = await Promise.allSettled([
        startTestApp({ worker: false, env }),
        startTestApp({ worker: false, env }),
      ]);
      for (const outcome of started) if (outcome.status === 'fulfilled') apps.push(outcome.value);
      expect(started.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled']);
      const applied = (await apps[0].dataSource.query(`SELECT name FROM typeorm_migrations ORDER BY id`)) as {
        name: string;
      }[];
      expect(applied.map((row) => row.name)).toEqual(migrations.map((migration) => new migration().name));
    }, 120_000);
  });

  describe('rate limits', () => {
    const limits = { RATE_LIMIT_PER_MINUTE: '10', SIGN_IN_RATE_LIMIT_PER_MINUTE: '6' };
    let replicas: TestApp[];
    const tokens = new Map<string, string>();

    beforeAll(async () => {
      const first = await startTestApp({ worker: false, env: limits });
      replicas = [first, await replicaOf(first, limits)];
    }, 60_000);
    afterAll(async () => {
      await Promise.all((replicas ?? []).map((app) => app.close()));
    });

    it('count sign-ins per address over all replicas: the 7th of 6 is refused on either', async () => {
      const users = ['jenv.staff', 'jenv.dg', 'jenv.directeur', 'jenv.afdelingshoofd', 'vws.signer', 'bz.signer'];
      const statuses: number[] = [];
      for (const [i, username] of users.entries()) {
        const reply = await new ApiClient(replicas[i % 2].baseUrl).post('/auth/token', { username, password: 'demo' });
        statuses.push(reply.status);
        if (reply.status === 200) tokens.set(username, reply.body.accessToken);
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
      for (const replica of replicas) {
        const refused = await new ApiClient(replica.baseUrl).post('/auth/token', {
          username: 'szw.signer',
          password: 'demo',
        });
        expect(refused.status).toBe(429);
        expect(refused.body.code).toBe('too_many_requests');
        expect(refused.body.detail).toMatch(/sign-in attempts from this address/);
      }
    });

    it('count requests per user over all replicas: the 11th of 10 is refused on either, with Retry-After', async () => {
      const on = (i: number, username: string) => new ApiClient(replicas[i % 2].baseUrl, tokens.get(username));
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) statuses.push((await on(i, 'jenv.staff').get('/tasks?status=open')).status);
      expect(statuses).toEqual(Array(10).fill(200));
      for (const i of [0, 1]) {
        const refused = await on(i, 'jenv.staff').get('/tasks?status=open');
        expect(refused.status).toBe(429);
        expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(refused.body.code).toBe('too_many_requests');
        expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
        expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      }
      // Someone else's budget is their own.
      expect((await on(1, 'jenv.dg').get('/tasks?status=open')).status).toBe(200);
    });
  });

  describe('a registration sent again to the other replica', () => {
    let replicas: TestApp[];
    beforeAll(async () => {
      const first = await startTestApp({ worker: false });
      replicas = [first, await replicaOf(first)];
    }, 60_000);
    afterAll(async () => {
      await Promise.all((replicas ?? []).map((app) => app.close()));
    });

    it('with its Idempotency-Key, registers one nota and draws one ons kenmerk, however the requests fall', async () => {
      const staff = await ApiClient.login(replicas[0].baseUrl, 'jenv.staff');
      const on = (i: number) => new ApiClient(replicas[i % 2].baseUrl, staff.token);
      const drawn = async () =>
        Number(
          (
            (await replicas[0].dataSource.query(
              'SELECT last_value - (NOT is_called)::int AS last_value FROM ons_kenmerk_seq',
            )) as { last_value: string }[]
          )[0].last_value,
        );
      const before = await drawn();
      const key = randomUUID();
      const body = { title: 'Kamerbrief over de EU-richtlijn mensenhandel', route: DEMO_ROUTE };
      const replies = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          on(i).request<{ onsKenmerk: string }>('POST', '/notas', body, { 'idempotency-key': key }),
        ),
      );
      expect(replies.map((reply) => reply.status)).toEqual(Array(10).fill(201));
      expect(new Set(replies.map((reply) => reply.body.onsKenmerk)).size).toBe(1);
      expect(await drawn()).toBe(before + 1);
    });
  });

  describe('metrics read from each replica', () => {
    let replicas: TestApp[];
    beforeAll(async () => {
      const first = await startTestApp();
      replicas = [first, await replicaOf(first)];
    }, 60_000);
    afterAll(async () => {
      await Promise.all((replicas ?? []).map((app) => app.close()));
    });

    /** One sample of a scrape: the line `name{...} value` that has each of the labels. */
    const sample = (scrape: string, name: string, labels: string[]) => {
      const line = scrape
        .split('\n')
        .find((l) => l.startsWith(`${name}{`) && labels.every((label) => l.includes(label)));
      return line === undefined ? 0 : Number(line.slice(line.lastIndexOf(' ') + 1));
    };

    it('add up as docs/analytics.md says: figures from PostgreSQL once (max), request counts over replicas (sum)', async () => {
      const flow = await FlowDriver.create(replicas[0].baseUrl);
      await flow.registerAndSubmit();
      const staff = (i: number) => new ApiClient(replicas[i].baseUrl, flow.as.staff.token);
      for (let i = 0; i < 3; i++) expect((await staff(0).get('/notas')).status).toBe(200);
      for (let i = 0; i < 5; i++) expect((await staff(1).get('/notas')).status).toBe(200);

      const scrapes = await Promise.all(replicas.map(async (app) => (await fetch(`${app.baseUrl}/metrics`)).text()));
      const each = (name: string, labels: string[]) => scrapes.map((scrape) => sample(scrape, name, labels));
      // Read from the record: every replica says the same, so one of them (max) is the system's figure.
      expect(each('notaflow_open_tasks', ['stage="initialling"'])).toEqual([1, 1]);
      expect(scrapes.map((scrape) => /^notaflow_flows_started_total (\S+)$/m.exec(scrape)?.[1])).toEqual(['1', '1']);
      // Counted by the replica that answered: only their sum is the system's figure.
      const listed = each('notaflow_http_request_duration_seconds_count', [
        'method="GET"',
        'route="/api/v1/notas"',
        'status_code="200"',
      ]);
      expect(listed).toEqual([3, 5]);
      expect(listed[0] + listed[1]).toBe(8);
    });
  });
});
