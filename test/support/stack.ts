import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';

export const TEMPLATE_DATABASE = 'notaflow_template';

export interface TestStack {
  dir: string;
  databaseUrl: string;
  temporalAddress: string;
  temporalBinary: string;
  postgresPid: number;
  temporalPid: number;
}

export function testStack(): TestStack {
  const file = process.env.NOTAFLOW_TEST_STACK;
  if (!file) throw new Error('e2e specs need the jest globalSetup (run them with --selectProjects e2e)');
  return JSON.parse(readFileSync(file, 'utf8')) as TestStack;
}

/** A database of its own for one test file, cloned from the migrated template (a file copy: fast). */
export async function createTestDatabase(): Promise<string> {
  const { databaseUrl } = testStack();
  const name = `notaflow_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new Client({ connectionString: databaseUrl.replace(/\/[^/]+$/, '/postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  return databaseUrl.replace(/\/[^/]+$/, `/${name}`);
}

/** A task queue of its own per test file: files share the server, never each other's workflows. */
export function uniqueTaskQueue(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}
