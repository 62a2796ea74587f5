import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { Client } from 'pg';
import { startChild, type Child } from './child';
import { cacheDir, ensureGoBinary } from './go-binary';
import { waitFor } from './ports';

/** The server of the dev server the product is tested on (Temporal CLI v1.5.1 is Server 1.29.1). */
export const TEMPORAL_SERVER_VERSION = 'v1.29.1';
const MODULE = 'go.temporal.io/server';

/**
 * Temporal's four services, each its own process, in the order they start: history first, because on an empty
 * database the first process to start writes the cluster's metadata, and two doing so at once fail
 * ("failed to initialize current cluster metadata"); the frontend before the worker service, which is its client.
 */
export const TEMPORAL_SERVICES = ['history', 'matching', 'frontend', 'worker'] as const;
export type TemporalService = (typeof TEMPORAL_SERVICES)[number];

export interface TemporalServerBuild {
  server: string;
  sqlTool: string;
  /** `schema/postgresql/v12` of the server's module: the versioned schemas the SQL tool applies. */
  schemaDir: string;
}

/**
 * The Temporal server and its SQL tool, built once from the server's Go module into the cache (as the CLI is),
 * with the module's PostgreSQL schemas copied next to them so that a cleaned Go module cache does not matter.
 */
export function ensureTemporalServer(log: (line: string) => void = () => undefined): TemporalServerBuild {
  const spec = { version: TEMPORAL_SERVER_VERSION, folder: 'temporal-server' };
  const server = ensureGoBinary(
    {
      ...spec,
      title: 'the Temporal server',
      pkg: `${MODULE}/cmd/server`,
      binary: 'temporal-server',
      override: 'TEMPORAL_SERVER_PATH',
    },
    log,
  );
  const sqlTool = ensureGoBinary(
    {
      ...spec,
      title: "the Temporal server's SQL tool",
      pkg: `${MODULE}/cmd/tools/sql`,
      binary: 'temporal-sql-tool',
      override: 'TEMPORAL_SQL_TOOL_PATH',
    },
    log,
  );
  const schemaDir = path.join(cacheDir(), spec.folder, spec.version, 'schema', 'postgresql', 'v12');
  if (!existsSync(path.join(schemaDir, 'temporal', 'versioned'))) {
    // `go mod download` finds the module in Go's module cache, or fetches it from the module proxy when it was
    // cleaned since the build.
    const { Dir } = JSON.parse(
      execFileSync('go', ['mod', 'download', '-json', `${MODULE}@${TEMPORAL_SERVER_VERSION}`], { encoding: 'utf8' }),
    ) as { Dir: string };
    cpSync(path.join(Dir, 'schema', 'postgresql', 'v12'), schemaDir, { recursive: true });
  }
  return { server, sqlTool, schemaDir };
}

export interface TemporalPorts {
  /** The frontend: what clients (API, workers, CLI) call. */
  frontend: number;
  frontendHttp: number;
  grpc: Record<TemporalService, number>;
  membership: Record<TemporalService, number>;
  metrics: Record<TemporalService, number>;
}

/** The highest frontend port whose services' membership ports (300 below, the worker's +6) fit a smallint. */
export const MAX_FRONTEND_PORT = 32_767 + 300 - 6;

/**
 * Every port of the four services, from the frontend's, in Temporal's own layout (7233 frontend, 7234 history,
 * 7235 matching, 7239 worker, 7243 HTTP, membership 300 below each), and Prometheus metrics from 8000 up.
 */
export function temporalPorts(frontend: number): TemporalPorts {
  // Membership ports go into a smallint column (cluster_membership.rpc_port): above 32767 the service exits.
  if (frontend < 1324 || frontend > MAX_FRONTEND_PORT) {
    throw new Error(
      `the Temporal frontend port ${frontend} leaves no room for its services' ports (1324-${MAX_FRONTEND_PORT}: ` +
        'the membership ports, 300 below, must fit a smallint)',
    );
  }
  const grpc = { frontend, history: frontend + 1, matching: frontend + 2, worker: frontend + 6 };
  const each = (port: (service: TemporalService, index: number) => number) =>
    Object.fromEntries(TEMPORAL_SERVICES.map((service, index) => [service, port(service, index)])) as Record<
      TemporalService,
      number
    >;
  return {
    frontend,
    frontendHttp: frontend + 10,
    grpc,
    membership: each((service) => grpc[service] - 300),
    metrics: each((_service, index) => frontend + 767 + index),
  };
}

