import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixed, median, say } from './run';

/** Where each benchmark leaves its record, from which `npm run bench:table` writes the performance table. */
export const RESULTS_DIR = path.resolve(__dirname, '../../../artifacts/bench');

export interface GoalRecord {
  what: string;
  figure: string;
  met: boolean;
}

export interface GrowthRecord {
  what: string;
  small: { size: number; cost: number };
  large: { size: number; cost: number };
  /** cost ∝ size^exponent between the two sizes. */
  exponent: number;
  verdict: GrowthVerdict;
}

export type GrowthVerdict = 'flat' | 'sublinear' | 'linear' | 'worse than linear';

export interface BenchRecord {
  bench: string;
  command: string;
  date: string;
  machine: string;
  load: string;
  /** One line per measured figure for the table: what, and the figures with their spread. */
  figures: { what: string; measured: string }[];
  goals: GoalRecord[];
  growth: GrowthRecord[];
  notes: string[];
}

/** cost ∝ size^k between two sizes: k near 0 is flat, near 1 linear; beyond 1.2 it grows faster than the size. */
export function growthOf(small: { size: number; cost: number }, large: { size: number; cost: number }) {
  const exponent = Math.log(large.cost / small.cost) / Math.log(large.size / small.size);
  const verdict: GrowthVerdict =
    exponent < 0.2 ? 'flat' : exponent < 0.8 ? 'sublinear' : exponent <= 1.2 ? 'linear' : 'worse than linear';
  return { exponent, verdict };
}

/** "median (min–max over n)": a figure from rounds means little without its spread. */
export function spread(values: number[], digits = 1, unit = ''): string {
  if (values.length === 0) return 'n/a';
  const f = (v: number) => `${fixed(v, digits)}${unit}`;
  if (values.length === 1) return f(values[0]);
  return `${f(median(values))} (${f(Math.min(...values))}–${f(Math.max(...values))} over ${values.length})`;
}

/** The order of two things compared in round `round`: swapped every other round, so neither always goes first. */
export function alternate<T>(round: number, pair: readonly [T, T]): [T, T] {
  return round % 2 === 0 ? [pair[0], pair[1]] : [pair[1], pair[0]];
}

function cpuModel(): string {
  const cpus = os.cpus();
  return cpus[0]?.model.trim() || 'unknown CPU';
}

/** The machine in one line: CPU model and cores, memory, Node, kernel. */
export function machine(): string {
  return (
    `${os.cpus().length} cores of ${cpuModel()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ` +
    `Node ${process.version}, ${os.platform()} ${os.release()}`
  );
}

const loadNow = () => os.loadavg()[0];

/**
 * One benchmark's output: the date, machine and load average it ran at (sampled all along, since the machine is
 * shared), its tables, `goal:` lines and how its cost grows from a tenth of its size; at the end a JSON record under
 * artifacts/bench for the performance table.
 */
export class Report {
  private readonly started = new Date();
  private readonly loads: number[] = [loadNow()];
  private readonly sampler = setInterval(() => this.loads.push(loadNow()), 5000).unref();
  private readonly record: BenchRecord;

  constructor(
    readonly bench: string,
    command: string,
  ) {
    this.record = {
      bench,
      command,
      date: this.started.toISOString(),
      machine: machine(),
      load: '',
      figures: [],
      goals: [],
      growth: [],
      notes: [],
    };
  }

  /** The load average (1 minute) over the run so far: what else the machine was doing meanwhile. */
  loadSummary(): string {
    const values = [...this.loads, loadNow()];
    return `load average (1 min) ${fixed(values[0], 2)} at the start, ${fixed(median(values), 2)} median, ${fixed(
      Math.max(...values),
      2,
    )} highest, ${fixed(values[values.length - 1], 2)} at the end`;
  }

  /** The head of the output: name, date, machine, what ran, and the load average. */
  header(lines: string[] = []): void {
    say();
    say(this.bench);
    say(`date: ${this.started.toISOString().replace('T', ' ').slice(0, 16)} UTC`);
    say(`machine: ${this.record.machine}`);
    for (const line of lines) say(line);
    say(this.loadSummary());
    say();
  }

  /** A figure for the performance table. */
  figure(what: string, measured: string): void {
    this.record.figures.push({ what, measured });
  }

  note(line: string): void {
    this.record.notes.push(line);
    say(`note: ${line}`);
  }

  goal(what: string, figure: string, met: boolean): boolean {
    this.record.goals.push({ what, figure, met });
    say(`goal: ${what} ${figure} ${met ? 'met' : 'MISSED'}`);
    return met;
  }

  /** How `what` (a cost: seconds, CPU, bytes) grows from the smaller size to the larger. */
  growth(what: string, small: { size: number; cost: number }, large: { size: number; cost: number }): void {
    const { exponent, verdict } = growthOf(small, large);
    this.record.growth.push({ what, small, large, exponent, verdict });
    say(
      `growth: ${what}: ${fixed(small.cost, 3)} at size ${small.size}, ${fixed(large.cost, 3)} at size ` +
        `${large.size} (${fixed(large.size / small.size, 1)}x the size, ${fixed(large.cost / small.cost, 2)}x ` +
        `the cost): ${verdict} (cost ∝ size^${fixed(exponent, 2)})`,
    );
  }

  /** The closing lines, and the record for `npm run bench:table`. */
  finish(): void {
    clearInterval(this.sampler);
    this.record.load = this.loadSummary();
    say(this.record.load);
    say(`finished: ${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC`);
    mkdirSync(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, `${this.record.bench.replace(/[^a-z0-9]+/gi, '-')}.json`);
    writeFileSync(file, `${JSON.stringify(this.record, null, 2)}\n`);
  }
}

/** The records of the last run of each benchmark. */
export function readRecords(dir = RESULTS_DIR): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => path.join(dir, f));
  } catch {
    return [];
  }
}

/**
 * Pins a process, all its threads and the processes it forks from now on, to the given CPUs (taskset, util-linux):
 * so that a load generator and the server it measures do not take turns on the same core.
 */
export function pin(pid: number, cpus: string): void {
  execFileSync('taskset', ['--all-tasks', '--cpu-list', '--pid', cpus, String(pid)], { stdio: 'ignore' });
}

/** Pins a process and its direct children (PostgreSQL's postmaster and the backends it has forked already). */
export function pinTree(pid: number, cpus: string): void {
  pin(pid, cpus);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.split(') ')[1].split(' ')[1]) === pid) pin(Number(entry), cpus);
    } catch {
      // gone meanwhile
    }
  }
}
