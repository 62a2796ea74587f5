import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDataSource } from '../libs/persistence/src/data-source'; // globalSetup runs outside jest's module mapper
import { freePort } from '../scripts/lib/ports';
import { startPostgres } from '../scripts/lib/postgres';
import { ensureTemporalCli, startTemporalDevServer } from '../scripts/lib/temporal-server';
import { ensureTimeSkippingServer } from '../scripts/lib/time-skipping-server';
import { ensureS3Server, startS3Server } from '../scripts/lib/s3-server';
import { ISOLATED_NAMESPACES, TEMPLATE_DATABASE, type TestStack } from './support/stack';

/**
 * Once per e2e run: a real PostgreSQL and a real Temporal dev server on free ports in a fresh directory,
 * migrations applied once to a template database that each test file clones.
 */
export default async function globalSetup(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'notaflow-test-'));
  const log = (line: string) => process.stdout.write(`\n${line}\n`);
  const binary = ensureTemporalCli(log);
  // Resolved once here (Maven, the first time), not inside one test file's beforeAll.
  ensureTimeSkippingServer(log);
  const s3Binary = ensureS3Server(log);
  const [pgPort, temporalPort, s3Port] = [await freePort(), await freePort(), await freePort()];
  const [pg, temporal, s3] = await Promise.all([
    startPostgres({
      dataDir: path.join(dir, 'postgres'),
      port: pgPort,
      database: TEMPLATE_DATABASE,
      fast: true,
      logFile: path.join(dir, 'postgres.log'),
    }),
    startTemporalDevServer({
      binary,
      port: temporalPort,
      extraNamespaces: ISOLATED_NAMESPACES,
      dbFile: path.join(dir, 'temporal.db'),
      logFile: path.join(dir, 'temporal.log'),
    }),
    startS3Server({
      binary: s3Binary,
      port: s3Port,
      dataDir: path.join(dir, 's3'),
      logFile: path.join(dir, 's3.log'),
      bucket: 'notaflow-test',
      accessKeyId: 'notaflow-test',
      secretAccessKey: randomBytes(24).toString('base64url'),
    }),
  ]);
  const dataSource = createDataSource({ url: pg.url });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();

  const stack: TestStack = {
    dir,
    databaseUrl: pg.url,
    temporalAddress: temporal.address,
    temporalBinary: binary,
    postgresPid: pg.pid,
    temporalPid: temporal.child.process.pid ?? 0,
    s3: {
      endpoint: s3.endpoint,
      region: s3.region,
      bucket: s3.bucket,
      accessKeyId: s3.accessKeyId,
      secretAccessKey: s3.secretAccessKey,
    },
  };
  writeFileSync(path.join(dir, 'stack.json'), JSON.stringify(stack));
  process.env.NOTAFLOW_TEST_STACK = path.join(dir, 'stack.json');
  (globalThis as { __notaflowStop?: () => Promise<void> }).__notaflowStop = async () => {
    await Promise.all([temporal.stop(), s3.stop()]);
    await pg.stop();
  };
}
