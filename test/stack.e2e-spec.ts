import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, waitFor } from '../scripts/lib/ports';
import { testStack } from './support/stack';

const root = path.resolve(__dirname, '..');
const stackScript = path.join(root, 'dist/scripts/stack.js');

/** Processes whose command line names the directory: what a stopped stack must not leave behind. */
function processesUsing(dir: string): string[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry) && Number(entry) !== process.pid)
    .flatMap((pid) => {
      try {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
        return cmdline.includes(dir) ? [`${pid}: ${cmdline}`] : [];
      } catch {
        return [];
      }
    });
}

// A first start creates PostgreSQL's cluster and Temporal's database; on a busy shared machine it once took over two
// minutes to start and stop.
const START_TIMEOUT_MS = 200_000;
const TEST_TIMEOUT_MS = START_TIMEOUT_MS + 120_000;

describe('npm start (the embedded stack)', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'notaflow-stack-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  async function runStack(via?: 'shell') {
    const [port, pgPort, temporalPort, uiPort, smtpPort, mailUiPort, workerMetricsPort] = [
      await freePort(),
      await freePort(),
      await freePort(),
      await freePort(),
      await freePort(),
      await freePort(),
      await freePort(),
    ];
    // Through a shell that does not pass signals on, as `npm start` runs it.
    const [command, args] =
      via === 'shell'
        ? ['bash', ['-c', `"${process.execPath}" "${stackScript}"; true`]]
        : [process.execPath, [stackScript]];
    const child = spawn(command, args, {
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        PORT: String(port),
        EMBEDDED_POSTGRES_PORT: String(pgPort),
        EMBEDDED_TEMPORAL_PORT: String(temporalPort),
        EMBEDDED_TEMPORAL_UI_PORT: String(uiPort),
        EMBEDDED_MAIL_SMTP_PORT: String(smtpPort),
        EMBEDDED_MAIL_UI_PORT: String(mailUiPort),
        WORKER_METRICS_PORT: String(workerMetricsPort),
        TEMPORAL_CLI_PATH: testStack().temporalBinary,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Each part gets 15 s to stop before it is killed: a stack that takes longer has hung, and says where.
    const exited = (): Promise<number | null> =>
      Promise.race([
        exit,
        new Promise<never>((_resolve, reject) =>
          setTimeout(() => reject(new Error(`the stack did not stop within 90 s: ${output}`)), 90_000).unref(),
        ),
      ]);
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitFor(
      `the stack (output so far: ${output})`,
      async () => {
        if (child.exitCode !== null) throw new Error(`stack exited: ${output}`);
        return output.includes('notaflow | ready') ? true : undefined;
      },
      // Below the test's own timeout, so that a slow start fails with what the stack printed so far.
      { timeoutMs: START_TIMEOUT_MS, intervalMs: 250 },
    );
    return { child, exited, baseUrl, output: () => output, uiPort, mailUiPort, workerMetricsPort };
  }

  it(
    'starts everything, answers health, prints the URLs, and stops every process on SIGTERM',
    async () => {
      const sut = await runStack();
      const health = await fetch(`${sut.baseUrl}/api/v1/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok', database: 'ok', temporal: 'ok' });
      expect(sut.output()).toContain(`${sut.baseUrl}/api/v1/openapi.json`);
      expect(sut.output()).toContain(`Temporal Web UI  http://127.0.0.1:${sut.uiPort}`);
      expect((await fetch(`http://127.0.0.1:${sut.uiPort}/`)).status).toBe(200);
      expect(sut.output()).toContain(`email (maildev)  http://127.0.0.1:${sut.mailUiPort}`);
      expect((await fetch(`http://127.0.0.1:${sut.mailUiPort}/email`)).status).toBe(200);
      // The API's metrics and the worker's own (Temporal's) at the addresses it printed.
      expect(sut.output()).toContain(
        `${sut.baseUrl}/metrics (worker: http://127.0.0.1:${sut.workerMetricsPort}/metrics)`,
      );
      expect(await (await fetch(`${sut.baseUrl}/metrics`)).text()).toContain('notaflow_open_tasks');
      const workerMetrics = await waitFor(
        'the worker metrics',
        async () => {
          const text = await (await fetch(`http://127.0.0.1:${sut.workerMetricsPort}/metrics`)).text();
          return text.includes('temporal_') ? text : undefined;
        },
        { timeoutMs: 30_000, intervalMs: 500 },
      );
      expect(workerMetrics).toMatch(/^temporal_/m);
      expect(processesUsing(dataDir).length).toBeGreaterThanOrEqual(3);

      sut.child.kill('SIGTERM');
      await expect(sut.exited()).resolves.toBe(0);
      expect(processesUsing(dataDir)).toEqual([]);
      expect(spawnSync('pgrep', ['-f', stackScript]).stdout.toString().trim()).toBe('');
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'stops everything when the shell that started it is killed (as npm does on SIGTERM)',
    async () => {
      const sut = await runStack('shell');
      expect((await fetch(`${sut.baseUrl}/api/v1/health`)).status).toBe(200);
      sut.child.kill('SIGTERM');
      await sut.exited();
      await waitFor('every process to stop', async () => (processesUsing(dataDir).length === 0 ? true : undefined), {
        timeoutMs: 30_000,
        intervalMs: 500,
      });
      expect(spawnSync('pgrep', ['-f', stackScript]).stdout.toString().trim()).toBe('');
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'keeps its data on a second start',
    async () => {
      expect(existsSync(path.join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true);
      const sut = await runStack();
      try {
        expect((await fetch(`${sut.baseUrl}/api/v1/health`)).status).toBe(200);
      } finally {
        sut.child.kill('SIGTERM');
        await sut.exited();
      }
      expect(processesUsing(dataDir)).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );
});

describe('bad configuration', () => {
  const api = path.join(root, 'dist/apps/api/src/main.js');
  const run = (env: Record<string, string>) =>
    spawnSync(process.execPath, [api], {
      env: { PATH: process.env.PATH, JWT_SECRET: 'x'.repeat(32), ...env },
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('stops on PORT=abc with one line naming the variable', () => {
    const result = run({ PORT: 'abc', DATABASE_URL: testStack().databaseUrl });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Invalid configuration: PORT .*"abc"/)]);
  });

  it('stops on an unreachable DATABASE_URL with one line, no stack trace', async () => {
    const port = await freePort();
    const result = run({ DATABASE_URL: `postgres://notaflow:x@127.0.0.1:${port}/notaflow`, LOG_LEVEL: 'silent' });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^notaflow api failed to start: database 127\.0\.0\.1:\d+\/notaflow unreachable/);
  });
});
