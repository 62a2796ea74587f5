import { readFileSync } from 'node:fs';
import { processesUsing } from '../../test/chaos/support/processes';

/** What a stack's processes are, for CPU per decision: each counted under the part of the product it is. */
export const COMPONENTS = ['API', 'worker', 'Temporal', 'PostgreSQL', 'load balancer', 'other'] as const;
export type Component = (typeof COMPONENTS)[number];

/**
 * The component a process belongs to, by its command line. PostgreSQL's backends name themselves
 * (`postgres: notaflow notaflow 127.0.0.1(...)`); the Temporal dev server is the CLI (`temporal server start-dev`),
 * the real server the build cached under `temporal-server/`, one process per `--service <name>`; its Web UI server is no part of what a decision costs.
 */
export function componentOf(commandLine: string): Component {
  if (commandLine.includes('apps/api/src/main.js')) return 'API';
  if (commandLine.includes('apps/worker/src/main.js')) return 'worker';
  if (/(^|\/)postgres[: ]/.test(commandLine)) return 'PostgreSQL';
  if (/temporal-server\b.* --service \w+|(^|\/)temporal server start-dev /.test(commandLine)) return 'Temporal';
  if (/(^|\/)haproxy /.test(commandLine)) return 'load balancer';
  return 'other';
}

/** Linux's USER_HZ: /proc counts CPU time in these ticks (100 on every common platform). */
const TICKS_PER_SECOND = 100;

/**
 * CPU seconds of a process (user + system) and of its children that have exited and were reaped (cutime + cstime):
 * a PostgreSQL backend whose connection closed leaves its time with the postmaster instead of vanishing.
 */
function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the command name: utime is the 14th field of the line, stime, cutime, cstime follow.
    return (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND;
  } catch {
    return undefined; // gone meanwhile
  }
}

export type CpuSample = Record<Component, number>;

/**
 * CPU seconds used so far by every process of a stack, summed per component: the processes are those that carry
 * the stack's directory (command line, environment or working directory), as the chaos suite finds them. Totals of
 * the whole set at two moments subtract cleanly, also when a backend exits between them: its time moves into its
 * parent's cutime.
 */
export function sampleCpu(dir: string): CpuSample {
  const sample = Object.fromEntries(COMPONENTS.map((c) => [c, 0])) as CpuSample;
  for (const entry of processesUsing(dir)) {
    const separator = entry.indexOf(': ');
    const pid = Number(entry.slice(0, separator));
    const seconds = cpuSeconds(pid);
    if (seconds !== undefined) sample[componentOf(entry.slice(separator + 2))] += seconds;
  }
  return sample;
}

export function cpuBetween(before: CpuSample, after: CpuSample): CpuSample {
  return Object.fromEntries(COMPONENTS.map((c) => [c, after[c] - before[c]])) as CpuSample;
}
