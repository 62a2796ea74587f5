import os from 'node:os';

/** The result table and its context go to stdout; progress goes to stderr, so `> result.txt` keeps the table. */
export const say = (line = '') => process.stdout.write(`${line}\n`);
export const progress = (line: string) => process.stderr.write(`${line}\n`);

export function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number (got "${raw}")`);
  return value;
}

type Step = () => Promise<unknown> | unknown;

/** What a benchmark started, stopped in reverse order: at the end, on a failure and on Ctrl-C or SIGTERM. */
export class Cleanup {
  private readonly steps: { what: string; step: Step }[] = [];
  private running: Promise<void> | undefined;

  add(what: string, step: Step): void {
    this.steps.push({ what, step });
  }

  run(): Promise<void> {
    this.running ??= (async () => {
      for (const { what, step } of this.steps.reverse()) {
        try {
          await step();
        } catch (error) {
          progress(`cleanup: ${what}: ${(error as Error)?.message ?? error}`);
        }
      }
    })();
    return this.running;
  }
}

/**
 * Runs a benchmark body with a cleanup list that is always run, also when the process is told to stop. Children are
 * started with stopWithParent as well, so none outlives even a kill -9 of the benchmark by more than a second.
 */
export async function runBenchmark(name: string, body: (cleanup: Cleanup) => Promise<void>): Promise<void> {
  const cleanup = new Cleanup();
  let signalled = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) return;
    signalled = true;
    progress(`${name}: ${signal}, stopping what it started`);
    void cleanup.run().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await body(cleanup);
  } catch (error) {
    // After Ctrl-C the body fails as its children go: that is no news.
    if (!signalled) {
      process.exitCode = 1;
      progress(`${name} failed: ${(error as Error)?.stack ?? error}`);
    }
  } finally {
    if (!signalled) await cleanup.run();
  }
  // Client connections and their retry timers end with the process, not before its children have stopped.
  if (!signalled) process.exit();
}

export function loadAverage(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}

/** Date, machine and load: figures from a shared 2-core machine mean little without them. */
export function machineLines(extra: string[] = []): string[] {
  const cpu = os.cpus();
  return [
    `${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC`,
    `machine: ${cpu.length} x ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ` +
      `Node ${process.version}, ${os.platform()} ${os.release()}`,
    ...extra,
  ];
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A Markdown table: the first column left-aligned, the others right-aligned. */
export function table(headers: string[], rows: string[][]): string[] {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [
    line(headers),
    `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`,
    ...rows.map(line),
  ];
}

export const fixed = (value: number, digits = 1) => value.toFixed(digits);
export const thousands = (value: number) => Math.round(value).toLocaleString('en');

/** Runs `count` jobs, at most `concurrency` at a time; the first failure fails the whole. */
export async function inParallel<T>(
  count: number,
  concurrency: number,
  job: (index: number) => Promise<T>,
): Promise<T[]> {
  const results: T[] = new Array<T>(count);
  let next = 0;
  let failed: unknown;
  const lane = async () => {
    while (next < count && failed === undefined) {
      const index = next++;
      try {
        results[index] = await job(index);
      } catch (error) {
        failed ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  if (failed !== undefined) throw failed;
  return results;
}
