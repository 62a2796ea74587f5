import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/**
 * What the chaos suite knows of the processes of a stack: it finds them by what they carry of their directory (in
 * the command line, the working directory or the environment: PostgreSQL's backends work in the data directory, the
 * API and worker inherit DATA_DIR), so it also finds the ones a killed parent left behind.
 */
function pids(): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => pid !== process.pid);
}

function read(pid: number, file: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return undefined;
  }
}

function commandLine(pid: number): string | undefined {
  return read(pid, 'cmdline')?.replace(/\0/g, ' ').trim();
}

/** The parent of pid, from /proc/<pid>/stat (whose second field, the command, may hold spaces and parentheses). */
function parentOf(pid: number): number | undefined {
  const stat = read(pid, 'stat');
  if (!stat) return undefined;
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

function isZombie(pid: number): boolean {
  const stat = read(pid, 'stat');
  return !!stat && stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
}

function mentions(pid: number, dir: string): boolean {
  if (commandLine(pid)?.includes(dir)) return true;
  try {
    if (readlinkSync(`/proc/${pid}/cwd`).startsWith(dir)) return true;
  } catch {
    // gone, or not ours to read
  }
  return read(pid, 'environ')?.includes(dir) ?? false;
}

/** Live processes that carry dir, as "pid: command line" (zombies have nothing left to run). */
export function processesUsing(dir: string): string[] {
  return pids()
    .filter((pid) => !isZombie(pid) && mentions(pid, dir))
    .map((pid) => `${pid}: ${commandLine(pid) ?? '?'}`);
}

/** pid and every process below it. */
export function descendantsOf(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const pid of pids()) {
    const parent = parentOf(pid);
    if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift()!;
    if (found.includes(pid)) continue;
    found.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return found.filter((pid) => read(pid, 'stat') !== undefined);
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

/**
 * kill -9 of the tree under root and of everything that carries dir, as a power cut would end them: all are frozen
 * first (SIGSTOP), so that none sees another die and cleans up after it, then all are killed at once. Resolves with
 * "pid: command line" of each once they have gone.
 */
export async function killEverything(root: number | undefined, dir: string): Promise<string[]> {
  const killed = new Map<number, string>();
  // More than once: a process may start one (a watcher's `sleep`, a backend) between the look and the freeze.
  for (let round = 0; round < 3; round++) {
    const targets = new Set<number>([
      ...(root ? descendantsOf(root) : []),
      ...processesUsing(dir).map((line) => Number(line.split(':')[0])),
    ]);
    for (const pid of targets) {
      if (isZombie(pid)) continue;
      if (!killed.has(pid)) killed.set(pid, commandLine(pid) ?? '?');
      signal(pid, 'SIGSTOP');
    }
    for (const pid of targets) signal(pid, 'SIGKILL');
  }
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && [...killed.keys()].some((pid) => read(pid, 'stat') && !isZombie(pid))) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return [...killed].map(([pid, line]) => `${pid}: ${line}`);
}
