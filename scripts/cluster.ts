import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Connection } from '@temporalio/client';
import { ConfigError, loadStackConfig } from '@notaflow/config';
import { DEFAULT_TASK_QUEUE } from '@notaflow/temporal';
import { startChild, type Child } from './lib/child';
import { CLUSTER_TOPOLOGY } from './lib/cluster-topology';
import { ensureHaproxy, startLoadBalancer } from './lib/haproxy';
import { startMailCatcher } from './lib/mail-catcher';
import { isPortFree, waitFor } from './lib/ports';
import { startPostgres } from './lib/postgres';
import { ensureS3Server, startS3Server } from './lib/s3-server';
import { Supervisor, type Running } from './lib/supervisor';
import { ensureTemporalUi, startTemporalUi } from './lib/temporal-ui';
import {
  allTemporalPorts,
  ensureTemporalServer,
  prepareTemporalDatabases,
  registerNamespace,
  startTemporalService,
  temporalPorts,
  TEMPORAL_SERVER_VERSION,
  writeTemporalConfig,
  type TemporalDatabase,
} from './lib/temporal-cluster';

/**
 * `npm run start:cluster`: the production topology on loopback. PostgreSQL holding the product's database and
 * Temporal's two; the Temporal server (not the dev server), its four services as processes of their own, its Web UI; an S3
 * store and a mail catcher; API_REPLICAS APIs behind HAProxy at PORT; WORKER_REPLICAS workers on one task queue.
 * A part that dies is started again; Ctrl-C or SIGTERM stops everything it started.
 */
