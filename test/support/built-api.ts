import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import path from 'node:path';
import { Client } from 'pg';
import { freePort, waitFor } from '../../scripts/lib/ports';
import { createTestDatabase, testStack } from './stack';

const root = path.resolve(__dirname, '../..');

/** The built API (`dist/`) as its own process, on a database of its own, with the demo users seeded. */
export interface BuiltApi {
  child: ChildProcess;
  baseUrl: string;
  databaseUrl: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code and signal once the process has exited. */
  exited: Promise<[number | null, string | null]>;
}

/**
 * Starts the built API as production starts it and waits until it answers and its demo users exist. The caller
 * stops it (the shutdown spec times its own SIGTERM); `stopBuiltApi` is the plain way.
 */
export async function startBuiltApi(env: Record<string, string> = {}): Promise<BuiltApi> {
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
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, 'exit') as Promise<[number | null, string | null]>;
  const api: BuiltApi = { child, baseUrl: `http://127.0.0.1:${port}`, databaseUrl, output: () => output, exited };
  try {
    const gone = () => (child.exitCode !== null ? `the API exited with ${child.exitCode}` : undefined);
    await waitFor('the API', async () => (await fetch(`${api.baseUrl}/api/v1/health`)).status < 500 || undefined, {
      gone,
    });
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      await waitFor('the demo users', async () =>
        (await db.query(`SELECT 1 FROM users WHERE username = 'jenv.staff'`)).rowCount ? true : undefined,
      );
    } finally {
      await db.end();
    }
    return api;
  } catch (error) {
    await stopBuiltApi(api, 'SIGKILL');
    throw new Error(`${String(error)}\n--- API output ---\n${output.slice(-4000)}`);
  }
}

/** Stops the process if it still runs and waits for its exit. */
export async function stopBuiltApi(api: BuiltApi, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (api.child.exitCode === null && api.child.signalCode === null) api.child.kill(signal);
  await api.exited;
}
