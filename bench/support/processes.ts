import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { StdioOptions } from 'node:child_process';
import { startChild, type Child } from '../../scripts/lib/child';
import { freePort, waitFor } from '../../scripts/lib/ports';

/** The compiled product worker, as `npm start` and the Dockerfile run it (dist/ mirrors the sources). */
export const WORKER_MAIN = path.resolve(__dirname, '../../apps/worker/src/main.js');

export interface WorkerProcessOptions {
  databaseUrl: string;
  temporalAddress: string;
  taskQueue: string;
  logFile: string;
  /** `host:port` for the worker's Prometheus metrics (WORKER_METRICS_ADDRESS). */
  metricsAddress?: string;
  /** Node options before the script, e.g. `--expose-gc` or `--require <probe>`. */
  nodeArgs?: string[];
  /** An IPC channel to the child (process.send), for a probe preloaded into it. */
  ipc?: boolean;
  /** Another worker script than the product's (the flows benchmark's, with the skeleton beside the product). */
  script?: string;
  env?: Record<string, string>;
}

export interface WorkerProcess {
  child: Child;
  pid: number;
  /** Rejects when the worker exits before it is stopped, with the end of its log: race it against waits. */
  failed: Promise<never>;
  stop(): Promise<void>;
}

/**
 * Starts the real worker process: the prebuilt bundle, the real activities on PostgreSQL, its own RSS. Output goes
 * straight to a log file (no pipe through this process, which is busy measuring).
 */
export function startWorkerProcess(options: WorkerProcessOptions): WorkerProcess {
  const log = openSync(options.logFile, 'a');
  const stdio: StdioOptions = ['ignore', log, log, ...(options.ipc ? ['ipc' as const] : [])];
  try {
    const child = startChild('worker', process.execPath, [...(options.nodeArgs ?? []), options.script ?? WORKER_MAIN], {
      stdio,
      stopWithParent: 'SIGTERM',
      env: {
        ...process.env,
        NODE_ENV: 'production',
        LOG_LEVEL: 'info',
        DATABASE_URL: options.databaseUrl,
        TEMPORAL_ADDRESS: options.temporalAddress,
        TEMPORAL_TASK_QUEUE: options.taskQueue,
        WORKER_METRICS_ADDRESS: options.metricsAddress ?? '',
        // The configuration is shared with the API, which signs demo tokens; the worker never uses it.
        JWT_SECRET: randomBytes(32).toString('hex'),
        ...options.env,
      },
    });
    let stopping = false;
    const failed = child.exited.then((code) => {
      const tail = readFileSync(options.logFile, 'utf8').trim().split('\n').slice(-5).join('\n');
      throw new Error(`the worker exited (${code})${stopping ? ' when stopped' : ''}:\n${tail}`);
    });
    failed.catch(() => undefined);
    return {
      child,
      pid: child.process.pid ?? 0,
      failed,
      // SIGTERM: the runtime's shutdown signal; the worker drains and closes its connections.
      stop: () => {
        stopping = true;
        return child.stop('SIGTERM', 20_000);
      },
    };
  } finally {
    closeSync(log);
  }
}

/** Resident set size of a process, from /proc (Linux): what the kernel charges it, all threads included. */
export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
  if (!kb) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb) * 1024;
}

/** Linux's USER_HZ: /proc counts CPU time in these ticks (100 on every common platform). */
const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) used so far by a process and, with `children`, by each of its direct children. */
export function cpuSample(pid: number, children = false): Map<number, number> {
  const read = (p: number) => {
    try {
      // The fields after the command name (which may hold spaces): ppid is the 4th field, utime the 14th, stime 15th.
      const fields = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1].split(' ');
      return { ppid: Number(fields[1]), seconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND };
    } catch {
      return undefined; // gone meanwhile
    }
  };
  const sample = new Map<number, number>();
  const own = read(pid);
  if (own) sample.set(pid, own.seconds);
  if (children) {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = read(Number(entry));
      if (stat?.ppid === pid) sample.set(Number(entry), stat.seconds);
    }
  }
  return sample;
}

