import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Where binaries built once from their Go modules are kept, outside the repository. */
export function cacheDir(): string {
  return (
    process.env.NOTAFLOW_CACHE_DIR ||
    path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'notaflow')
  );
}

export interface GoBinary {
  /** What it is, for messages: "the Temporal CLI". */
  title: string;
  /** The package path to `go install`, without the version. */
  pkg: string;
  version: string;
  /** The cache folder's name: `<cache>/<folder>/<version>/`. */
  folder: string;
  /** The binary's file name, the last part of `pkg` unless given. */
  binary?: string;
  /** An environment variable naming a binary to use instead. */
  override?: string;
}

/**
 * A server this product needs that is neither on npm nor a prebuilt download we may fetch: built once from its Go
 * module (the Go module proxy is reachable) into the cache and reused after that, versioned by its folder.
 */
export function ensureGoBinary(spec: GoBinary, log: (line: string) => void = () => undefined): string {
  const overridden = spec.override ? process.env[spec.override] : undefined;
  if (overridden) return overridden;
  const name = spec.binary ?? path.basename(spec.pkg);
  const dir = path.join(cacheDir(), spec.folder, spec.version);
  const binary = path.join(dir, name);
  if (existsSync(binary)) return binary;

  if (spawnSync('go', ['version']).status !== 0) {
    throw new Error(
      `${spec.title} must be built once with Go, and \`go\` is not on PATH${spec.override ? ` (or set ${spec.override})` : ''}`,
    );
  }
  log(`building ${spec.title} ${spec.version} from its Go module (once, a few minutes) into ${dir}`);
  const started = Date.now();
  mkdirSync(path.dirname(dir), { recursive: true });
  // Build into a scratch directory and rename: a concurrent or interrupted build never leaves half a binary.
  const scratch = mkdtempSync(path.join(path.dirname(dir), '.build-'));
  try {
    execFileSync('go', ['install', `${spec.pkg}@${spec.version}`], {
      env: { ...process.env, GOBIN: scratch, CGO_ENABLED: '0', GOFLAGS: '-trimpath' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (!existsSync(binary)) {
      mkdirSync(dir, { recursive: true });
      renameSync(path.join(scratch, path.basename(spec.pkg)), binary);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  log(`built ${spec.title} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return binary;
}
