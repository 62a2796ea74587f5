import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { startChild, type Child } from '../../../scripts/lib/child';
import { freePort, waitFor } from '../../../scripts/lib/ports';
import { startPostgres, type RunningPostgres } from '../../../scripts/lib/postgres';
import { startTemporalDevServer, type RunningTemporal } from '../../../scripts/lib/temporal-server';
import { workerPolls } from './temporal';
import { repositoryRoot } from '../../../scripts/lib/root';

/** The default task queue: the API starts flows on it, the worker polls it. */
export const TASK_QUEUE = 'notaflow';

const root = repositoryRoot(__dirname);

/**
 * Settings the chaos run gives every API and worker it starts: quiet logs, and rate limits far above what 50 flows
 * driven by a handful of users need (the limits guard against runaway scripts; this is one, on purpose).
 */
export const CHAOS_ENV: Record<string, string> = {
  LOG_LEVEL: 'warn',
  RATE_LIMIT_PER_MINUTE: '100000',
  SIGN_IN_RATE_LIMIT_PER_MINUTE: '10000',
};

/** A stack on loopback ports: where its API, Temporal and PostgreSQL (user and database notaflow) answer. */
export abstract class LoopbackStack {
  constructor(readonly ports: { api: number; postgres: number; temporal: number }) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${this.ports.api}`;
  }

  get temporalAddress(): string {
    return `127.0.0.1:${this.ports.temporal}`;
  }

  get databaseUrl(): string {
    return `postgres://notaflow:notaflow@127.0.0.1:${this.ports.postgres}/notaflow`;
  }
}

/** Why a child is no longer running (with the end of its log), or undefined while it runs. */
function exited(child: Child, log: () => string): string | undefined {
  const code = child.process.exitCode ?? child.process.signalCode;
  return code === null ? undefined : `exited (${code}):\n${log()}`;
}

