import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { freePort, waitFor } from '../../../scripts/lib/ports';
import { CHAOS_ENV, LoopbackStack } from './own-stack';
import { killEverything, processesUsing } from './processes';
import { repositoryRoot } from '../../../scripts/lib/root';

const root = repositoryRoot(__dirname);
const stackScript = path.join(root, 'dist/scripts/stack.js');

export interface NpmStartPorts {
  api: number;
  postgres: number;
  temporal: number;
  temporalUi: number;
  smtp: number;
  mailUi: number;
  workerMetrics: number;
}

export async function freeStackPorts(): Promise<NpmStartPorts> {
  const next = () => freePort();
  return {
    api: await next(),
    postgres: await next(),
    temporal: await next(),
    temporalUi: await next(),
    smtp: await next(),
    mailUi: await next(),
    workerMetrics: await next(),
  };
}

/**
 * `npm start` as its script runs it (`node dist/scripts/stack.js`) on a data directory and ports of our own: the
 * whole embedded stack in one process tree, which fault 1 kills with -9 and starts again on the same data.
 */
export class NpmStart extends LoopbackStack {
  private child: ChildProcess | undefined;
  private exited: Promise<number | null> | undefined;
  private output = '';

  constructor(
    readonly dataDir: string,
    override readonly ports: NpmStartPorts,
    private readonly temporalCli: string,
  ) {
    super(ports);
  }

  /** The end of what stack.js printed (the API's and the worker's log lines among it). */
  tail(chars = 4000): string {
    return this.output.slice(-chars);
  }

  get pid(): number {
    return this.child?.pid ?? 0;
  }

  async start(timeoutMs = 150_000): Promise<number> {
    const started = Date.now();
    this.output = '';
    const child = spawn(process.execPath, ['--enable-source-maps', stackScript], {
      cwd: root,
      env: {
        ...process.env,
        ...CHAOS_ENV,
        DATA_DIR: this.dataDir,
        PORT: String(this.ports.api),
        EMBEDDED_POSTGRES_PORT: String(this.ports.postgres),
        EMBEDDED_TEMPORAL_PORT: String(this.ports.temporal),
        EMBEDDED_TEMPORAL_UI_PORT: String(this.ports.temporalUi),
        EMBEDDED_MAIL_SMTP_PORT: String(this.ports.smtp),
        EMBEDDED_MAIL_UI_PORT: String(this.ports.mailUi),
        WORKER_METRICS_PORT: String(this.ports.workerMetrics),
        TEMPORAL_CLI_PATH: this.temporalCli,
        // The demo users, whom the faults sign in as; not the dossier.
        SEED_DEMO: 'users',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    // All of it goes to a file (the API's and worker's logs are in it); the last part is kept to explain a failure.
    const file = createWriteStream(path.join(path.dirname(this.dataDir), `${path.basename(this.dataDir)}.log`), {
      flags: 'a',
    });
    const keep = (chunk: Buffer) => {
      file.write(chunk);
      this.output = (this.output + chunk.toString()).slice(-20_000);
    };
    child.once('exit', () => file.end());
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    await waitFor(
      'npm start to print "notaflow | ready"',
      async () => this.output.includes('notaflow | ready') || undefined,
      {
        gone: () =>
          child.exitCode !== null || child.signalCode !== null
            ? `stack.js exited (${child.exitCode ?? child.signalCode}):\n${this.output.slice(-3000)}`
            : undefined,
        timeoutMs,
      },
    );
    return Date.now() - started;
  }

  /** kill -9 of stack.js, every process it started (by process tree) and every process naming the data dir. */
  async killAll(): Promise<string[]> {
    const killed = await killEverything(this.pid, this.dataDir);
    await this.exited;
    this.child = undefined;
    return killed;
  }

  /** Ctrl-C: SIGTERM, then wait for stack.js to stop everything it started. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    await this.exited;
    clearTimeout(timer);
    this.child = undefined;
    await waitFor(
      `every process of npm start to stop (${processesUsing(this.dataDir).join('; ')})`,
      async () => (processesUsing(this.dataDir).length === 0 ? true : undefined),
      { timeoutMs: 30_000, intervalMs: 250 },
    );
  }
}
