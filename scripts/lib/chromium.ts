import { ensureDebianPackage, works } from './apt';

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
  return ensureDebianPackage(
    { name: 'chromium', executable: DEBIAN_CHROMIUM, neededBy: 'the browser tests', override: 'CHROMIUM_PATH' },
    log,
  );
}
