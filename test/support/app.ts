import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { createSmtpMailer } from '@notaflow/activities';
import { loadConfig, type AppConfig } from '@notaflow/config';
import { createDataSource } from '@notaflow/persistence';
import { temporalConnectionOptions, temporalDataConverter } from '@notaflow/temporal-connection';
import { createApp } from '../../apps/api/src/bootstrap';
import { workflowBundleOptions } from '../../apps/worker/src/bundle';
import { createWorker } from '../../apps/worker/src/worker';
import { claimIsolatedNamespace, createTestDatabase, testStack, uniqueTaskQueue } from './stack';

const silentLogger = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };

let runtimeInstalled = false;
function quietRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  // Tests stop workers themselves; the runtime must not exit the jest process on a signal.
  Runtime.install({ logger: process.env.DEBUG_WORKER ? new DefaultLogger('WARN') : silentLogger, shutdownSignals: [] });
}

let bundle: Promise<{ code: string }> | undefined;
/** Built once per test file (a jest module registry is per file). */
export function workflowBundle(): Promise<{ code: string }> {
  bundle ??= bundleWorkflowCode({ ...workflowBundleOptions(), logger: silentLogger });
  return bundle;
}

export interface RunningWorker {
  worker: Worker;
  /** Why each payload the worker could not open was refused (the worker process logs them). */
  unreadable: string[];
  stop(): Promise<void>;
}

/** A worker on the app's task queue; `bundle` runs other workflow code than the current (a released version). */
export async function startTestWorker(
  config: AppConfig,
  dataSource: DataSource,
  bundle?: { code: string },
): Promise<RunningWorker> {
  quietRuntime();
  const unreadable: string[] = [];
  // As the worker process does: the configured TLS and payload codec.
  const connection = await NativeConnection.connect(temporalConnectionOptions(config));
  // As the worker process does: email when SMTP_URL is set.
  const mailer = config.SMTP_URL ? createSmtpMailer({ url: config.SMTP_URL, from: config.MAIL_FROM }) : undefined;
  const worker = await createWorker({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    dataSource,
    mailer,
    workflows: { workflowBundle: bundle ?? (await workflowBundle()) },
    dataConverter: temporalDataConverter(config, {
      side: 'worker',
      onUnreadable: (error) => unreadable.push(error.message),
    }),
  });
  const running = worker.run();
  return {
    worker,
    unreadable,
    async stop() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      mailer?.close();
      await connection.close();
    },
  };
}

export interface TestApp {
  config: AppConfig;
  app: NestExpressApplication;
  baseUrl: string;
  dataSource: DataSource;
  client: Client;
  /** Replaceable: a test may stop the worker and start another. */
  worker?: RunningWorker;
  close(): Promise<void>;
}

/** The API on a free port, its own database and task queue, and (unless told not to) a worker. */
export async function startTestApp(options: { worker?: boolean; env?: Record<string, string> } = {}): Promise<TestApp> {
  const stack = testStack();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: await createTestDatabase(),
    TEMPORAL_ADDRESS: stack.temporalAddress,
    TEMPORAL_TASK_QUEUE: uniqueTaskQueue('test'),
    // The demo seed's workflow ids are fixed: a seeding app gets a namespace no other app of the run uses.
    ...(options.env?.SEED_DEMO === 'true' ? { TEMPORAL_NAMESPACE: claimIsolatedNamespace() } : {}),
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'silent',
    RUN_MIGRATIONS: 'false',
    DOCUMENTS_DIR: mkdtempSync(path.join(stack.dir, 'documents-')),
    ...options.env,
  });
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const dataSource = createDataSource({ url: config.DATABASE_URL, poolSize: 5 });
  await dataSource.initialize();
  const connection = Connection.lazy(temporalConnectionOptions(config));
  const client = new Client({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    dataConverter: temporalDataConverter(config, { side: 'client' }),
  });
  const worker = options.worker === false ? undefined : await startTestWorker(config, dataSource);
  const testApp: TestApp = {
    config,
    app,
    baseUrl: `http://127.0.0.1:${address.port}`,
    dataSource,
    client,
    worker,
    async close() {
      await testApp.worker?.stop();
      await app.close();
      await connection.close();
      await dataSource.destroy();
    },
  };
  return testApp;
}