/** Every port of the layout, for the port check before anything starts. */
export function allTemporalPorts(ports: TemporalPorts): [string, number][] {
  return [
    ...TEMPORAL_SERVICES.map((s) => [`Temporal ${s} (gRPC)`, ports.grpc[s]] as [string, number]),
    ['Temporal frontend (HTTP)', ports.frontendHttp],
    ...TEMPORAL_SERVICES.map((s) => [`Temporal ${s} (membership)`, ports.membership[s]] as [string, number]),
    ...TEMPORAL_SERVICES.map((s) => [`Temporal ${s} (metrics)`, ports.metrics[s]] as [string, number]),
  ];
}

export interface TemporalDatabase {
  host: string;
  port: number;
  user: string;
  password: string;
  /** Persistence and visibility: two databases, as the server's own set-up has them. */
  database: string;
  visibilityDatabase: string;
}

/**
 * Temporal's role and its two databases on a PostgreSQL we administer (`adminUrl`, a superuser), as
 * deploy/postgres/initdb makes them for docker-compose, then their schemas set up and brought to this server
 * version by the SQL tool. Every step is idempotent: a second start applies what a newer server version brings.
 */
export async function prepareTemporalDatabases(options: {
  adminUrl: string;
  db: TemporalDatabase;
  build: TemporalServerBuild;
  /** deploy/temporal/setup/schema.sh */
  schemaScript: string;
  logFile: string;
}): Promise<void> {
  const { db, build } = options;
  const admin = new Client({ connectionString: options.adminUrl });
  await admin.connect();
  try {
    const quoted = `"${db.user.replace(/"/g, '')}"`;
    const { rowCount } = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [db.user]);
    // The password is set every time: the data directory's secret is the one truth, also after it was replaced.
    const password = `'${db.password.replace(/'/g, "''")}'`;
    await admin.query(`${rowCount ? 'ALTER' : 'CREATE'} ROLE ${quoted} LOGIN PASSWORD ${password}`);
    for (const name of [db.database, db.visibilityDatabase]) {
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (!exists.rowCount) await admin.query(`CREATE DATABASE "${name.replace(/"/g, '')}" OWNER ${quoted}`);
    }
  } finally {
    await admin.end();
  }
  // The same script docker-compose runs in the admin-tools image, with the tool and schemas from the cache.
  const result = await run('sh', [options.schemaScript], {
    ...process.env,
    TEMPORAL_SQL_TOOL: build.sqlTool,
    SCHEMA_DIR: build.schemaDir,
    SQL_PLUGIN: 'postgres12',
    SQL_HOST: db.host,
    SQL_PORT: String(db.port),
    SQL_USER: db.user,
    // By the environment: a command line is visible to every user of the machine.
    SQL_PASSWORD: db.password,
    DBNAME: db.database,
    VISIBILITY_DBNAME: db.visibilityDatabase,
  });
  writeFileSync(options.logFile, result.output, { flag: 'a' });
  if (result.code !== 0) {
    const last = result.output.trim().split('\n').slice(-3).join(' | ');
    throw new Error(`Temporal's schemas could not be set up (see ${options.logFile}): ${last}`);
  }
}

/** A command's exit code and its output (stdout and stderr together), without blocking the event loop. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', (error) => resolve({ code: -1, output: `${output}${error.message}\n` }));
    child.once('close', (code) => resolve({ code: code ?? -1, output }));
  });
}

export interface TemporalConfigOptions {
  /** Where the per-service configuration files go (`<dir>/config/<service>.yaml`). */
  dir: string;
  ports: TemporalPorts;
  db: TemporalDatabase;
  /** Fixed at the first start: the server refuses another count on the same databases. */
  historyShards: number;
  /** The dynamic configuration the server re-reads while it runs (docker-compose mounts the same file). */
  dynamicConfigFile: string;
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
}

/**
 * One configuration file per service, the same but for the metrics port (a process serves its own), written from
 * the module's `config/development-postgres12.yaml`, loopback only. JSON, which YAML reads as it is.
 */