/** The last lines of a log file, for a failure message. */
export function tail(file: string, lines = 30): string {
  if (!existsSync(file)) return `(no ${file})`;
  return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

/**
 * The embedded stack's parts started one by one, as stack.ts starts them (same helpers, same commands, same
 * environment), but each under our control: stack.ts stops everything when one child exits, and faults 2-4 must
 * kill or stop one part while the others keep running.
 */
export class OwnStack extends LoopbackStack {
  postgres: RunningPostgres | undefined;
  temporal: RunningTemporal | undefined;
  worker: Child | undefined;
  api: Child | undefined;
  private readonly jwtSecret = randomBytes(48).toString('base64url');
  /** How much of the API's log unexpectedErrors has read. */
  private logRead = 0;

  private constructor(
    readonly dir: string,
    readonly temporalCli: string,
    ports: { api: number; postgres: number; temporal: number },
  ) {
    super(ports);
    mkdirSync(this.logDir, { recursive: true });
  }

  static async create(dir: string, temporalCli: string): Promise<OwnStack> {
    return new OwnStack(dir, temporalCli, {
      api: await freePort(),
      postgres: await freePort(),
      temporal: await freePort(),
    });
  }

  get logDir(): string {
    return path.join(this.dir, 'logs');
  }

  async startAll(): Promise<void> {
    const servers = await Promise.allSettled([this.startPostgres(), this.startTemporal()]);
    const failed = servers.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) {
      await this.stopAll();
      throw failed.reason;
    }
    // As stack.ts: the API first (it applies the migrations), then the worker.
    await this.startApi();
    await this.startWorker();
  }

  async startPostgres(): Promise<void> {
    this.postgres = await startPostgres({
      dataDir: path.join(this.dir, 'postgres'),
      port: this.ports.postgres,
      database: 'notaflow',
      logFile: path.join(this.logDir, 'postgres.log'),
    });
  }

  /** SIGINT, PostgreSQL's fast shutdown: every connection is cut, the data is flushed. */
  async stopPostgres(): Promise<void> {
    await this.postgres?.stop();
    this.postgres = undefined;
  }

  async startTemporal(): Promise<void> {
    this.temporal = await startTemporalDevServer({
      binary: this.temporalCli,
      port: this.ports.temporal,
      dbFile: path.join(this.dir, 'temporal', 'temporal.db'),
      logFile: path.join(this.logDir, 'temporal.log'),
    });
  }

  /** SIGTERM, as an operator stopping the server would. */
  async stopTemporal(): Promise<void> {
    await this.temporal?.stop();
    this.temporal = undefined;
  }

  private env(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      ...CHAOS_ENV,
      DATABASE_URL: this.databaseUrl,
      TEMPORAL_ADDRESS: this.temporalAddress,
      JWT_SECRET: this.jwtSecret,
      // The demo users, whom the faults sign in as; not the dossier.
      SEED_DEMO: 'users',
      PORT: String(this.ports.api),
    };
  }

  private startNode(name: 'api' | 'worker'): Child {
    return startChild(
      name,
      process.execPath,
      ['--enable-source-maps', path.join(root, `dist/apps/${name}/src/main.js`)],
      {
        env: this.env(),
        logFile: path.join(this.logDir, `${name}.log`),
        stopWithParent: 'SIGTERM',
      },
    );
  }

  async startApi(): Promise<void> {
    const api = this.startNode('api');
    this.api = api;
    await waitFor(
      'the API',
      async () => ((await fetch(`${this.baseUrl}/api/v1/health`)).status < 500 ? true : undefined),
      {
        gone: () => exited(api, () => tail(path.join(this.logDir, 'api.log'))),
        timeoutMs: 90_000,
        intervalMs: 300,
      },
    );
  }

  /** Ready once the Temporal server sees this worker process poll the task queue. */
  async startWorker(): Promise<void> {
    const worker = this.startNode('worker');
    this.worker = worker;
    await waitFor(
      'the worker to poll',
      async () => ((await workerPolls(this.temporalAddress, TASK_QUEUE, worker.process.pid ?? 0)) ? true : undefined),
      { gone: () => exited(worker, () => tail(path.join(this.logDir, 'worker.log'))), timeoutMs: 60_000 },
    );
  }

  /** kill -9 of the worker process alone. */
  async killWorker(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (!worker) return;
    worker.process.kill('SIGKILL');
    await worker.exited;
  }

  /**
   * The errors the API answered 500 for, from its log: each error's type, message and the first frames of its stack
   * (an outage answered 503 is logged as a warning, a flow that did not answer in time as an AppException).
   */
  unexpectedErrors(): string[] {
    const file = path.join(this.logDir, 'api.log');
    if (!existsSync(file)) return [];
    // Only what was logged since the last look: each fault reports its own.
    const log = readFileSync(file, 'utf8');
    const since = log.slice(this.logRead);
    this.logRead = log.length;
    return since.split('\n').flatMap((line) => {
      try {
        const entry = JSON.parse(line) as { level?: number; msg?: string; err?: { type?: string; stack?: string } };
        return entry.level === 50 && entry.msg === 'request failed' && entry.err?.type !== 'AppException'
          ? [(entry.err?.stack ?? JSON.stringify(entry.err)).split('\n').slice(0, 4).join(' | ')]
          : [];
      } catch {
        return [];
      }
    });
  }

  /** Still running, or exited with what (a worker or API that gave up during a fault is a defect). */
  exits(): string[] {
    const down: string[] = [];
    for (const [name, child] of [
      ['api', this.api],
      ['worker', this.worker],
      ['temporal', this.temporal?.child],
      ['postgres', this.postgres?.child],
    ] as const) {
      const code = child?.process.exitCode ?? child?.process.signalCode;
      if (child && code !== null && code !== undefined) down.push(`${name} exited (${code})`);
    }
    return down;
  }

  async stopAll(): Promise<void> {
    const stops: [string, (() => Promise<void>) | undefined][] = [
      ['api', this.api && (() => this.api!.stop())],
      ['worker', this.worker && (() => this.worker!.stop())],
      ['temporal', this.temporal && (() => this.temporal!.stop())],
      ['postgres', this.postgres && (() => this.postgres!.stop())],
    ];
    for (const [, stop] of stops) await stop?.().catch(() => undefined);
    this.api = this.worker = this.temporal = this.postgres = undefined;
  }
}
