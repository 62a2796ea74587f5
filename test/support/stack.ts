import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';

export const TEMPLATE_DATABASE = 'notaflow_template';

/**
 * Namespaces created with the test server, each for one app that must not share the default namespace: the demo
 * seed starts workflows with fixed ids (nota-<id>, deadline-<id>), which a second seeding file would meet there.
 */
export const ISOLATED_NAMESPACES = Array.from({ length: 8 }, (_, i) => `isolated-${i + 1}`);

export interface TestStack {
  dir: string;
  databaseUrl: string;
  temporalAddress: string;
  temporalBinary: string;
  postgresPid: number;
  temporalPid: number;
  /** The S3 server (versitygw) of the run, with its one bucket. */
  s3: { endpoint: string; region: string; bucket: string; accessKeyId: string; secretAccessKey: string };
}

export function testStack(): TestStack {
  const file = process.env.NOTAFLOW_TEST_STACK;
  if (!file) throw new Error('e2e specs need the jest globalSetup (run them with --selectProjects e2e)');
  return JSON.parse(readFileSync(file, 'utf8')) as TestStack;
}

/**
 * A database of its own for one test file, cloned from the migrated template (a file copy: fast); `empty`: without
 * any table, for a test of migrating itself.
 */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<string> {
  const { databaseUrl } = testStack();
  const name = `notaflow_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new Client({ connectionString: databaseUrl.replace(/\/[^/]+$/, '/postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${options.empty ? 'template0' : TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  return databaseUrl.replace(/\/[^/]+$/, `/${name}`);
}

/** One of the isolated namespaces, claimed for good by an exclusive file in the run's directory. */
export function claimIsolatedNamespace(): string {
  const { dir } = testStack();
  for (const namespace of ISOLATED_NAMESPACES) {
    try {
      writeFileSync(path.join(dir, `${namespace}.claimed`), String(process.pid), { flag: 'wx' });
      return namespace;
    } catch {
      // claimed by an earlier app of this run
    }
  }
  throw new Error(`all ${ISOLATED_NAMESPACES.length} isolated Temporal namespaces are in use: add more in stack.ts`);
}

/** A task queue of its own per test file: files share the server, never each other's workflows. */
export function uniqueTaskQueue(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}
