import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, bundleWorkflowCode, type LogEntry, type Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import type { Mailer } from '@notaflow/activities';
import { DEMO_USERS } from '@notaflow/domain';
import { createDataSource } from '@notaflow/persistence';
import { NOTA_FLOW_SEARCH_ATTRIBUTES } from '@notaflow/temporal';
import { workflowBundleOptions } from '../../apps/worker/src/bundle';
import { createWorker } from '../../apps/worker/src/worker';
import { INDEXED_VALUE_TYPE_KEYWORD } from '../../scripts/lib/temporal-cluster';
import { ensureTimeSkippingServer } from '../../scripts/lib/time-skipping-server';
import { createTestDatabase, uniqueTaskQueue } from './stack';

/**
 * The Java test server does not advertise this capability of a real server (nothing in these flows heartbeats); and
 * an activity of a workflow that a test terminated at its end may complete after it, which the worker reports.
 */
const KNOWN_TEST_SERVER_WARNINGS = [/activity_failure_include_heartbeat/, /Activity not found on completion/];
const silent = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };

export interface TimeSkippingStack {
  /** This test's server: a new one for every test (`beforeEach`). */
  readonly env: TestWorkflowEnvironment;
  readonly worker: Worker;
  dataSource: DataSource;
  taskQueue: string;
  /** Warnings and errors of the worker (failed workflow tasks, activity retries): a test expects none. */
  problems: LogEntry[];
  /** Lets the server's clock run to `instant`, firing every timer before it; no real time is waited. */
  skipUntil(instant: Date): Promise<void>;
  /** A fresh server and worker for the next test. */
  beforeEach(): Promise<void>;
  /** Stops the test's worker and server, and returns (and clears) the problems seen. */
  afterEach(): Promise<LogEntry[]>;
  stop(): Promise<void>;
}

/**
 * Temporal's time-skipping test server with the real workflow bundle and the real activities on a PostgreSQL
 * database of its own (migrated, with the demo users): weeks of working days pass in a second.
 *
 * Each test gets a server of its own. Time is global to a server, so a flow left running would fire its timers in
 * the next test; and a flow terminated while its worker is mid-task leaves the Java server's time skipping locked
 * for good (the worker's completion is refused and the lock it held is never released), which stalls the next
 * test's clock. A fresh server per test costs a second or two and rules out both.
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
  const [bundle, url] = await Promise.all([
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
  let current: { env: TestWorkflowEnvironment; worker: Worker; running: Promise<void> } | undefined;
  const active = () => {
    if (!current) throw new Error('no time-skipping server: call stack.beforeEach() in beforeEach');
    return current;
  };
  const stopCurrent = async () => {
    if (!current) return;
    const { env, worker, running } = current;
    current = undefined;
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await running;
    await env.teardown();
  };
  return {
    get env() {
      return active().env;
    },
    get worker() {
      return active().worker;
    },
    dataSource,
    taskQueue,
    problems,
    async skipUntil(instant) {
      const { env } = active();
      const at = await env.currentTimeMs();
      if (instant.getTime() > at) await env.sleep(instant.getTime() - at);
    },
    async beforeEach() {
      await stopCurrent();
      const env = await createEnvironment(wrapper);
      const worker = await createWorker({
        connection: env.nativeConnection,
        namespace: env.namespace ?? 'default',
        taskQueue,
        dataSource,
        mailer: options.mailer,
        workflows: { workflowBundle: bundle },
      });
      current = { env, worker, running: worker.run() };
    },
    async afterEach() {
      await stopCurrent();
      return problems.splice(0);
    },
    async stop() {
      await stopCurrent();
      await dataSource.destroy();
    },
  };
}

/**
 * The SDK gives the Java server five seconds to answer, which a busy two-core machine does not always meet while the
 * JVM starts: try again, a few times, before giving up.
 */
async function createEnvironment(wrapper: string): Promise<TestWorkflowEnvironment> {
  for (let attempt = 1; ; attempt++) {
    try {
      const env = await TestWorkflowEnvironment.createTimeSkipping({
        server: { executable: { type: 'existing-path', path: wrapper } },
      });
      // The flow sets its search attributes at each stage it enters; the Java server refuses ones it was not told of.
      const searchAttributes = Object.fromEntries(
        NOTA_FLOW_SEARCH_ATTRIBUTES.map((name) => [name, INDEXED_VALUE_TYPE_KEYWORD]),
      );
      await env.connection.operatorService
        .addSearchAttributes({ namespace: env.namespace ?? 'default', searchAttributes })
        .catch(async (error: unknown) => {
          await env.teardown();
          throw error;
        });
      return env;
    } catch (error) {
      if (attempt >= 3 || !/did not start within/.test(String((error as Error)?.message))) throw error;
    }
  }
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
