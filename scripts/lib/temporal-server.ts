import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
// By path, not by package name: jest's globalSetup starts this server outside the module mapper.
import { NOTA_FLOW_SEARCH_ATTRIBUTES } from '../../libs/temporal/src/nota-flow.search-attributes';
import { startChild, type Child } from './child';
import { ensureGoBinary } from './go-binary';
import { waitFor } from './ports';

/** Pinned: its go.mod has no replace directive, so `go install` works straight from the module proxy. */
export const TEMPORAL_CLI_VERSION = 'v1.5.1';

/**
 * The Temporal CLI (whose dev server is the embedded Temporal): not on npm and prebuilt downloads are not an
 * option, so it is built once from its Go module into a cache outside the repository and reused after that.
 */
export function ensureTemporalCli(log: (line: string) => void = () => undefined): string {
  return ensureGoBinary(
    {
      title: 'the Temporal CLI',
      pkg: 'github.com/temporalio/cli/cmd/temporal',
      version: TEMPORAL_CLI_VERSION,
      folder: 'temporal-cli',
      override: 'TEMPORAL_CLI_PATH',
    },
    log,
  );
}

export interface TemporalServerOptions {
  binary: string;
  port: number;
  /** Omit for no Web UI. */
  uiPort?: number;
  /** Omit for an in-memory server (throw-away test servers). */
  dbFile?: string;
  logFile: string;
  namespace?: string;
  /** More namespaces to create at launch (for tests that must not share one). */
  extraNamespaces?: string[];
}

export interface RunningTemporal {
  address: string;
  uiUrl?: string;
  child: Child;
  stop(): Promise<void>;
}

export async function startTemporalDevServer(options: TemporalServerOptions): Promise<RunningTemporal> {
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(options.port),
    '--namespace',
    options.namespace ?? 'default',
    ...(options.extraNamespaces ?? []).flatMap((namespace) => ['--namespace', namespace]),
    // The API starts each flow with them: a server that does not know them refuses the start.
    ...NOTA_FLOW_SEARCH_ATTRIBUTES.flatMap((name) => ['--search-attribute', `${name}=Keyword`]),
    '--log-level',
    'warn',
    // Metrics would otherwise claim a random port of their own.
    '--metrics-port',
    '0',
    ...(options.dbFile ? ['--db-filename', options.dbFile] : []),
    ...(options.uiPort ? ['--ui-port', String(options.uiPort)] : ['--headless']),
  ];
  if (options.dbFile) mkdirSync(path.dirname(options.dbFile), { recursive: true });
  const child = startChild('temporal', options.binary, args, { logFile: options.logFile, stopWithParent: 'SIGTERM' });
  const address = `127.0.0.1:${options.port}`;
  try {
    await waitFor(
      'the Temporal dev server',
      async () => {
        if (child.process.exitCode !== null) throw new Error(`temporal exited; see ${options.logFile}`);
        const connection = await Connection.connect({ address, connectTimeout: 1000 });
        try {
          await connection.workflowService.describeNamespace({ namespace: options.namespace ?? 'default' });
          return true;
        } finally {
          await connection.close();
        }
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
  } catch (error) {
    await child.stop('SIGKILL');
    throw error;
  }
  return {
    address,
    uiUrl: options.uiPort ? `http://127.0.0.1:${options.uiPort}` : undefined,
    child,
    stop: () => child.stop('SIGTERM', 15_000),
  };
}
