import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { request } from 'node:http';
import path from 'node:path';
import { Client } from 'pg';
import { freePort, waitFor } from '../scripts/lib/ports';
import { ApiClient, DEMO_ROUTE } from './support/http';
import { createTestDatabase, testStack } from './support/stack';

const root = path.resolve(__dirname, '..');

/** The built API as `docker compose stop` stops it: SIGTERM while a request is still arriving. */
describe('the API on SIGTERM', () => {
  it('finishes the request in flight before it closes the database and Temporal, then exits 0', async () => {
    const port = await freePort();
    const databaseUrl = await createTestDatabase();
    const child = spawn(process.execPath, [path.join(root, 'dist/apps/api/src/main.js')], {
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        DATABASE_URL: databaseUrl,
        TEMPORAL_ADDRESS: testStack().temporalAddress,
        JWT_SECRET: randomBytes(32).toString('hex'),
        SEED_DEMO: 'users',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = once(child, 'exit') as Promise<[number | null, string | null]>;
    const baseUrl = `http://127.0.0.1:${port}`;
    try {
      await waitFor('the API', async () => ((await fetch(`${baseUrl}/api/v1/health`)).status < 500 ? true : undefined));
      const db = new Client({ connectionString: databaseUrl });
      await db.connect();
      try {
        await waitFor('the demo users', async () =>
          (await db.query(`SELECT 1 FROM users WHERE username = 'jenv.staff'`)).rowCount ? true : undefined,
        );
      } finally {
        await db.end();
      }
      const signIn = await new ApiClient(baseUrl).post('/auth/token', { username: 'jenv.staff', password: 'demo' });
      expect(signIn.status).toBe(200);
      const staff: string = signIn.body.accessToken;

      // A nota registered over a slow line: its body is half sent when the signal comes.
      const body = JSON.stringify({ title: 'Geregistreerd tijdens het stoppen', route: DEMO_ROUTE });
      const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
        const sent = request(
          `${baseUrl}/api/v1/notas`,
          {
            method: 'POST',
            headers: {
              authorization: `Bearer ${staff}`,
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
            },
          },
          (response) => {
            let text = '';
            response.on('data', (chunk: Buffer) => (text += chunk.toString()));
            response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
          },
        );
        sent.on('error', reject);
        sent.write(body.slice(0, 10));
        setTimeout(() => {
          child.kill('SIGTERM');
          setTimeout(() => sent.end(body.slice(10)), 5_000);
        }, 300);
      });
      const reply = await answer;
      expect({ status: reply.status, text: reply.text }).toEqual({ status: 201, text: expect.any(String) });
      expect(await exited).toEqual([0, null]);
      // Taken no more once stopped.
      await expect(fetch(`${baseUrl}/api/v1/health`)).rejects.toThrow();
    } catch (error) {
      throw new Error(`${String(error)}\n--- API output ---\n${output.slice(-4000)}`);
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
    }
  });
});