export function writeTemporalConfig(options: TemporalConfigOptions): void {
  const { ports, db } = options;
  const datastore = (databaseName: string, maxConns: number) => ({
    sql: {
      pluginName: 'postgres12',
      databaseName,
      connectAddr: `${db.host}:${db.port}`,
      connectProtocol: 'tcp',
      user: db.user,
      password: db.password,
      maxConns,
      maxIdleConns: maxConns,
      maxConnLifetime: '1h',
    },
  });
  const frontend = `127.0.0.1:${ports.frontend}`;
  const configDir = path.join(options.dir, 'config');
  mkdirSync(configDir, { recursive: true });
  for (const service of TEMPORAL_SERVICES) {
    const config = {
      log: { stdout: true, level: options.logLevel ?? 'warn' },
      persistence: {
        numHistoryShards: options.historyShards,
        defaultStore: 'default',
        visibilityStore: 'visibility',
        // History does most of the writing; the others read namespaces and task queues.
        datastores: {
          default: datastore(db.database, service === 'history' ? 20 : 10),
          visibility: datastore(db.visibilityDatabase, service === 'history' ? 10 : 4),
        },
      },
      global: {
        membership: { maxJoinDuration: '30s', broadcastAddress: '127.0.0.1' },
        metrics: {
          prometheus: {
            framework: 'tally',
            timerType: 'histogram',
            listenAddress: `127.0.0.1:${ports.metrics[service]}`,
          },
        },
      },
      services: Object.fromEntries(
        TEMPORAL_SERVICES.map((s) => [
          s,
          {
            rpc: {
              grpcPort: ports.grpc[s],
              membershipPort: ports.membership[s],
              bindOnIP: '127.0.0.1',
              ...(s === 'frontend' ? { httpPort: ports.frontendHttp } : {}),
            },
          },
        ]),
      ),
      clusterMetadata: {
        enableGlobalNamespace: false,
        failoverVersionIncrement: 10,
        masterClusterName: 'active',
        currentClusterName: 'active',
        clusterInformation: {
          active: {
            enabled: true,
            initialFailoverVersion: 1,
            rpcName: 'frontend',
            rpcAddress: frontend,
            httpAddress: `127.0.0.1:${ports.frontendHttp}`,
          },
        },
      },
      dcRedirectionPolicy: { policy: 'noop' },
      dynamicConfigClient: { filepath: options.dynamicConfigFile, pollInterval: '10s' },
    };
    // It holds the database password.
    writeFileSync(path.join(configDir, `${service}.yaml`), `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  }
}

export interface RunningTemporalService {
  service: TemporalService;
  child: Child;
  stop(): Promise<void>;
}

/** One service of the server as a process of its own, ready once its port accepts connections. */
export async function startTemporalService(options: {
  service: TemporalService;
  binary: string;
  dir: string;
  ports: TemporalPorts;
  logFile: string;
}): Promise<RunningTemporalService> {
  const { service, ports } = options;
  const child = startChild(
    `temporal-${service}`,
    options.binary,
    ['--root', options.dir, '--config', 'config', '--env', service, '--allow-no-auth', 'start', '--service', service],
    { cwd: options.dir, logFile: options.logFile, stopWithParent: 'SIGTERM' },
  );
  try {
    // The worker service serves no gRPC of its own (it is a client of the frontend): it is up once it has joined.
    const port = service === 'worker' ? ports.membership.worker : ports.grpc[service];
    await waitFor(`the Temporal ${service} service`, () => accepts(port), {
      gone: () =>
        child.process.exitCode !== null || child.process.signalCode !== null
          ? `exited (${child.process.exitCode ?? child.process.signalCode}); see ${options.logFile}`
          : undefined,
      timeoutMs: 60_000,
      intervalMs: 100,
    });
  } catch (error) {
    await child.stop('SIGKILL');
    throw error;
  }
  return { service, child, stop: () => child.stop('SIGTERM', 15_000) };
}

function accepts(port: number): Promise<true | undefined> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(undefined));
  });
}

/** Keyword: an exact value that a query can match (`OnsKenmerk = "5552554"`). */
const INDEXED_VALUE_TYPE_KEYWORD = 2; // temporal.api.enums.v1.IndexedValueType (@temporalio/proto is not ours)

/**
 * The namespace (with its retention) and the custom search attributes, registered when missing. Right after a
 * namespace is registered the frontend may not know it for a few seconds: each step is retried until then.
 */
export async function registerNamespace(options: {
  address: string;
  namespace: string;
  retentionDays: number;
  keywordSearchAttributes: readonly string[];
}): Promise<{ created: boolean; addedSearchAttributes: string[] }> {
  const connection = await Connection.connect({ address: options.address, connectTimeout: 5000 });
  try {
    const { namespace } = options;
    let created = false;
    const known = await connection.workflowService.describeNamespace({ namespace }).then(
      () => true,
      (error: { code?: number }) => {
        if (error.code !== 5) throw error; // gRPC NOT_FOUND
        return false;
      },
    );
    if (!known) {
      await connection.workflowService.registerNamespace({
        namespace,
        workflowExecutionRetentionPeriod: msToTs(`${options.retentionDays} days`),
      });
      created = true;
    }
    const existing = await waitFor(
      `the namespace ${namespace} to be known`,
      async () => (await connection.operatorService.listSearchAttributes({ namespace })).customAttributes ?? {},
      { timeoutMs: 30_000, intervalMs: 500 },
    );
    const missing = options.keywordSearchAttributes.filter((name) => !(name in existing));
    if (missing.length) {
      await connection.operatorService.addSearchAttributes({
        namespace,
        searchAttributes: Object.fromEntries(missing.map((name) => [name, INDEXED_VALUE_TYPE_KEYWORD])),
      });
    }
    return { created, addedSearchAttributes: missing };
  } finally {
    await connection.close();
  }
}
