import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { haproxySocket, replicaStats } from '../../../scripts/lib/haproxy';
import { freePort, isPortFree, waitFor } from '../../../scripts/lib/ports';
import { allTemporalPorts, MAX_FRONTEND_PORT, temporalPorts } from '../../../scripts/lib/temporal-cluster';
import { CHAOS_ENV, LoopbackStack } from '../../chaos/support/own-stack';
import { processesUsing } from '../../chaos/support/processes';
import { repositoryRoot } from '../../../scripts/lib/root';

const root = repositoryRoot(__dirname);
const clusterScript = path.join(root, 'dist/scripts/cluster.js');

export interface ClusterPorts {
  /** The load balancer; the API replicas listen on the next ports. */
  api: number;
  postgres: number;
  /** The Temporal frontend; its other services take the ports around it. */
  temporal: number;
  temporalUi: number;
  s3: number;
  smtp: number;
  mailUi: number;
  /** Of the first worker; the others take the next ports. */
  workerMetrics: number;
}

/** The parts a test kills: a replica or worker by number, a Temporal service, PostgreSQL. */
export type ClusterPart = `api-${number}` | `worker-${number}` | `temporal-${string}` | 'postgres';

/** Every port the cluster claims, as the script derives them. */
function claimedPorts(ports: ClusterPorts, replicas: { api: number; workers: number }): number[] {
  return [
    ...Array.from({ length: replicas.api + 1 }, (_, i) => ports.api + i),
    ports.postgres,
    ...allTemporalPorts(temporalPorts(ports.temporal)).map(([, port]) => port),
    ports.temporalUi,
    ports.s3,
    ports.smtp,
    ports.mailUi,
    ...Array.from({ length: replicas.workers }, (_, i) => ports.workerMetrics + i),
  ];
}

/** Free ports for a whole cluster, the ports derived from them free too (tests never use fixed ports). */
export async function freeClusterPorts(replicas: { api: number; workers: number }): Promise<ClusterPorts> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const ports: ClusterPorts = {
      api: await freePort(),
      postgres: await freePort(),
      // Below the ephemeral ports the others come from: Temporal's membership ports must fit a smallint.
      temporal: 10_000 + Math.floor(Math.random() * (MAX_FRONTEND_PORT - 10_000)),
      temporalUi: await freePort(),
      s3: await freePort(),
      smtp: await freePort(),
      mailUi: await freePort(),
      workerMetrics: await freePort(),
    };
    const all = claimedPorts(ports, replicas);
    if (new Set(all).size !== all.length) continue;
    if ((await Promise.all(all.map((port) => isPortFree(port)))).every(Boolean)) return ports;
  }
  throw new Error('no free ports for a cluster after 50 attempts');
}

/**
 * `npm run start:cluster` as its script runs it (`node dist/scripts/cluster.js`), on a directory and ports of our
 * own, with what it started found by what each process carries (command line, environment, working directory).
 */
export class ClusterRun extends LoopbackStack {
  private child: ChildProcess | undefined;
  private exited: Promise<number | null> | undefined;
  private output = '';
  /** The script's own lines (`cluster | ...`), all of them: what it said about the parts it started again. */
  private readonly said: string[] = [];
  private pending = '';
  /** Where `said` stood when each part was last killed. */
  private readonly killedAt = new Map<ClusterPart, number>();

  constructor(
    /** DATA_DIR: the cluster keeps its data in `<dir>/cluster/`. */
    readonly dir: string,
    override readonly ports: ClusterPorts,
    readonly replicas: { api: number; workers: number },
  ) {
    super(ports);
  }

  get clusterDir(): string {
    return path.join(this.dir, 'cluster');
  }

  /** The end of what the script printed. */
  tail(chars = 4000): string {
    return this.output.slice(-chars);
  }

