/**
 * One worker start-up, in a fresh process (started by startup.bench.ts): the product's createWorker with either the
 * prebuilt bundle, as the worker process loads it, or workflowsPath, bundled at start-up. Timed from the
 * Worker.create call to RUNNING (polling), and on to the end of a ping workflow that was waiting on the task queue.
 * Prints one JSON line.
 */
import 'reflect-metadata';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type WorkerOptions } from '@temporalio/worker';
import { createDataSource } from '@notaflow/persistence';
import type { pingWorkflow } from '@notaflow/workflows';
import { workflowBundleOptions } from '../../apps/worker/src/bundle';
import { createWorker } from '../../apps/worker/src/worker';

/** Where `npm run build` writes the bundle, as apps/worker/src/main.ts finds it (dist/ mirrors the sources). */
const BUNDLE_PATH = path.resolve(__dirname, '../../workflow-bundle.js');

export type StartupMode = 'bundle' | 'path';

export interface StartupSample {
  mode: StartupMode;
  /** Worker.create called -> resolved (the bundle loaded, or built and loaded, into the workflow thread). */
  createMs: number;
  /** Worker.create called -> state RUNNING, polling. */
  runningMs: number;
  /** Worker.create called -> the ping workflow queued before it completed (its first workflow and activity tasks). */
  firstWorkflowMs: number;
}

async function main(): Promise<void> {
  const mode = process.env.BENCH_MODE as StartupMode;
  if (mode !== 'bundle' && mode !== 'path') throw new Error('BENCH_MODE must be "bundle" or "path"');
  const address = process.env.TEMPORAL_ADDRESS!;
  const taskQueue = process.env.BENCH_TASK_QUEUE!;
  Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: [] });

  // Everything the worker process has before it creates the worker: database, connections, modules loaded.
  const dataSource = createDataSource({ url: process.env.DATABASE_URL!, poolSize: 2, applicationName: 'bench-probe' });
  await dataSource.initialize();
  const connection = await NativeConnection.connect({ address });
  const clientConnection = await Connection.connect({ address });
  const client = new Client({ connection: clientConnection });
  const ping = await client.workflow.start<typeof pingWorkflow>('pingWorkflow', {
    workflowId: `startup-${taskQueue}`,
    taskQueue,
    args: [{ message: 'first' }],
  });

  let workflows: Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath' | 'bundlerOptions'>;
  if (mode === 'bundle') {
    workflows = { workflowBundle: { codePath: BUNDLE_PATH } };
  } else {
    const { workflowsPath, webpackConfigHook } = workflowBundleOptions();
    workflows = { workflowsPath, bundlerOptions: { webpackConfigHook } };
  }

  const began = performance.now();
  const worker = await createWorker({ connection, namespace: 'default', taskQueue, dataSource, workflows });
  const created = performance.now();
  const running = worker.run();
  if (worker.getState() !== 'RUNNING') throw new Error(`worker is ${worker.getState()}, not RUNNING`);
  const polling = performance.now();
  await ping.result();
  const firstWorkflow = performance.now();

  worker.shutdown();
  await running;
  await connection.close();
  await clientConnection.close();
  await dataSource.destroy();
  const sample: StartupSample = {
    mode,
    createMs: created - began,
    runningMs: polling - began,
    firstWorkflowMs: firstWorkflow - began,
  };
  process.stdout.write(`${JSON.stringify(sample)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`startup probe failed: ${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});
