import { randomUUID } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { startTestApp, type TestApp } from './support/app';
import { ApiClient, DEMO_ROUTE, type Reply } from './support/http';

/**
 * `POST /notas` with an `Idempotency-Key` (API.md): a client that sends its registration again after a lost answer
 * (a replica that died mid-request) gets the nota the first request registered, never a second ons kenmerk.
 */
describe('registering a nota with an Idempotency-Key', () => {
  let app: TestApp;
  let staff: ApiClient;
  const body = {
    title: 'Voortgangsrapportage aanpak mensenhandel',
    dossier: '28 638',
    route: DEMO_ROUTE,
    dueOn: '2026-12-18',
  };

  beforeAll(async () => {
    app = await startTestApp({ worker: false });
    staff = await ApiClient.login(app.baseUrl, 'jenv.staff');
  });
  afterAll(async () => {
    await app?.close();
  });

  const register = (client: ApiClient, key: string | undefined, payload: unknown = body): Promise<Reply> =>
    client.request('POST', '/notas', payload, key === undefined ? {} : { 'idempotency-key': key });
  const count = async () =>
    Number(((await app.dataSource.query('SELECT count(*) AS n FROM notas')) as { n: string }[])[0].n);

  it('answers the nota the first request registered when the same request comes again', async () => {
    const key = randomUUID();
    const before = await count();
    const first = await register(staff, key);
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    // The same request, its keys in another order, as another client library might write it.
    const again = await register(staff, key, {
      dueOn: body.dueOn,
      route: body.route,
      dossier: '28 638',
      title: body.title,
    });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toMatchObject({ id: first.body.id, onsKenmerk: first.body.onsKenmerk, status: 'draft' });
    expect(await count()).toBe(before + 1);
  });

  it('refuses the same key with another request: 422 idempotency_key_reused, nothing registered', async () => {
    const key = randomUUID();
    expect((await register(staff, key)).status).toBe(201);
    const before = await count();
    const other = await register(staff, key, { ...body, title: 'Een andere nota' });
    expect(other.status).toBe(422);
    expect(other.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(other.body).toMatchObject({ status: 422, code: 'idempotency_key_reused' });
    expect(await count()).toBe(before);
  });

  it("keeps each user's keys apart", async () => {
    const hash = await bcrypt.hash('demo', 4);
    await app.dataSource.query(
      `INSERT INTO users (username, display_name, role, organisation_code, password_hash)
       VALUES ('jenv.staff2', 'Tweede medewerker', 'drafter', 'JENV', $1)`,
      [hash],
    );
    const colleague = await ApiClient.login(app.baseUrl, 'jenv.staff2');
    const key = randomUUID();
    const mine = await register(staff, key);
    const theirs = await register(colleague, key);
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
    expect(theirs.body.onsKenmerk).not.toBe(mine.body.onsKenmerk);
  });

  it('lets a key register anew once 24 hours have passed', async () => {
    const key = randomUUID();
    const first = await register(staff, key);
    await app.dataSource.query(
      `UPDATE nota_idempotency_keys SET created_at = now() - interval '24 hours 1 second' WHERE key = $1`,
      [key],
    );
    const later = await register(staff, key, { ...body, title: 'Een dag later' });
    expect(later.status).toBe(201);
    expect(later.headers.get('idempotent-replayed')).toBeNull();
    expect(later.body.onsKenmerk).not.toBe(first.body.onsKenmerk);
    // From then on the key answers the new nota.
    expect((await register(staff, key, { ...body, title: 'Een dag later' })).body.id).toBe(later.body.id);
  });

  it('registers one nota for many requests with one key at once', async () => {
    const key = randomUUID();
    const before = await count();
    const replies = await Promise.all(Array.from({ length: 8 }, () => register(staff, key)));
    expect(replies.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(new Set(replies.map((r) => r.body.onsKenmerk)).size).toBe(1);
    expect(replies.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(7);
    expect(await count()).toBe(before + 1);
  });

  it('takes the key quoted, as the IETF draft writes it, and refuses one that is no key', async () => {
    const key = randomUUID();
    const bare = await register(staff, key);
    const quoted = await register(staff, `"${key}"`);
    expect(quoted.body.id).toBe(bare.body.id);
    const tooLong = await register(staff, 'k'.repeat(256));
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors).toEqual([expect.objectContaining({ name: 'Idempotency-Key', code: 'too_long' })]);
    const empty = await register(staff, '""');
    expect(empty.status).toBe(400);
    expect(empty.body.errors).toEqual([expect.objectContaining({ name: 'Idempotency-Key', code: 'too_short' })]);
  });

  it('registers a new nota each time without a key, as before', async () => {
    const [a, b] = [await register(staff, undefined), await register(staff, undefined)];
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.onsKenmerk).not.toBe(b.body.onsKenmerk);
  });
});
