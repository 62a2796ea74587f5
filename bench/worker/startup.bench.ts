/**
 * Worker start-up: the prebuilt workflow bundle (`workflowBundle: { codePath }`, as apps/worker/src/main.ts loads
 * dist/workflow-bundle.js) against `workflowsPath` (webpack bundles workflows/ at start-up). Each start is a fresh
 * Node process (startup-probe.ts), so no start profits from modules or caches another left behind; the two kinds
 * alternate, after one warm-up start of each that is not counted (the OS file cache). Timed from the Worker.create
 * call to RUNNING; medians compared.
 *
 *   node scripts/build.mjs && node dist/bench/worker/startup.bench.js
 *   BENCH_RUNS=7 (default): starts of each kind
 */
import { randomUUID } from 'node:crypto';
import { closeSync, openSync, statSync } from 'node:fs';
import path from 'node:path';
import { startChild } from '../../scripts/lib/child';
import {
  envInt,
  fixed,
  loadAverage,
  machineLines,
  median,
  progress,
  runBenchmark,
  say,
  table,
  type Cleanup,
} from '../support/run';
import { describeStack, startBenchStack, type BenchStack } from '../support/stack';
import type { StartupMode, StartupSample } from './startup-probe';

const RUNS = envInt('BENCH_RUNS', 7);
const GOAL = 0.25;
const PROBE = path.join(__dirname, 'startup-probe.js');
const BUNDLE = path.resolve(__dirname, '../../workflow-bundle.js');

async function probe(stack: BenchStack, cleanup: Cleanup, mode: StartupMode): Promise<StartupSample> {
  const logFile = path.join(stack.dir, 'probe.log');
  const log = openSync(logFile, 'a');
  const child = startChild('probe', process.execPath, [PROBE], {
    stdio: ['ignore', 'pipe', log],
    stopWithParent: 'SIGKILL',
    env: {
      ...process.env,
      BENCH_MODE: mode,
      BENCH_TASK_QUEUE: `startup-${mode}-${randomUUID().slice(0, 8)}`,
      DATABASE_URL: stack.databaseUrl,
      TEMPORAL_ADDRESS: stack.temporalAddress,
    },
  });
  closeSync(log);
  cleanup.add('start-up probe', () => child.stop('SIGKILL'));
  let out = '';
  child.process.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  const timer = setTimeout(() => void child.stop('SIGKILL'), 120_000);
  const code = await child.exited;
  clearTimeout(timer);
  if (code !== 0) throw new Error(`the ${mode} start-up probe exited ${code}; see ${logFile}`);
  return JSON.parse(out.trim().split('\n').pop()!) as StartupSample;
}

void runBenchmark('worker start-up benchmark', async (cleanup) => {
  const loadBefore = loadAverage();
  const stack = await startBenchStack(cleanup);
  const samples: Record<StartupMode, StartupSample[]> = { bundle: [], path: [] };

  progress('warm-up: one start of each kind, not counted');
  await probe(stack, cleanup, 'bundle');
  await probe(stack, cleanup, 'path');
  for (let run = 0; run < RUNS; run++) {
    // Alternating, and swapping which goes first, so a busy moment of the machine falls on both alike.
    const order: StartupMode[] = run % 2 === 0 ? ['bundle', 'path'] : ['path', 'bundle'];
    for (const mode of order) {
      const sample = await probe(stack, cleanup, mode);
      samples[mode].push(sample);
      progress(`run ${run + 1} ${mode}: ${fixed(sample.runningMs, 0)} ms to RUNNING`);
    }
  }
  const loadAfter = loadAverage();

  const stats = (mode: StartupMode) => {
    const running = samples[mode].map((s) => s.runningMs);
    return {
      median: median(running),
      min: Math.min(...running),
      max: Math.max(...running),
      firstWorkflow: median(samples[mode].map((s) => s.firstWorkflowMs)),
    };
  };
  const bundle = stats('bundle');
  const bundled = stats('path');
  const ratio = bundle.median / bundled.median;

  say();
  say('worker start-up benchmark');
  for (const line of machineLines([
    `worker: apps/worker/src/worker.ts createWorker (real activities), a fresh Node process per start, ` +
      `prebuilt bundle ${fixed(statSync(BUNDLE).size / 2 ** 20, 2)} MiB; ${await describeStack(stack)}`,
    `load average (1, 5, 15 min): ${loadBefore} before, ${loadAfter} after`,
  ]))
    say(line);
  say();
  const row = (name: string, s: ReturnType<typeof stats>) => [
    name,
    String(RUNS),
    fixed(s.median, 0),
    fixed(s.min, 0),
    fixed(s.max, 0),
    fixed(s.firstWorkflow, 0),
  ];
  for (const line of table(
    ['Worker.create -> RUNNING', 'runs', 'median ms', 'min ms', 'max ms', 'median ms to first workflow done'],
    [
      row('prebuilt bundle (workflowBundle.codePath)', bundle),
      row('workflowsPath (bundled at start-up)', bundled),
      [
        'prebuilt / workflowsPath',
        '',
        `${fixed(ratio, 2)}x`,
        '',
        '',
        `${fixed(bundle.firstWorkflow / bundled.firstWorkflow, 2)}x`,
      ],
    ],
  ))
    say(line);
  say();
  say(
    `goal: start-up with the prebuilt bundle <= ${GOAL}x that with workflowsPath (medians): ` +
      `${ratio <= GOAL ? 'met' : 'MISSED'} (${fixed(ratio, 2)}x)`,
  );
});