/**
 * CPU seconds used between two samples by the processes alive at the second: one that exited meanwhile (a
 * PostgreSQL backend of a closed connection) is left out rather than counted negative.
 */
export function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let seconds = 0;
  for (const [pid, used] of after) seconds += used - (before.get(pid) ?? 0);
  return seconds;
}

/** One sample of a Prometheus text exposition: the sum over all label sets of a metric name. */
export async function scrapeMetric(address: string, name: string): Promise<number | undefined> {
  const response = await fetch(`http://${address}/metrics`);
  const text = await response.text();
  let sum: number | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+(\S+)/.exec(line);
    if (match && match[1] === name) sum = (sum ?? 0) + Number(match[3]);
  }
  return sum;
}

/** The compiled product API, as `npm start` and the Dockerfile run it. */
export const API_MAIN = path.resolve(__dirname, '../../apps/api/src/main.js');

export interface ApiProcessOptions {
  databaseUrl: string;
  temporalAddress: string;
  taskQueue: string;
  logFile: string;
  /** Where uploaded documents go (DOCUMENTS_DIR). */
  documentsDir: string;
  /** The demo sign-in's signing secret: a benchmark that checks tokens itself needs the same one. */
  jwtSecret: string;
  /** More settings (RATE_LIMIT_PER_MINUTE, DOCUMENT_MAX_BYTES, ...). */
  env?: Record<string, string>;
}

export interface ApiProcess {
  child: Child;
  pid: number;
  baseUrl: string;
  failed: Promise<never>;
  stop(): Promise<void>;
}

/**
 * Starts the product API as `node dist/apps/api/src/main.js` starts it, on a free port, its JSON logs to a file, and
 * waits for /health. Demo sign-in (the benchmarks log in as the demo users), which the configuration refuses with
 * NODE_ENV=production; NODE_ENV only decides HSTS, so `development` changes nothing measured.
 */
export async function startApiProcess(options: ApiProcessOptions): Promise<ApiProcess> {
  const port = await freePort();
  const log = openSync(options.logFile, 'a');
  let child: Child;
  try {
    child = startChild('api', process.execPath, [API_MAIN], {
      stdio: ['ignore', log, log],
      stopWithParent: 'SIGTERM',
      env: {
        ...process.env,
        NODE_ENV: 'development',
        LOG_LEVEL: 'info',
        HOST: '127.0.0.1',
        PORT: String(port),
        DATABASE_URL: options.databaseUrl,
        RUN_MIGRATIONS: 'false',
        TEMPORAL_ADDRESS: options.temporalAddress,
        TEMPORAL_TASK_QUEUE: options.taskQueue,
        AUTH_MODE: 'demo',
        // The benchmarks sign in as the demo users: provisioned with their password, without the demo dossier.
        SEED_DEMO: 'users',
        JWT_SECRET: options.jwtSecret,
        DOCUMENT_STORE: 'fs',
        DOCUMENTS_DIR: options.documentsDir,
        // Refreshing the analytics view is no part of what any API benchmark measures.
        ANALYTICS_REFRESH_MINUTES: '0',
        ...options.env,
      },
    });
  } finally {
    closeSync(log);
  }
  let stopping = false;
  const failed = child.exited.then((code) => {
    const tail = readFileSync(options.logFile, 'utf8').trim().split('\n').slice(-5).join('\n');
    throw new Error(`the API exited (${code})${stopping ? ' when stopped' : ''}:\n${tail}`);
  });
  failed.catch(() => undefined);
  const baseUrl = `http://127.0.0.1:${port}`;
  await Promise.race([
    waitFor(
      'the API',
      async () => ((await fetch(`${baseUrl}/api/v1/health`).catch(() => undefined))?.ok ? true : undefined),
      { timeoutMs: 120_000 },
    ),
    failed,
  ]);
  return {
    child,
    pid: child.process.pid ?? 0,
    baseUrl,
    failed,
    stop: () => {
      stopping = true;
      return child.stop('SIGTERM', 15_000);
    },
  };
}
