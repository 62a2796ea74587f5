import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { Client, Connection, WorkflowUpdateFailedError } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { decideUpdate, notaWorkflowId, snapshotQuery } from '@notaflow/temporal';
import { ENCRYPTED_ENCODING } from '@notaflow/temporal-connection';
import { startTestApp, type TestApp } from './support/app';
import { FlowDriver } from './support/flow-driver';
import { ApiClient } from './support/http';
import { testStack } from './support/stack';
import { eventually } from './support/time-skipping';

const run = promisify(execFile);
const UI_ORIGIN = 'http://127.0.0.1:8233';

/**
 * With TEMPORAL_PAYLOAD_KEYS set, the product works end to end while Temporal holds no title, remark or reason in
 * clear text; a forged Update without the key is refused and stops nothing; an admin (or the operator token) reads
 * the payloads back through /codec, as the Web UI and the CLI do.
 */
describe('flow payloads encrypted by the payload codec', () => {
  let app: TestApp;
  let flow: FlowDriver;
  let admin: ApiClient;
  /** A client as anyone who reaches Temporal's port has one: no codec, no key. */
  let raw: Client;
  const operatorToken = randomBytes(32).toString('base64url');
  const secret = randomBytes(4).toString('hex');
  const title = `Vertrouwelijk actieplan ${secret}`;
  const remark = `Akkoord, maar let op de Raad van State ${secret}`;
  const reason = `Ingetrokken na overleg met de DG ${secret}`;
  let notaId: string;

  beforeAll(async () => {
    app = await startTestApp({
      env: {
        TEMPORAL_PAYLOAD_KEYS: `2026-12:${randomBytes(32).toString('base64')},2026-06:${randomBytes(32).toString('base64')}`,
        TEMPORAL_CODEC_TOKEN: operatorToken,
        TEMPORAL_CODEC_USERS: 'az.admin',
        TEMPORAL_CODEC_ORIGINS: UI_ORIGIN,
      },
    });
    flow = await FlowDriver.create(app.baseUrl);
    admin = await ApiClient.login(app.baseUrl, 'az.admin');
    raw = new Client({
      connection: await Connection.connect({ address: app.config.TEMPORAL_ADDRESS }),
      namespace: app.config.TEMPORAL_NAMESPACE,
    });
  });
  afterAll(async () => {
    await raw?.connection.close();
    await app?.close();
  });

  const codec = (operation: 'encode' | 'decode', body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${app.baseUrl}/codec/${operation}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  /** The flow's history as the Temporal CLI prints it, payloads as they are stored. */
  const show = async (...extra: string[]) => {
    const { temporalBinary } = testStack();
    const { stdout } = await run(temporalBinary, [
      'workflow',
      'show',
      '--workflow-id',
      notaWorkflowId(notaId),
      '--address',
      app.config.TEMPORAL_ADDRESS,
      '--namespace',
      app.config.TEMPORAL_NAMESPACE,
      '--output',
      'json',
      ...extra,
    ]);
    return stdout;
  };

  it('carries a nota through decisions, a refused one, a query and a withdrawal with its payloads encrypted', async () => {
    const nota = await flow.registerAndSubmit({ title });
    notaId = nota.id;
    await flow.decide('afdelingshoofd', notaId, 'approve', { remarks: remark });
    // A validator refuses before anything enters history, as without encryption.
    const refused = await flow.tryDecide('directeur', notaId, 'hold');
    expect(refused.body).toMatchObject({ status: 400, errors: [{ name: 'decision', code: 'decision_not_allowed' }] });
    await flow.decide('directeur', notaId, 'approve', { remarks: remark });

    // The API's client reads the flow's answer through the codec.
    const snapshot = await app.client.workflow.getHandle(notaWorkflowId(notaId)).query(snapshotQuery);
    expect(snapshot).toMatchObject({ status: 'in_review', stage: 'initialling', openTasks: [{ assignee: 'jenv.dg' }] });

    const withdrawn = await flow.as.staff.post(`/notas/${notaId}/withdraw`, { reason });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', openTasks: [] });
    expect(withdrawn.body.history).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actor: 'jenv.afdelingshoofd', remarks: remark }),
        expect.objectContaining({ type: 'withdrawn', remarks: reason }),
      ]),
    );
  });

  it('leaves no title, remark, reason or username in the raw history', async () => {
    const history = await raw.workflow.getHandle(notaWorkflowId(notaId)).fetchHistory();
    const bytes = Buffer.from(temporal.api.history.v1.History.encode(history).finish());
    const shown = await show('--no-json-shorthand-payloads');
    for (const clear of [title, remark, reason, secret, 'jenv.afdelingshoofd', 'jenv.directeur']) {
      expect(bytes.includes(Buffer.from(clear))).toBe(false);
      expect(shown).not.toContain(clear);
    }
    expect(shown).toContain(Buffer.from(ENCRYPTED_ENCODING).toString('base64'));
  });

  it('refuses a forged Update without the key, and the flow goes on', async () => {
    const forged = await flow.registerAndSubmit({ title });
    const [task] = await flow.openTasks('afdelingshoofd', forged.id);
    const handle = raw.workflow.getHandle(notaWorkflowId(forged.id));
    const unreadable = app.worker!.unreadable.length;
    // As anyone on Temporal's port could: the holder's name and a decision, in clear text.
    const input = {
      taskId: task.id,
      actor: { username: 'jenv.afdelingshoofd', role: 'reviewer', organisation: 'JENV' },
    };
    await expect(handle.executeUpdate(decideUpdate, { args: [input] })).rejects.toThrow(WorkflowUpdateFailedError);
    expect(app.worker!.unreadable.slice(unreadable)).toEqual([expect.stringMatching(/not encrypted/)]);

    const done = await flow.decide('afdelingshoofd', forged.id, 'approve');
    expect(done.task).toMatchObject({ status: 'done', decision: 'approve', decidedBy: 'jenv.afdelingshoofd' });
  });

  describe('/codec, for the Temporal Web UI and CLI', () => {
    /** The payloads in the CLI's JSON of a history: metadata and data in base64, as the Web UI sends them. */
    const payloadsIn = (json: string) => {
      const found: { metadata: Record<string, string>; data: string }[] = [];
      const walk = (value: unknown): void => {
        if (!value || typeof value !== 'object') return;
        const candidate = value as { metadata?: Record<string, string>; data?: string };
        if (candidate.metadata?.encoding && typeof candidate.data === 'string') found.push(candidate as never);
        else Object.values(value).forEach(walk);
      };
      walk(JSON.parse(json));
      return found;
    };
    const storedPayloads = async () => payloadsIn(await show('--no-json-shorthand-payloads'));

    it('decodes for an admin or the operator token: the title and remarks as the flow took them', async () => {
      const payloads = await storedPayloads();
      expect(payloads.length).toBeGreaterThan(5);
      for (const token of [admin.token!, operatorToken]) {
        const response = await codec('decode', { payloads }, { ...bearer(token), 'x-namespace': 'default' });
        expect(response.status).toBe(200);
        expect(response.headers.get('cache-control')).toBe('no-store');
        const decoded = JSON.stringify(
          ((await response.json()) as { payloads: { data: string }[] }).payloads.map((p) =>
            Buffer.from(p.data, 'base64').toString('utf8'),
          ),
        );
        for (const clear of [title, remark, reason]) expect(decoded).toContain(clear);
      }
      const [row] = await eventually(
        'the audit row of the decode',
        () =>
          app.dataSource.query(`SELECT * FROM audit_log WHERE action = 'POST /codec/decode' AND actor = 'az.admin'`),
        (rows: unknown[]) => rows.length > 0,
      );
      expect(row).toMatchObject({ result: 'success', status: 200, role: 'admin' });
    });

    it('encodes what an operator sends a flow, sealed so that the worker opens it', async () => {
      const value = {
        data: Buffer.from(JSON.stringify({ reason })).toString('base64'),
        metadata: { encoding: Buffer.from('json/plain').toString('base64') },
      };
      const sealed = await codec('encode', { payloads: [value] }, bearer(operatorToken));
      expect(sealed.status).toBe(200);
      const { payloads } = (await sealed.json()) as { payloads: { metadata: Record<string, string>; data: string }[] };
      expect(Buffer.from(payloads[0].metadata.encoding, 'base64').toString()).toBe(ENCRYPTED_ENCODING);
      expect(Buffer.from(payloads[0].metadata['encryption-key-id'], 'base64').toString()).toBe('2026-12');
      expect(Buffer.from(payloads[0].data, 'base64').includes(Buffer.from(secret))).toBe(false);
      const opened = await codec('decode', { payloads }, bearer(admin.token!));
      expect(((await opened.json()) as { payloads: unknown[] }).payloads).toEqual([value]);
    });

    it('lets the CLI show the history in clear text with --codec-endpoint and --codec-auth', async () => {
      const shown = await show('--codec-endpoint', `${app.baseUrl}/codec`, '--codec-auth', `Bearer ${operatorToken}`);
      const payloads = payloadsIn(shown);
      expect(payloads.map((p) => Buffer.from(p.metadata.encoding, 'base64').toString())).not.toContain(
        ENCRYPTED_ENCODING,
      );
      const clear = payloads.map((p) => Buffer.from(p.data, 'base64').toString('utf8')).join('\n');
      for (const text of [title, remark, reason]) expect(clear).toContain(text);
    });

    it('refuses anyone else: no token, a bad one, a user who is not an admin, an admin not named as operator', async () => {
      const payloads = (await storedPayloads()).slice(0, 1);
      const none = await codec('decode', { payloads });
      expect(none.status).toBe(401);
      expect(none.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(none.headers.get('www-authenticate')).toMatch(/^Bearer realm="notaflow-codec"/);
      expect(await none.json()).toMatchObject({ code: 'token_missing', instance: '/codec/decode' });

      expect((await codec('decode', { payloads }, bearer('x'.repeat(40)))).status).toBe(401);
      const staff = await codec('encode', { payloads }, bearer(flow.as.staff.token!));
      expect(staff.status).toBe(403);
      expect(await staff.json()).toMatchObject({ code: 'role_not_allowed' });
      // An admin keeps the calendar; only one named as Temporal's operator reads the flows of every ministry.
      await app.dataSource.query(
        `INSERT INTO users (username, display_name, role, organisation_code, password_hash)
         SELECT 'az.kalenderbeheer', 'Kalenderbeheer', role, organisation_code, password_hash FROM users
          WHERE username = 'az.admin'`,
      );
      const calendarAdmin = await ApiClient.login(app.baseUrl, 'az.kalenderbeheer');
      const unnamed = await codec('decode', { payloads }, bearer(calendarAdmin.token!));
      expect(unnamed.status).toBe(403);
      expect(await unnamed.json()).toMatchObject({ code: 'role_not_allowed' });

      const [row] = await eventually(
        'the audit row of the refusal',
        () =>
          app.dataSource.query(`SELECT * FROM audit_log WHERE action = 'POST /codec/encode' AND actor = 'jenv.staff'`),
        (rows: unknown[]) => rows.length > 0,
      );
      expect(row).toMatchObject({ result: 'refused', status: 403 });
    });

    it('refuses a body that is not a list of payloads', async () => {
      for (const body of [
        { payloads: {} },
        { payloads: 'x' },
        { payloads: [{ data: '***' }] },
        { payloads: [{ metadata: { encoding: 1 } }] },
      ]) {
        const response = await codec('decode', body, bearer(operatorToken));
        expect(response.status).toBe(400);
        expect(await response.json()).toMatchObject({ code: 'validation_failed', errors: [{ name: 'payloads' }] });
      }
    });

    it("answers the Web UI's preflight for its own origin only", async () => {
      const preflight = (origin: string) =>
        fetch(`${app.baseUrl}/codec/decode`, {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'authorization,content-type,x-namespace',
          },
        });
      const allowed = await preflight(UI_ORIGIN);
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe(UI_ORIGIN);
      expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
      expect(allowed.headers.get('access-control-allow-headers')).toMatch(/x-namespace/i);
      expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();

      const answer = await codec('decode', { payloads: [] }, { ...bearer(operatorToken), origin: UI_ORIGIN });
      expect(answer.headers.get('access-control-allow-origin')).toBe(UI_ORIGIN);
    });
  });
});
