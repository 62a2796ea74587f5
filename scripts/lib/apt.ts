import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync } from 'node:fs';

// apt-get update and the install take a minute or two on a fresh machine; far longer means it hangs.
const APT_TIMEOUT_MS = 10 * 60_000;

export interface DebianPackage {
  /** Debian's package name: `chromium`, `haproxy`. */
  name: string;
  /** The executable the package brings, checked with `--version` (or `check`). */
  executable: string;
  /** What needs it, for messages: "the browser tests". */
  neededBy: string;
  /** How to tell that the executable works; `--version` exiting 0 unless given. */
  check?: string[];
  /** The variable that names another executable instead, for the message when none can be installed. */
  override?: string;
}

/**
 * A tool that Debian packages and npm does not: installed with apt-get (after apt-get update) when it is missing,
 * as root or through passwordless sudo; otherwise the message says what to run. Answers the executable.
 */
export function ensureDebianPackage(pkg: DebianPackage, log: (line: string) => void = () => undefined): string {
  if (works(pkg.executable, pkg.check)) return pkg.executable;
  const instead = pkg.override ? ` (or set ${pkg.override})` : '';
  if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get')) {
    throw new Error(
      `${pkg.neededBy}: ${pkg.executable} is missing, and this machine has no apt-get to install it: ` +
        `install ${pkg.name}${instead}`,
    );
  }
  const root = process.getuid?.() === 0;
  const sudo = root ? [] : spawnSync('sudo', ['-n', 'true']).status === 0 ? ['sudo', '-n'] : undefined;
  if (!sudo) {
    throw new Error(
      `${pkg.neededBy}: ${pkg.executable} is missing: run \`apt-get update && apt-get install -y ${pkg.name}\` as root${instead}`,
    );
  }
  const started = Date.now();
  log(`installing Debian's ${pkg.name} for ${pkg.neededBy} (apt-get update, then apt-get install -y ${pkg.name})`);
  apt(sudo, ['update']);
  // Waits for another apt holding the lock (an unattended upgrade at boot) instead of failing at once.
  apt(sudo, ['-o', 'DPkg::Lock::Timeout=300', 'install', '-y', pkg.name]);
  if (!works(pkg.executable, pkg.check)) {
    throw new Error(`apt-get installed ${pkg.name}, but ${pkg.executable} does not start`);
  }
  log(`installed ${pkg.name} in ${Math.round((Date.now() - started) / 1000)} s`);
  return pkg.executable;
}

function apt(sudo: string[], args: string[]): void {
  const [command, ...prefix] = [...sudo, 'apt-get'];
  const options: SpawnSyncOptions = {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    // apt's own progress on stderr, so a slow mirror shows why the caller waits.
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: APT_TIMEOUT_MS,
  };
  const result = spawnSync(command, [...prefix, ...args], options);
  if (result.error) throw new Error(`apt-get ${args.join(' ')} failed: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed with exit code ${result.status}`);
}

/** Whether the executable exists and its check (`--version` by default) exits 0 within 30 s. */
export function works(executable: string, check = ['--version']): boolean {
  return existsSync(executable) && spawnSync(executable, check, { timeout: 30_000 }).status === 0;
}
