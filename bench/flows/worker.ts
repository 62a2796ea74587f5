/**
 * The bench's worker process: the product worker's set-up (apps/worker/src/main.ts: PostgreSQL, the real activities,
 * a prebuilt bundle) with one bundle holding the product's workflows and the skeleton (BENCH_BUNDLE, made by
 * throughput.bench.ts from bench/flows/workflows.ts), and the skeleton's no-op activities beside the real ones. Both
 * kinds of flow run on the same worker, task queue and server.
 */
import 'reflect-metadata';
import { NativeConnection, Runtime, Worker, makeTelemetryFilterString } from '@temporalio/worker';
import pino from 'pino';
import { loadConfig } from '@notaflow/config';
import { createDataSource, waitForDatabase } from '@notaflow/persistence';
import { createActivities } from '@notaflow/activities';
import { PinoTemporalLogger } from '../../apps/worker/src/temporal-logger';
import { skeletonActivities } from './skeleton.activities';

async function main(): Promise<void> {
  const config = loadConfig(process.env, 'worker');
  const logger = pino({ level: config.LOG_LEVEL, base: { service: 'notaflow-bench-worker' } });
  Runtime.install({
    logger: new PinoTemporalLogger(logger),
    telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'WARN' }), forward: {} } },
  });
  await waitForDatabase(config.DATABASE_URL);
  const dataSource = createDataSource({
    url: config.DATABASE_URL,
    poolSize: config.DATABASE_POOL_SIZE,
    applicationName: 'notaflow-worker',
  });
  await dataSource.initialize();
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  try {
    const worker = await Worker.create({
      connection,
      namespace: config.TEMPORAL_NAMESPACE,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      workflowBundle: { codePath: process.env.BENCH_BUNDLE! },
      activities: { ...createActivities({ dataSource }), ...skeletonActivities },
      shutdownGraceTime: '10 seconds',
    });
    logger.info({ taskQueue: config.TEMPORAL_TASK_QUEUE }, 'bench worker started');
    await worker.run();
  } finally {
    await connection.close();
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench worker failed: ${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});
