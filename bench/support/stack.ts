import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { DEMO_USERS } from '@notaflow/domain';
import { createDataSource } from '@notaflow/persistence';
import { freePort } from '../../scripts/lib/ports';
import { startPostgres, type RunningPostgres } from '../../scripts/lib/postgres';
import { ensureTemporalCli, startTemporalDevServer, type RunningTemporal } from '../../scripts/lib/temporal-server';
import { progress, type Cleanup } from './run';

export interface BenchStack {
  /** Temporary directory of this run: data, logs; removed at the end. */
  dir: string;
  durable: boolean;
  pg: RunningPostgres;
  temporal: RunningTemporal;
  /** Migrated; the benchmark's own connections (pool of 4). */
  dataSource: DataSource;
  databaseUrl: string;
  temporalAddress: string;
}

export interface StackOptions {
  /** Insert the demo users without passwords (the flows need them as assignees); off when the API provisions them. */
  demoUsers?: boolean;
  /**
   * Durable (default): PostgreSQL with its default settings and Temporal's SQLite in a file, as in production, for
   * figures that depend on writes. Off: fsync off and Temporal in memory, for set-up that is not what is measured.
   */
  durable?: boolean;
}

/**
 * A PostgreSQL and a Temporal dev server on free ports in a temporary directory, migrations applied: what the e2e
 * tests start, for one benchmark run. BENCH_KEEP_DIR=1 keeps the directory (logs of every process) for a look after.
 */
export async function startBenchStack(cleanup: Cleanup, options: StackOptions = {}): Promise<BenchStack> {
  const durable = options.durable ?? true;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'notaflow-bench-'));
  if (process.env.BENCH_KEEP_DIR) progress(`keeping ${dir}`);
  else cleanup.add('temporary directory', () => rmSync(dir, { recursive: true, force: true }));
  const binary = ensureTemporalCli(progress);
  const [pgPort, temporalPort] = [await freePort(), await freePort()];
  const [pgStart, temporalStart] = await Promise.allSettled([
    startPostgres({
      dataDir: path.join(dir, 'postgres'),
      port: pgPort,
      database: 'notaflow_bench',
      fast: !durable,
      logFile: path.join(dir, 'postgres.log'),
    }),
    startTemporalDevServer({
      binary,
      port: temporalPort,
      dbFile: durable ? path.join(dir, 'temporal', 'temporal.db') : undefined,
      logFile: path.join(dir, 'temporal.log'),
    }),
  ]);
  // Whichever came up is stopped again, also when the other did not.
  if (pgStart.status === 'fulfilled') cleanup.add('PostgreSQL', () => pgStart.value.stop());
  if (temporalStart.status === 'fulfilled') cleanup.add('Temporal dev server', () => temporalStart.value.stop());
  if (pgStart.status === 'rejected') throw pgStart.reason;
  if (temporalStart.status === 'rejected') throw temporalStart.reason;
  const [pg, temporal] = [pgStart.value, temporalStart.value];
  const dataSource = createDataSource({ url: pg.url, poolSize: 4, applicationName: 'notaflow-bench' });
  await dataSource.initialize();
  cleanup.add('database connections', () => dataSource.destroy());
  await dataSource.runMigrations({ transaction: 'each' });
  if (options.demoUsers ?? true) {
    await dataSource.query(
      `INSERT INTO users (username, display_name, role, organisation_code, email)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])`,
      [
        DEMO_USERS.map((u) => u.username),
        DEMO_USERS.map((u) => u.displayName),
        DEMO_USERS.map((u) => u.role),
        DEMO_USERS.map((u) => u.organisation),
        DEMO_USERS.map((u) => u.email),
      ],
    );
  }
  return { dir, durable, pg, temporal, dataSource, databaseUrl: pg.url, temporalAddress: temporal.address };
}

/** One line for the benchmark's header: what ran underneath, and how. */
export async function describeStack(stack: BenchStack): Promise<string> {
  const [{ server_version: version }] = (await stack.dataSource.query('SHOW server_version')) as {
    server_version: string;
  }[];
  return stack.durable
    ? `PostgreSQL ${version} (default settings, durable), Temporal CLI dev server (SQLite file)`
    : `PostgreSQL ${version} (fsync off), Temporal CLI dev server (SQLite in memory)`;
}