  /** Starts the cluster; resolves with the milliseconds until it said it was ready. */
  async start(timeoutMs = 240_000): Promise<number> {
    const started = Date.now();
    this.output = '';
    const child = spawn(process.execPath, ['--enable-source-maps', clusterScript], {
      cwd: root,
      env: {
        ...process.env,
        ...CHAOS_ENV,
        DATA_DIR: this.dir,
        PORT: String(this.ports.api),
        API_REPLICAS: String(this.replicas.api),
        WORKER_REPLICAS: String(this.replicas.workers),
        EMBEDDED_POSTGRES_PORT: String(this.ports.postgres),
        EMBEDDED_TEMPORAL_PORT: String(this.ports.temporal),
        EMBEDDED_TEMPORAL_UI_PORT: String(this.ports.temporalUi),
        EMBEDDED_S3_PORT: String(this.ports.s3),
        EMBEDDED_MAIL_SMTP_PORT: String(this.ports.smtp),
        EMBEDDED_MAIL_UI_PORT: String(this.ports.mailUi),
        WORKER_METRICS_PORT: String(this.ports.workerMetrics),
        // The demo users, whom the faults sign in as; not the dossier.
        SEED_DEMO: 'users',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const file = createWriteStream(path.join(this.dir, 'cluster.out'), { flags: 'a' });
    const keep = (chunk: Buffer) => {
      file.write(chunk);
      this.output = (this.output + chunk.toString()).slice(-20_000);
      const lines = (this.pending + chunk.toString()).split('\n');
      this.pending = lines.pop() ?? '';
      this.said.push(...lines.filter((line) => line.startsWith('cluster | ')));
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => child.once('exit', (code) => (file.end(), resolve(code))));
    await waitFor('the cluster to say it is ready', async () => /cluster \| ready in/.test(this.output) || undefined, {
      gone: () =>
        child.exitCode !== null || child.signalCode !== null
          ? `cluster.js exited (${child.exitCode ?? child.signalCode}):\n${this.output.slice(-3000)}`
          : undefined,
      timeoutMs,
    });
    return Date.now() - started;
  }

  /** The pid of a part, or undefined while it is not running. */
  pidOf(part: ClusterPart): number | undefined {
    if (part === 'postgres') {
      const pidFile = path.join(this.clusterDir, 'postgres', 'postmaster.pid');
      try {
        const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres') ? pid : undefined;
      } catch {
        return undefined;
      }
    }
    const [kind, which] = [part.slice(0, part.indexOf('-')), part.slice(part.indexOf('-') + 1)];
    const matches = (pid: number, line: string): boolean => {
      if (kind === 'temporal') return line.includes('temporal-server') && line.includes(`--service ${which}`);
      const env = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
      if (kind === 'api') {
        return line.includes('apps/api/src/main.js') && env.includes(`PORT=${this.ports.api + Number(which)}`);
      }
      const metrics = `WORKER_METRICS_ADDRESS=127.0.0.1:${this.ports.workerMetrics + Number(which) - 1}`;
      return line.includes('apps/worker/src/main.js') && env.includes(metrics);
    };
    for (const entry of processesUsing(this.dir)) {
      const pid = Number(entry.split(':')[0]);
      try {
        if (matches(pid, entry)) return pid;
      } catch {
        // gone meanwhile
      }
    }
    return undefined;
  }

  /** kill -9 of one part; resolves with its pid once it has gone. */
  async kill(part: ClusterPart, signal: NodeJS.Signals = 'SIGKILL'): Promise<number> {
    const pid = this.pidOf(part);
    if (!pid) throw new Error(`${part} is not running`);
    this.killedAt.set(part, this.said.length);
    process.kill(pid, signal);
    await waitFor(`${part} (pid ${pid}) to go`, async () => (isGone(pid) ? true : undefined), {
      timeoutMs: 30_000,
      intervalMs: 50,
    });
    return pid;
  }

  /** Resolves once the cluster has said that the part, killed last, is back (started again and ready). */
  async back(part: ClusterPart, timeoutMs = 120_000): Promise<void> {
    const from = this.killedAt.get(part) ?? 0;
    await waitFor(
      `${part} to be back`,
      async () => this.said.slice(from).some((line) => line.startsWith(`cluster | ${part} is back`)) || undefined,
      { timeoutMs, intervalMs: 100 },
    );
  }

  /** What the cluster said about the part since it was killed last: how it was started again. */
  saidAbout(part: ClusterPart): string[] {
    return this.said.slice(this.killedAt.get(part) ?? 0).filter((line) => line.startsWith(`cluster | ${part} `));
  }

  /** The API replicas as the load balancer sees them: state and requests sent to each. */
  replicaStats(): Promise<Record<string, { status: string; requests: number }>> {
    return replicaStats(haproxySocket(path.join(this.clusterDir, 'lb')));
  }

  /** The lines of a part's log (`logs/<name>.log`) that match, for a note or a failure message. */
  logLines(name: string, match: RegExp): string[] {
    try {
      return readFileSync(path.join(this.clusterDir, 'logs', `${name}.log`), 'utf8')
        .split('\n')
        .filter((line) => match.test(line));
    } catch {
      return [];
    }
  }

  /** The cluster's ports that something still listens on. */
  async portsInUse(): Promise<number[]> {
    const ports = claimedPorts(this.ports, this.replicas);
    const free = await Promise.all(ports.map((port) => isPortFree(port)));
    return ports.filter((_, i) => !free[i]);
  }

  /** Ctrl-C: SIGTERM, then wait until every process of the cluster has gone. */
  async stop(): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
      await this.exited;
      clearTimeout(timer);
    }
    this.child = undefined;
    await waitFor(
      `every process of the cluster to stop (${processesUsing(this.dir).join('; ')})`,
      async () => (processesUsing(this.dir).length === 0 ? true : undefined),
      { timeoutMs: 30_000, intervalMs: 250 },
    );
  }
}

/**
 * Whether a process has let go of everything it held. Its main thread turns zombie first, while its other threads are
 * still exiting, with the process's files (its listening socket among them) open until the last has gone: a
 * connection made meanwhile is accepted, then reset. Gone is no process, or a zombie that is its only thread left.
 */
function isGone(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    if (!stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) return false;
    return readdirSync(`/proc/${pid}/task`).length <= 1;
  } catch {
    return true;
  }
}
