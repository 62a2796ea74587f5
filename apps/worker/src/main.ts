import 'reflect-metadata';
import path from 'node:path';
import { NativeConnection, Runtime, makeTelemetryFilterString } from '@temporalio/worker';
import pino from 'pino';
import { ConfigError, loadConfig, type AppConfig } from '@notaflow/config';
import { createDataSource, waitForDatabase } from '@notaflow/persistence';
import { createSmtpMailer } from '@notaflow/activities';
import {
  temporalBoundaryWarnings,
  temporalConnectionOptions,
  temporalDataConverter,
} from '@notaflow/temporal-connection';
import { createWorker } from './worker';
import { PinoTemporalLogger } from './temporal-logger';

/** The prebuilt bundle written by `npm run build` next to the compiled code. */
const BUNDLE_PATH = path.resolve(__dirname, '../../../workflow-bundle.js');

async function main(): Promise<void> {
  const config = loadConfig(process.env, 'worker');
  const logger = pino({ level: config.LOG_LEVEL, base: { service: 'notaflow-worker' } });
  Runtime.install({
    logger: new PinoTemporalLogger(logger),
    telemetryOptions: {
      logging: { filter: makeTelemetryFilterString({ core: 'WARN' }), forward: {} },
      // Temporal's own worker metrics (task slots, poll and schedule-to-start latencies), served by the SDK's core.
      ...(config.WORKER_METRICS_ADDRESS
        ? {
            metrics: {
              prometheus: {
                bindAddress: config.WORKER_METRICS_ADDRESS,
                countersTotalSuffix: true,
                unitSuffix: true,
                useSecondsForDurations: true,
              },
            },
          }
        : {}),
    },
  });
  if (config.WORKER_METRICS_ADDRESS) {
    logger.info({ url: `http://${config.WORKER_METRICS_ADDRESS}/metrics` }, 'worker metrics served');
  }

  await waitForDatabase(config.DATABASE_URL);
  const dataSource = createDataSource({
    url: config.DATABASE_URL,
    poolSize: config.DATABASE_POOL_SIZE,
    applicationName: 'notaflow-worker',
  });
  await dataSource.initialize();
  const mailer = config.SMTP_URL ? createSmtpMailer({ url: config.SMTP_URL, from: config.MAIL_FROM }) : undefined;
  for (const warning of temporalBoundaryWarnings(config)) logger.warn(warning);
  const connection = await NativeConnection.connect(temporalConnectionOptions(config));
  try {
    const worker = await createWorker({
      connection,
      namespace: config.TEMPORAL_NAMESPACE,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      dataSource,
      mailer,
      webAppUrl: webAppUrl(config),
      workflows: { workflowBundle: { codePath: BUNDLE_PATH } },
      dataConverter: temporalDataConverter(config, {
        side: 'worker',
        // A forged or misrouted payload reaches the flow as nothing, which its Update validators refuse: said here.
        onUnreadable: (error) =>
          logger.warn({ reason: error.message }, 'a payload that could not be opened was refused'),
      }),
    });
    logger.info(
      {
        taskQueue: config.TEMPORAL_TASK_QUEUE,
        address: config.TEMPORAL_ADDRESS,
        email: mailer ? 'smtp' : 'off',
        tls: connectionTls(config),
        payloadKey: config.TEMPORAL_PAYLOAD_KEYS?.[0]?.id ?? 'none',
      },
      'worker started',
    );
    // Runtime's default shutdown signals (SIGINT, SIGTERM) drain in-flight tasks, then run() resolves.
    await worker.run();
    logger.info('worker stopped');
  } finally {
    mailer?.close();
    await connection.close();
    await dataSource.destroy();
  }
}

/** For the start-up line: which TLS, never a path's contents. */
function connectionTls(config: AppConfig): 'off' | 'tls' | 'mtls' {
  const tls = temporalConnectionOptions(config).tls;
  return !tls ? 'off' : tls.clientCertPair ? 'mtls' : 'tls';
}

/**
 * Where users open the web app, which the API serves: PUBLIC_URL, or else the API's own address on this machine
 * (what `npm start` gives both processes).
 */
function webAppUrl(config: AppConfig): string {
  if (config.PUBLIC_URL) return config.PUBLIC_URL;
  const host = ['0.0.0.0', '::'].includes(config.HOST) ? '127.0.0.1' : config.HOST;
  return `http://${host.includes(':') ? `[${host}]` : host}:${config.PORT}`;
}

main().catch((error: unknown) => {
  const message =
    error instanceof ConfigError ? error.message : `notaflow worker failed: ${(error as Error)?.message ?? error}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
