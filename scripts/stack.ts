import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadStackConfig } from '@notaflow/config';
import { startChild, type Child } from './lib/child';
import { isPortFree, waitFor } from './lib/ports';
import { startMailCatcher } from './lib/mail-catcher';
import { startPostgres } from './lib/postgres';
import { ensureTemporalCli, startTemporalDevServer } from './lib/temporal-server';

/**
 * `npm start`: PostgreSQL, the Temporal dev server and a mail catcher (embedded unless DATABASE_URL /
 * TEMPORAL_ADDRESS / SMTP_URL name external ones), then the worker and the API with demo data. Ctrl-C or SIGTERM
 * stops everything it started.
 */
const root = path.resolve(__dirname, '../..');
const say = (line: string) => process.stdout.write(`notaflow | ${line}\n`);

async function main(): Promise<void> {
  const config = loadStackConfig();
  const dataDir = path.resolve(root, config.DATA_DIR);
  const logDir = path.join(dataDir, 'logs');
  mkdirSync(logDir, { recursive: true });

  const started: { stop(): Promise<void>; name: string }[] = [];
  let stopping = false;
  const shutdown = async (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    say(
      `${reason}: stopping ${
        started
          .map((s) => s.name)
          .reverse()
          .join(', ') || 'nothing'
      }`,
    );
    for (const part of [...started].reverse()) {
      await part.stop().catch((error: unknown) => say(`could not stop ${part.name}: ${String(error)}`));
    }
    say('stopped');
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => void shutdown(`received ${signal}`, 0));
  }
  // `npm start` passes SIGTERM to the shell it runs scripts in, which dies without passing it on: when the
  // process that started us goes, we go too, and take everything we started with us.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void shutdown('the process that started notaflow has gone', 0);
  }, 1000).unref();
  /** Every part the stack starts: stopped in reverse order, and its death stops the rest. */
  const supervise = (part: { name: string; child: Child; stop(): Promise<void> }) => {
    started.push(part);
    void part.child.exited.then((code) => {
      if (!stopping) void shutdown(`${part.name} exited unexpectedly (${code})`, 1);
    });
  };

  try {
    const ownPorts: PortClaim[] = [['the API', config.PORT, 'PORT']];
    if (!config.WORKER_METRICS_ADDRESS)
      ownPorts.push(['the worker metrics', config.WORKER_METRICS_PORT, 'WORKER_METRICS_PORT']);
    await claimPorts(ownPorts);

    let databaseUrl = config.DATABASE_URL;
    if (!databaseUrl) {
      await claimPorts([['PostgreSQL', config.EMBEDDED_POSTGRES_PORT, 'EMBEDDED_POSTGRES_PORT']]);
      say(`starting PostgreSQL (data in ${path.relative(root, dataDir)}/postgres)`);
      const pg = await startPostgres({
        dataDir: path.join(dataDir, 'postgres'),
        port: config.EMBEDDED_POSTGRES_PORT,
        database: 'notaflow',
        logFile: path.join(logDir, 'postgres.log'),
      });
      supervise({ name: 'postgres', child: pg.child, stop: pg.stop });
      databaseUrl = pg.url;
    }

    let temporalAddress = config.TEMPORAL_ADDRESS;
    let temporalUi: string | undefined;
    if (!temporalAddress) {
      await claimPorts([
        ['Temporal', config.EMBEDDED_TEMPORAL_PORT, 'EMBEDDED_TEMPORAL_PORT'],
        ['the Temporal Web UI', config.EMBEDDED_TEMPORAL_UI_PORT, 'EMBEDDED_TEMPORAL_UI_PORT'],
      ]);
      const binary = ensureTemporalCli(say);
      say('starting the Temporal dev server');
      const temporal = await startTemporalDevServer({
        binary,
        port: config.EMBEDDED_TEMPORAL_PORT,
        uiPort: config.EMBEDDED_TEMPORAL_UI_PORT,
        dbFile: path.join(dataDir, 'temporal', 'temporal.db'),
        logFile: path.join(logDir, 'temporal.log'),
      });
      supervise({ name: 'temporal', child: temporal.child, stop: temporal.stop });
      temporalAddress = temporal.address;
      temporalUi = temporal.uiUrl;
    }

    let smtpUrl = config.SMTP_URL;
    let mailUi: string | undefined;
    if (!smtpUrl) {
      await claimPorts([
        ['the mail catcher (SMTP)', config.EMBEDDED_MAIL_SMTP_PORT, 'EMBEDDED_MAIL_SMTP_PORT'],
        ['the mail catcher (web UI)', config.EMBEDDED_MAIL_UI_PORT, 'EMBEDDED_MAIL_UI_PORT'],
      ]);
      say('starting the mail catcher (maildev): reminders and escalations are emailed to it');
      const mail = await startMailCatcher({
        smtpPort: config.EMBEDDED_MAIL_SMTP_PORT,
        webPort: config.EMBEDDED_MAIL_UI_PORT,
        mailDir: path.join(dataDir, 'mail'),
        logFile: path.join(logDir, 'maildev.log'),
      });
      supervise({ name: 'maildev', child: mail.child, stop: mail.stop });
      smtpUrl = mail.smtpUrl;
      mailUi = mail.webUrl;
    }

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      SMTP_URL: smtpUrl,
      WORKER_METRICS_ADDRESS: config.WORKER_METRICS_ADDRESS ?? `127.0.0.1:${config.WORKER_METRICS_PORT}`,
      TEMPORAL_ADDRESS: temporalAddress,
      JWT_SECRET: config.JWT_SECRET ?? localSecret(dataDir),
      SEED_DEMO: process.env.SEED_DEMO ?? 'true',
      PORT: String(config.PORT),
    };
    const node = process.execPath;
    const startNode = (name: string, main: string): void => {
      const child = startChild(name, node, ['--enable-source-maps', path.join(root, main)], {
        env,
        echo: process.stdout,
        stopWithParent: 'SIGTERM',
      });
      supervise({ name, child, stop: () => child.stop() });
    };
    startNode('api', 'dist/apps/api/src/main.js');
    const baseUrl = `http://127.0.0.1:${config.PORT}`;
    await waitFor('the API', async () => ((await fetch(`${baseUrl}/api/v1/health`)).status < 500 ? true : undefined), {
      timeoutMs: 90_000,
      intervalMs: 300,
    });
    startNode('worker', 'dist/apps/worker/src/main.js');
    await waitFor('the API and worker', async () => ((await fetch(`${baseUrl}/api/v1/health`)).ok ? true : undefined), {
      timeoutMs: 60_000,
    });

    say('ready');
    say(`  web app          ${baseUrl}/`);
    say(`  API              ${baseUrl}/api/v1`);
    say(`  OpenAPI          ${baseUrl}/api/v1/openapi.json`);
    say(`  health           ${baseUrl}/api/v1/health`);
    say(`  metrics          ${baseUrl}/metrics (worker: http://${env.WORKER_METRICS_ADDRESS}/metrics)`);
    if (temporalUi) say(`  Temporal Web UI  ${temporalUi}`);
    if (mailUi) say(`  email (maildev)  ${mailUi}`);
    say(`  logs             ${path.relative(root, logDir)}/`);
    say('Ctrl-C stops everything.');
  } catch (error) {
    const message =
      error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error);
    say(`failed to start: ${message}`);
    await shutdown('start-up failed', 1);
  }
}

/** What a part needs: its name in a message, the port, and the variable that moves it. */
type PortClaim = [what: string, port: number, variable: string];

async function claimPorts(claims: PortClaim[]): Promise<void> {
  for (const [what, port, variable] of claims) {
    if (!(await isPortFree(port))) throw new Error(`port ${port} for ${what} is in use (set ${variable})`);
  }
}

/** The demo identity provider's signing secret: made once per data directory, never committed. */
function localSecret(dataDir: string): string {
  const file = path.join(dataDir, 'jwt-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

void main();