const root = path.resolve(__dirname, '../..');
const say = (line: string) => process.stdout.write(`cluster | ${line}\n`);
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const startedAt = Date.now();
  const config = loadStackConfig();
  const dataDir = path.resolve(root, config.DATA_DIR, 'cluster');
  const logDir = path.join(dataDir, 'logs');
  mkdirSync(logDir, { recursive: true });
  const log = (name: string) => path.join(logDir, `${name}.log`);

  let stopping = false;
  const shutdown = async (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    say(`${reason}: stopping ${supervisor.names.reverse().join(', ') || 'nothing'}`);
    await supervisor.stopAll();
    say('stopped');
    process.exit(code);
  };
  const supervisor = new Supervisor(say, (reason) => void shutdown(reason, 1));
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => void shutdown(`received ${signal}`, 0));
  }
  // As npm start: npm's shell dies on SIGTERM without passing it on; when our parent goes, we go.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void shutdown('the process that started the cluster has gone', 0);
  }, 1000).unref();

  try {
    const apiPorts = Array.from({ length: config.API_REPLICAS }, (_, i) => config.PORT + 1 + i);
    const workerMetricsPorts = Array.from({ length: config.WORKER_REPLICAS }, (_, i) => config.WORKER_METRICS_PORT + i);
    const temporal = temporalPorts(config.EMBEDDED_TEMPORAL_PORT);
    await claimPorts([
      ['the load balancer', config.PORT, 'PORT'],
      ...apiPorts.map((port, i): PortClaim => [`API replica ${i + 1}`, port, 'PORT (replicas take PORT+1, ...)']),
      ['PostgreSQL', config.EMBEDDED_POSTGRES_PORT, 'EMBEDDED_POSTGRES_PORT'],
      ...allTemporalPorts(temporal).map(([what, port]): PortClaim => [what, port, 'EMBEDDED_TEMPORAL_PORT']),
      ['the Temporal Web UI', config.EMBEDDED_TEMPORAL_UI_PORT, 'EMBEDDED_TEMPORAL_UI_PORT'],
      ['the S3 store', config.EMBEDDED_S3_PORT, 'EMBEDDED_S3_PORT'],
      ['the mail catcher (SMTP)', config.EMBEDDED_MAIL_SMTP_PORT, 'EMBEDDED_MAIL_SMTP_PORT'],
      ['the mail catcher (web UI)', config.EMBEDDED_MAIL_UI_PORT, 'EMBEDDED_MAIL_UI_PORT'],
      ...workerMetricsPorts.map((port, i): PortClaim => [`worker ${i + 1} metrics`, port, 'WORKER_METRICS_PORT']),
    ]);

    // What may take minutes the first time (Go builds, apt-get), before anything runs.
    const build = ensureTemporalServer(say);
    const temporalUi = ensureTemporalUi(say);
    const haproxy = ensureHaproxy(say);
    const s3Server = ensureS3Server(say);

    say(`starting PostgreSQL (data in ${path.relative(root, dataDir)}/postgres)`);
    let databaseUrl = '';
    await supervisor.start({
      name: 'postgres',
      restart: true,
      start: async () => {
        const pg = await startPostgres({
          dataDir: path.join(dataDir, 'postgres'),
          port: config.EMBEDDED_POSTGRES_PORT,
          database: 'notaflow',
          logFile: log('postgres'),
        });
        databaseUrl = pg.url;
        return pg;
      },
    });

    const s3Secrets = { accessKeyId: 'notaflow', secretAccessKey: localSecret(dataDir, 's3-secret') };
    const [, s3] = await Promise.all([
      startTemporal(),
      startOnce('s3', () =>
        startS3Server({
          binary: s3Server,
          port: config.EMBEDDED_S3_PORT,
          dataDir: path.join(dataDir, 's3'),
          logFile: log('s3'),
          bucket: CLUSTER_TOPOLOGY.documentBucket,
          ...s3Secrets,
        }),
      ),
      startOnce('maildev', () =>
        startMailCatcher({
          smtpPort: config.EMBEDDED_MAIL_SMTP_PORT,
          webPort: config.EMBEDDED_MAIL_UI_PORT,
          mailDir: path.join(dataDir, 'mail'),
          logFile: log('maildev'),
        }),
      ),
    ]);

    const temporalAddress = `127.0.0.1:${temporal.frontend}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporalAddress,
      TEMPORAL_NAMESPACE: CLUSTER_TOPOLOGY.namespace,
      TEMPORAL_TASK_QUEUE: DEFAULT_TASK_QUEUE,
      SMTP_URL: `smtp://127.0.0.1:${config.EMBEDDED_MAIL_SMTP_PORT}`,
      // One secret for all replicas: a token signed by one is honoured by the others.
      JWT_SECRET: config.JWT_SECRET ?? localSecret(dataDir, 'jwt-secret'),
      DOCUMENT_STORE: 's3',
      S3_ENDPOINT: s3.endpoint,
      S3_REGION: s3.region,
      S3_BUCKET: s3.bucket,
      S3_ACCESS_KEY_ID: s3.accessKeyId,
      S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
      S3_FORCE_PATH_STYLE: 'true',
      // The migrations ran once, before the replicas (below): two replicas migrating at once would collide.
      RUN_MIGRATIONS: 'false',
    };

    say('applying the migrations (once, before the API replicas start)');
    const migrated = await promisify(execFile)(
      process.execPath,
      [path.join(root, 'dist/libs/persistence/src/cli.js'), 'run'],
      { env },
    );
    for (const line of migrated.stdout.trim().split('\n')) say(`  ${line}`);

    const replicas = apiPorts.map((port, i) => ({ name: `api-${i + 1}`, port }));
    const startApi = ({ name, port }: { name: string; port: number }, seed: boolean) =>
      supervisor.start({
        name,
        restart: true,
        start: async () => {
          const child = startNode(name, 'dist/apps/api/src/main.js', {
            ...env,
            PORT: String(port),
            DOCUMENTS_DIR: path.join(dataDir, name, 'documents'),
            // The demo seed is idempotent but not safe to run twice at once: one replica seeds.
            SEED_DEMO: seed ? (process.env.SEED_DEMO ?? 'true') : 'false',
          });
          await waitFor(
            `${name}`,
            async () => ((await fetch(`http://127.0.0.1:${port}/api/v1/health`)).status < 500 ? true : undefined),
            { timeoutMs: 90_000, intervalMs: 300, gone: () => gone(child) },
          ).catch(async (error: unknown) => {
            await child.stop('SIGKILL');
            throw error;
          });
          return { child, stop: () => child.stop() };
        },
      });
    say(`starting ${replicas.length} API replicas (${replicas.map((r) => `:${r.port}`).join(', ')})`);
    await startApi(replicas[0], true);
    await Promise.all(replicas.slice(1).map((replica) => startApi(replica, false)));

    say('starting the load balancer (HAProxy)');
    const lbDir = path.join(dataDir, 'lb');
    await startOnce('haproxy', () =>
      startLoadBalancer({
        binary: haproxy,
        dir: lbDir,
        port: config.PORT,
        servers: replicas.map(({ name, port }) => ({ name, address: `127.0.0.1:${port}` })),
        logFile: log('haproxy'),
      }),
    );

    say(`starting ${config.WORKER_REPLICAS} workers on one task queue`);
    await Promise.all(
      workerMetricsPorts.map((metricsPort, i) =>
        supervisor.start({
          name: `worker-${i + 1}`,
          restart: true,
          start: async () => {
            const child = startNode(`worker-${i + 1}`, 'dist/apps/worker/src/main.js', {
              ...env,
              WORKER_METRICS_ADDRESS: `127.0.0.1:${metricsPort}`,
              DOCUMENTS_DIR: path.join(dataDir, `worker-${i + 1}`, 'documents'),
            });
            await waitFor(`worker-${i + 1} to poll`, () => polls(temporalAddress, child), {
              timeoutMs: 60_000,
              intervalMs: 300,
              gone: () => gone(child),
            }).catch(async (error: unknown) => {
              await child.stop('SIGKILL');
              throw error;
            });
            return { child, stop: () => child.stop() };
          },
        }),
      ),
    );

    const baseUrl = `http://127.0.0.1:${config.PORT}`;
    await waitFor('the API through the load balancer', async () =>
      (await fetch(`${baseUrl}/api/v1/health`)).ok ? true : undefined,
    );
    say(`ready in ${seconds(startedAt)}`);
    say(`  web app           ${baseUrl}/  (HAProxy: ${replicas.map((r) => `${r.name} :${r.port}`).join(', ')})`);
    say(`  API               ${baseUrl}/api/v1`);
    say(`  health            ${baseUrl}/api/v1/health`);
    say(`  metrics           ${replicas.map((r) => `http://127.0.0.1:${r.port}/metrics`).join(', ')}`);
    say(`  worker metrics    ${workerMetricsPorts.map((p) => `http://127.0.0.1:${p}/metrics`).join(', ')}`);
    say(`  Temporal          ${temporalAddress} (server ${TEMPORAL_SERVER_VERSION}, namespace default)`);
    say(`  Temporal Web UI   http://127.0.0.1:${config.EMBEDDED_TEMPORAL_UI_PORT} (a nota's flow: OnsKenmerk="...")`);
    say(
      `  Temporal metrics  ${Object.values(temporal.metrics)
        .map((p) => `:${p}`)
        .join(', ')}`,
    );
    say(`  PostgreSQL        ${databaseUrl.replace(/:[^:@/]+@/, ':***@')} (and temporal, temporal_visibility)`);
    say(`  S3 store          ${s3.endpoint}/${s3.bucket}`);
    say(`  email (maildev)   http://127.0.0.1:${config.EMBEDDED_MAIL_UI_PORT}`);
    say(`  logs              ${path.relative(root, logDir)}/ (the APIs' and workers' here)`);
    say('Ctrl-C stops everything.');

    /** Temporal's databases and schemas, its four services one after the other, the namespace. */
    async function startTemporal(): Promise<void> {
      const db: TemporalDatabase = {
        host: '127.0.0.1',
        port: config.EMBEDDED_POSTGRES_PORT,
        user: 'temporal',
        password: localSecret(dataDir, 'temporal-db-password'),
        database: CLUSTER_TOPOLOGY.temporalDatabases.persistence,
        visibilityDatabase: CLUSTER_TOPOLOGY.temporalDatabases.visibility,
      };
      const started = Date.now();
      await prepareTemporalDatabases({
        adminUrl: databaseUrl,
        db,
        build,
        schemaScript: path.join(root, CLUSTER_TOPOLOGY.schemaScript),
        logFile: log('temporal-schema'),
      });
      say(`Temporal's databases and schemas ready in ${seconds(started)}`);
      const dir = path.join(dataDir, 'temporal');
      writeTemporalConfig({
        dir,
        ports: temporal,
        db,
        historyShards: CLUSTER_TOPOLOGY.historyShards,
        dynamicConfigFile: path.join(root, CLUSTER_TOPOLOGY.dynamicConfig),
      });
      for (const service of CLUSTER_TOPOLOGY.temporalServices) {
        await supervisor.start({
          name: `temporal-${service}`,
          restart: true,
          start: () =>
            startTemporalService({
              service,
              binary: build.server,
              dir,
              ports: temporal,
              logFile: log(`temporal-${service}`),
            }),
        });
      }
      const registered = await registerNamespace({
        address: `127.0.0.1:${temporal.frontend}`,
        namespace: CLUSTER_TOPOLOGY.namespace,
        retentionDays: CLUSTER_TOPOLOGY.retentionDays,
        keywordSearchAttributes: CLUSTER_TOPOLOGY.keywordSearchAttributes,
      });
      await startOnce('temporal-ui', () =>
        startTemporalUi({
          binary: temporalUi,
          dir: path.join(dataDir, 'temporal-ui'),
          port: config.EMBEDDED_TEMPORAL_UI_PORT,
          temporalAddress: `127.0.0.1:${temporal.frontend}`,
          namespace: CLUSTER_TOPOLOGY.namespace,
          logFile: log('temporal-ui'),
        }),
      );
      say(
        `Temporal server ready in ${seconds(started)} (${CLUSTER_TOPOLOGY.temporalServices.join(', ')})` +
          `${registered.created ? `; namespace ${CLUSTER_TOPOLOGY.namespace} registered` : ''}` +
          `${registered.addedSearchAttributes.length ? `; search attributes ${registered.addedSearchAttributes.join(', ')} added` : ''}`,
      );
    }
  } catch (error) {
    const message =
      error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error);
    say(`failed to start: ${message}`);
    await shutdown('start-up failed', 1);
  }

  /** A part started again when it dies, whose first start answers what it started. */
  async function startOnce<T extends Running>(name: string, start: () => Promise<T>): Promise<T> {
    let first: T | undefined;
    await supervisor.start({
      name,
      restart: true,
      start: async () => {
        const running = await start();
        first ??= running;
        return running;
      },
    });
    return first!;
  }

  function startNode(name: string, main: string, env: NodeJS.ProcessEnv): Child {
    return startChild(name, process.execPath, ['--enable-source-maps', path.join(root, main)], {
      env,
      logFile: log(name),
      stopWithParent: 'SIGTERM',
    });
  }
}

