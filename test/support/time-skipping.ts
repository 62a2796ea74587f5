import type { WorkflowHandle } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, bundleWorkflowCode, type LogEntry, type Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import type { Mailer } from '@notaflow/activities';
import { DEMO_USERS } from '@notaflow/domain';
import { createDataSource } from '@notaflow/persistence';
import { workflowBundleOptions } from '../../apps/worker/src/bundle';
import { createWorker } from '../../apps/worker/src/worker';
import { ensureTimeSkippingServer } from '../../scripts/lib/time-skipping-server';
import { createTestDatabase, uniqueTaskQueue } from './stack';

/**
 * The Java test server does not advertise this capability of a real server (nothing in these flows heartbeats); and
 * an activity of a workflow that a test terminated at its end may complete after it, which the worker reports.
 */
const KNOWN_TEST_SERVER_WARNINGS = [/activity_failure_include_heartbeat/, /Activity not found on completion/];
const silent = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };

export interface TimeSkippingStack {
  env: TestWorkflowEnvironment;
  dataSource: DataSource;
  taskQueue: string;
  worker: Worker;
  /** Warnings and errors of the worker (failed workflow tasks, activity retries): a test expects none. */
  problems: LogEntry[];
  /** Handles to terminate after each test, so no timer of one test fires in the next (time is global). */
  started: WorkflowHandle[];
  /** Lets the server's clock run to `instant`, firing every timer before it; no real time is waited. */
  skipUntil(instant: Date): Promise<void>;
  /** Terminates what a test left running and returns (and clears) the problems seen. */
  afterEach(): Promise<LogEntry[]>;
  stop(): Promise<void>;
}

/**
 * Temporal's time-skipping test server with the real workflow bundle and the real activities on a PostgreSQL
 * database of its own (migrated, with the demo users): weeks of working days pass in a second.
 */
export async function startTimeSkippingStack(options: { mailer?: Mailer } = {}): Promise<TimeSkippingStack> {
  const wrapper = ensureTimeSkippingServer((line) => console.log(line));
  const problems: LogEntry[] = [];
  Runtime.install({
    logger: new DefaultLogger('WARN', (entry) => {
      if (!KNOWN_TEST_SERVER_WARNINGS.some((known) => known.test(entry.message))) problems.push(entry);
    }),
    telemetryOptions: { logging: { filter: { core: 'WARN', other: 'WARN' }, forward: {} } },
    shutdownSignals: [],
  });
  const [env, bundle, url] = await Promise.all([
    TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: wrapper } } }),
    bundleWorkflowCode({ ...workflowBundleOptions(), logger: silent }),
    createTestDatabase(),
  ]);
  const dataSource = createDataSource({ url, poolSize: 4 });
  await dataSource.initialize();
  for (const user of DEMO_USERS) {
    await dataSource.query(
      `INSERT INTO users (username, display_name, role, organisation_code, password_hash, email)
       VALUES ($1, $2, $3, $4, NULL, $5)`,
      [user.username, user.displayName, user.role, user.organisation, user.email],
    );
  }
  const taskQueue = uniqueTaskQueue('timers');
  const worker = await createWorker({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    dataSource,
    mailer: options.mailer,
    workflows: { workflowBundle: bundle },
  });
  const running = worker.run();
  const started: WorkflowHandle[] = [];
  return {
    env,
    dataSource,
    taskQueue,
    worker,
    problems,
    started,
    async skipUntil(instant) {
      const now = await env.currentTimeMs();
      if (instant.getTime() > now) await env.sleep(instant.getTime() - now);
    },
    async afterEach() {
      for (const handle of started.splice(0)) {
        const { status } = await handle.describe();
        if (status.name === 'RUNNING') await handle.terminate('test over');
      }
      return problems.splice(0);
    },
    async stop() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      await env.teardown();
      await dataSource.destroy();
    },
  };
}

/** The last activities of a fired timer may still be writing when the clock has arrived: poll briefly. */
export async function eventually<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
