import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startChild, type Child } from './child';
import { ensureGoBinary } from './go-binary';
import { waitFor } from './ports';

/** The Web UI the Temporal CLI v1.5.1 embeds in its dev server, here as a server of its own. */
export const TEMPORAL_UI_VERSION = 'v2.42.1';

/** Built once from its Go module, whose UI assets it embeds (under a minute when the CLI's build left the module). */
export function ensureTemporalUi(log: (line: string) => void = () => undefined): string {
  return ensureGoBinary(
    {
      title: 'the Temporal Web UI server',
      pkg: 'github.com/temporalio/ui-server/v2/cmd/server',
      version: TEMPORAL_UI_VERSION,
      folder: 'temporal-ui-server',
      binary: 'temporal-ui-server',
      override: 'TEMPORAL_UI_SERVER_PATH',
    },
    log,
  );
}

export interface RunningTemporalUi {
  url: string;
  child: Child;
  stop(): Promise<void>;
}

/** The Web UI on loopback for the frontend at `temporalAddress`; ready once it serves its page. */
export async function startTemporalUi(options: {
  binary: string;
  dir: string;
  port: number;
  temporalAddress: string;
  namespace: string;
  logFile: string;
}): Promise<RunningTemporalUi> {
  const configDir = path.join(options.dir, 'config');
  mkdirSync(configDir, { recursive: true });
  // JSON, which YAML reads as it is.
  const config = {
    temporalGrpcAddress: options.temporalAddress,
    host: '127.0.0.1',
    port: options.port,
    enableUi: true,
    defaultNamespace: options.namespace,
    notifyOnNewVersion: false,
    refreshInterval: '1m',
  };
  writeFileSync(path.join(configDir, 'cluster.yaml'), `${JSON.stringify(config, null, 2)}\n`);
  const child = startChild(
    'temporal-ui',
    options.binary,
    ['--root', options.dir, '--config', 'config', '--env', 'cluster', 'start'],
    { cwd: options.dir, logFile: options.logFile, stopWithParent: 'SIGTERM' },
  );
  const url = `http://127.0.0.1:${options.port}`;
  try {
    await waitFor('the Temporal Web UI', async () => ((await fetch(url)).ok ? true : undefined), {
      gone: () =>
        child.process.exitCode !== null ? `exited (${child.process.exitCode}); see ${options.logFile}` : undefined,
      timeoutMs: 30_000,
      intervalMs: 200,
    });
  } catch (error) {
    await child.stop('SIGKILL');
    throw error;
  }
  return { url, child, stop: () => child.stop('SIGTERM', 5_000) };
}
