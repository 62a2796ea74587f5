import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { cacheDir } from './go-binary';

/** Pinned: schemathesis from PyPI, the property-based API fuzzer run against the published OpenAPI document. */
export const SCHEMATHESIS_VERSION = '4.32.5';

/**
 * The `st` command of a Python virtual environment with schemathesis, made once in the cache (outside the
 * repository) from PyPI with the machine's python3, and reused. A virtual environment cannot be moved (its scripts
 * name their own path), so it is made in place; one that an interrupted run left broken fails the check below and
 * is made again.
 */
export function ensureSchemathesis(log: (line: string) => void = () => undefined): string {
  const dir = path.join(cacheDir(), 'schemathesis', SCHEMATHESIS_VERSION);
  const st = path.join(dir, 'bin', 'st');
  if (works(st)) return st;

  const python = process.env.PYTHON ?? 'python3';
  const probe = spawnSync(python, ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(`fuzzing needs Python 3 (python3 on PATH, or PYTHON=...): ${probe.error?.message ?? probe.stderr}`);
  }
  log(`installing schemathesis ${SCHEMATHESIS_VERSION} from PyPI (once) into ${dir}`);
  const started = Date.now();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.dirname(dir), { recursive: true });
  run(python, ['-m', 'venv', dir], 'create the virtual environment');
  run(path.join(dir, 'bin', 'pip'), ['install', '--quiet', `schemathesis==${SCHEMATHESIS_VERSION}`], 'pip install');
  if (!works(st)) throw new Error(`schemathesis was installed into ${dir} but ${st} does not run`);
  log(`installed schemathesis in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return st;
}

function works(st: string): boolean {
  if (!existsSync(st)) return false;
  const result = spawnSync(st, ['--version'], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes(SCHEMATHESIS_VERSION);
}

function run(command: string, args: string[], what: string): void {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 10 * 60_000 });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-20).join('\n');
    throw new Error(`could not ${what} (exit ${result.status ?? result.error?.message}):\n${output}`);
  }
}
