import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian's Chromium, the browser of the browser tests (a test tool's own browser download does not work here). */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * Flags for a headless Chromium on a CI machine: no sandbox (root in a container), no GPU, and nothing that phones
 * home; without the background-networking flags Chromium keeps opening connections a closed network refuses.
 * A fresh profile directory comes from Playwright itself, which launches every browser with a new temporary one.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// apt-get update and the install take a minute or two on a fresh machine; far longer means it hangs.
const APT_TIMEOUT_MS = 10 * 60_000;

/**
 * The Chromium executable for the browser tests: CHROMIUM_PATH, else Debian's package, installed with apt-get
 * (after apt-get update) when it is missing. As root, or through passwordless sudo; otherwise it says what to run.
 */
export function ensureChromium(log: (line: string) => void = () => undefined): string {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (!works(configured)) throw new Error(`CHROMIUM_PATH=${configured} does not start (--version failed)`);
    return configured;
  }
  if (works(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get')) {
    throw new Error(
      `the browser tests need Chromium at ${DEBIAN_CHROMIUM}, and this machine has no apt-get to install it: ` +
        'install Chromium and set CHROMIUM_PATH',
    );
  }
  const root = process.getuid?.() === 0;
  const sudo = root ? [] : spawnSync('sudo', ['-n', 'true']).status === 0 ? ['sudo', '-n'] : undefined;
  if (!sudo) {
    throw new Error(
      `the browser tests need Chromium at ${DEBIAN_CHROMIUM}: run \`apt-get update && apt-get install -y chromium\` ` +
        'as root (or set CHROMIUM_PATH)',
    );
  }
  const started = Date.now();
  log(`installing Debian's chromium for the browser tests (apt-get update, then apt-get install -y chromium)`);
  apt(sudo, ['update']);
  // Waits for another apt holding the lock (an unattended upgrade at boot) instead of failing at once.
  apt(sudo, ['-o', 'DPkg::Lock::Timeout=300', 'install', '-y', 'chromium']);
  if (!works(DEBIAN_CHROMIUM)) throw new Error(`apt-get installed chromium, but ${DEBIAN_CHROMIUM} does not start`);
  log(`installed ${version(DEBIAN_CHROMIUM)} in ${Math.round((Date.now() - started) / 1000)} s`);
  return DEBIAN_CHROMIUM;
}

function apt(sudo: string[], args: string[]): void {
  const [command, ...prefix] = [...sudo, 'apt-get'];
  const options: SpawnSyncOptions = {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    // apt's own progress on stderr, so a slow mirror shows why the suite waits.
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: APT_TIMEOUT_MS,
  };
  const result = spawnSync(command, [...prefix, ...args], options);
  if (result.error) throw new Error(`apt-get ${args.join(' ')} failed: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed with exit code ${result.status}`);
}

function works(executable: string): boolean {
  return existsSync(executable) && spawnSync(executable, ['--version'], { timeout: 30_000 }).status === 0;
}

function version(executable: string): string {
  return spawnSync(executable, ['--version'], { encoding: 'utf8', timeout: 30_000 }).stdout.trim();
}