function gone(child: Child): string | undefined {
  const code = child.process.exitCode ?? child.process.signalCode;
  return code === null ? undefined : `exited (${code})`;
}

/** Whether this worker process (its identity starts with its pid) polls the task queue for workflow tasks. */
async function polls(address: string, child: Child): Promise<true | undefined> {
  const connection = await Connection.connect({ address, connectTimeout: 2000 });
  try {
    const { pollers } = await connection.workflowService.describeTaskQueue({
      namespace: CLUSTER_TOPOLOGY.namespace,
      // TASK_QUEUE_KIND_NORMAL, TASK_QUEUE_TYPE_WORKFLOW (numbers: @temporalio/proto is not ours to import).
      taskQueue: { name: DEFAULT_TASK_QUEUE, kind: 1 },
      taskQueueType: 1,
    });
    return (pollers ?? []).some((p) => p.identity?.startsWith(`${child.process.pid}@`)) || undefined;
  } finally {
    await connection.close();
  }
}

/** What a part needs: its name in a message, the port, and the variable that moves it. */
type PortClaim = [what: string, port: number, variable: string];

async function claimPorts(claims: PortClaim[]): Promise<void> {
  for (const [what, port, variable] of claims) {
    if (!(await isPortFree(port))) throw new Error(`port ${port} for ${what} is in use (set ${variable})`);
  }
}

/** A secret of the cluster's (the demo signing key, Temporal's and the S3 store's passwords): made once, kept. */
function localSecret(dataDir: string, name: string): string {
  const file = path.join(dataDir, name);
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

void main();
