import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { OrganisationEntity } from '@notaflow/persistence';
import { pingWorkflow } from '@notaflow/workflows';
import { apiDocument } from '../scripts/lib/web-api-schema';
import { startTestApp, type TestApp } from './support/app';

describe('foundation', () => {
  let sut: TestApp;

  beforeAll(async () => {
    sut = await startTestApp();
  });
  afterAll(async () => {
    await sut?.close();
  });

  it('reports health with database and temporal ok', async () => {
    const response = await fetch(`${sut.baseUrl}/api/v1/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('api-version')).toBe('1.0.0');
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok', temporal: 'ok' });
  });

  it('publishes an OpenAPI 3 document generated from the code', async () => {
    const response = await fetch(`${sut.baseUrl}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toContain('/api/v1/health');
    // The web app's types are generated from a document built without a database: it must be this very one.
    expect(document).toEqual(JSON.parse(JSON.stringify(await apiDocument())));
  });

  it('answers an unknown route with problem+json', async () => {
    const response = await fetch(`${sut.baseUrl}/api/v1/no-such-thing`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({ status: 404, title: 'Not Found', type: expect.any(String) });
  });

  it('answers a body that is not JSON with a 400 problem naming the body', async () => {
    const response = await fetch(`${sut.baseUrl}/api/v1/health`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"title": ',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ status: 400, errors: [{ name: 'body' }] });
  });

  it('runs a workflow on the real Temporal server whose activity reaches PostgreSQL', async () => {
    const result = await sut.client.workflow.execute(pingWorkflow, {
      taskQueue: sut.config.TEMPORAL_TASK_QUEUE,
      workflowId: `ping-${randomUUID()}`,
      args: [{ message: 'hallo' }],
    });
    expect(result.message).toBe('hallo');
    expect(Date.parse(result.databaseTime)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('writes and reads PostgreSQL through the migrated schema', async () => {
    const organisations = sut.dataSource.getRepository(OrganisationEntity);
    expect(await organisations.findOneByOrFail({ code: 'VWS' })).toMatchObject({ canCoSign: true });
    await organisations.insert({ code: 'LNV', name: 'Ministerie van Landbouw, Visserij, Voedselzekerheid en Natuur' });
    expect(await organisations.findOneByOrFail({ code: 'LNV' })).toMatchObject({ canCoSign: true });
    await expect(organisations.insert({ code: 'lower', name: 'x' })).rejects.toThrow(/check constraint/);
  });

  it('answers 503 naming the database when PostgreSQL cannot be reached', async () => {
    const database = new URL(sut.config.DATABASE_URL).pathname.slice(1);
    const admin = new Client({ connectionString: sut.config.DATABASE_URL.replace(/\/[^/]+$/, '/postgres') });
    await admin.connect();
    await admin.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS false`);
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [database]);
    try {
      const response = await fetch(`${sut.baseUrl}/api/v1/health`);
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await response.json()).toMatchObject({ status: 503, database: 'down', temporal: 'ok' });
    } finally {
      await admin.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS true`);
      await admin.end();
    }
    await expect(fetch(`${sut.baseUrl}/api/v1/health`).then((r) => r.status)).resolves.toBe(200);
  });
});

describe('foundation without Temporal', () => {
  it('answers 503 naming temporal when the server is unreachable', async () => {
    const sut = await startTestApp({ worker: false, env: { TEMPORAL_ADDRESS: '127.0.0.1:1' } });
    try {
      const response = await fetch(`${sut.baseUrl}/api/v1/health`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ database: 'ok', temporal: 'down', detail: 'temporal unreachable' });
    } finally {
      await sut.close();
    }
  });
});
