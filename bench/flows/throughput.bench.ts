/**
 * Flow throughput: full approval flows (3 reviewers, the decision, 4 co-signers, the ministerraad, dispatch) driven
 * through the Temporal client, against the one-activity ping workflow, on the same Temporal dev server and the same
 * worker process (the product's, with the prebuilt bundle and the real activities on PostgreSQL). Both are measured
 * in Temporal state transitions per second: the server's own count of persisted mutations of a workflow's state
 * (DescribeWorkflowExecution's stateTransitionCount), summed over the runs and divided by the wall time of the phase.
 * History events and completed workflow tasks, counted from the histories, are printed beside it, and the CPU the
 * server, the worker and PostgreSQL spent per transition (from /proc), which shows what limits the rate.
 *
 * The two alternate in rounds (ping, flows, ping, flows, ...), so that what else the machine does at the time weighs
 * on both alike; the figures are the sums over the rounds.
 *
 *   node scripts/build.mjs && node dist/bench/flows/throughput.bench.js
 *   BENCH_FLOWS=90 BENCH_PINGS=600 BENCH_ROUNDS=3 BENCH_CONCURRENCY=16 (defaults)
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client, Connection } from '@temporalio/client';
import {
  inParallel,
  envInt,
  fixed,
  loadAverage,
  machineLines,
  progress,
  runBenchmark,
  say,
  table,
  thousands,
} from '../support/run';
import { describeStack, startBenchStack } from '../support/stack';
import { runFullFlow, runPing } from '../support/flows';
import { cpuBetween, cpuSample, startWorkerProcess } from '../support/processes';

const FLOWS = envInt('BENCH_FLOWS', 90);
const PINGS = envInt('BENCH_PINGS', 600);
const ROUNDS = envInt('BENCH_ROUNDS', 3);
const CONCURRENCY = envInt('BENCH_CONCURRENCY', 16);
const GOAL = 0.7;

interface Phase {
  name: string;
  runs: number;
  seconds: number;
  transitions: number;
  events: number;
  workflowTasks: number;
  /** CPU seconds of the Temporal server, the worker process and PostgreSQL meanwhile: where the work went. */
  serverCpu: number;
  workerCpu: number;
  databaseCpu: number;
}

interface Pids {
  server: number;
  worker: number;
  postgres: number;
}

type Int64 = number | { toNumber(): number } | null | undefined;
const int64 = (value: Int64) => (value == null ? 0 : typeof value === 'number' ? value : value.toNumber());

/** What the server recorded for these workflows: its state transition counts, history lengths, workflow tasks. */
async function countOf(client: Client, workflowIds: string[]) {
  const per = await inParallel(workflowIds.length, 8, async (i) => {
    const handle = client.workflow.getHandle(workflowIds[i]);
    const [{ raw }, history] = await Promise.all([handle.describe(), handle.fetchHistory()]);
    const info = raw.workflowExecutionInfo;
    return {
      transitions: int64(info?.stateTransitionCount),
      events: int64(info?.historyLength),
      workflowTasks: (history.events ?? []).filter((e) => e.workflowTaskCompletedEventAttributes).length,
    };
  });
  const sum = (key: keyof (typeof per)[number]) => per.reduce((total, p) => total + p[key], 0);
  return { transitions: sum('transitions'), events: sum('events'), workflowTasks: sum('workflowTasks') };
}

/** Runs them `CONCURRENCY` at a time; the wall time runs from the first start to the last result. */
async function measure(
  client: Client,
  pids: Pids,
  name: string,
  runs: number,
  run: (index: number) => Promise<string>,
): Promise<Phase> {
  progress(`${name}: ${runs} runs, ${CONCURRENCY} at a time`);
  const cpu = () => [cpuSample(pids.server), cpuSample(pids.worker), cpuSample(pids.postgres, true)];
  const before = cpu();
  const began = performance.now();
  const ids = await inParallel(runs, CONCURRENCY, run);
  const seconds = (performance.now() - began) / 1000;
  const [serverCpu, workerCpu, databaseCpu] = cpu().map((after, i) => cpuBetween(before[i], after));
  return { name, runs, seconds, serverCpu, workerCpu, databaseCpu, ...(await countOf(client, ids)) };
}

const add = (a: Phase, b: Phase): Phase => ({
  name: a.name,
  runs: a.runs + b.runs,
  seconds: a.seconds + b.seconds,
  transitions: a.transitions + b.transitions,
  events: a.events + b.events,
  workflowTasks: a.workflowTasks + b.workflowTasks,
  serverCpu: a.serverCpu + b.serverCpu,
  workerCpu: a.workerCpu + b.workerCpu,
  databaseCpu: a.databaseCpu + b.databaseCpu,
});

/** `total` split over `ROUNDS` as evenly as whole runs allow. */
const share = (total: number, round: number) =>
  Math.floor((total * (round + 1)) / ROUNDS) - Math.floor((total * round) / ROUNDS);

void runBenchmark('flow throughput benchmark', async (cleanup) => {
  const loadBefore = loadAverage();
  const stack = await startBenchStack(cleanup);
  const taskQueue = `bench-${randomUUID().slice(0, 8)}`;
  const worker = startWorkerProcess({
    databaseUrl: stack.databaseUrl,
    temporalAddress: stack.temporalAddress,
    taskQueue,
    logFile: path.join(stack.dir, 'worker.log'),
  });
  cleanup.add('worker process', () => worker.stop());
  const connection = await Connection.connect({ address: stack.temporalAddress });
  const client = new Client({ connection });
  const { dataSource } = stack;

  // Warm-up, not counted: the worker's first activations, the connection pools, the JIT on both sides.
  progress('warm-up');
  const warmUp = Promise.all([
    inParallel(2 * CONCURRENCY, CONCURRENCY, (i) => runPing(client, taskQueue, `ping-warm-up-${i}`)),
    inParallel(Math.min(CONCURRENCY, 4), CONCURRENCY, () => runFullFlow(client, dataSource, taskQueue)),
  ]);
  await Promise.race([warmUp, worker.failed]);

  const pids: Pids = { server: stack.temporal.child.process.pid ?? 0, worker: worker.pid, postgres: stack.pg.pid };
  const empty = (name: string): Phase => ({
    name,
    runs: 0,
    seconds: 0,
    transitions: 0,
    events: 0,
    workflowTasks: 0,
    serverCpu: 0,
    workerCpu: 0,
    databaseCpu: 0,
  });
  let ping = empty('ping');
  let flow = empty('nota flow');
  for (let round = 0; round < ROUNDS; round++) {
    progress(`round ${round + 1} of ${ROUNDS}`);
    const pings = share(PINGS, round);
    const offset = ping.runs;
    ping = add(
      ping,
      await Promise.race([
        measure(client, pids, 'ping', pings, (i) => runPing(client, taskQueue, `ping-${offset + i}`)),
        worker.failed,
      ]),
    );
    flow = add(
      flow,
      await Promise.race([
        measure(client, pids, 'nota flow', share(FLOWS, round), () => runFullFlow(client, dataSource, taskQueue)),
        worker.failed,
      ]),
    );
  }
  const loadAfter = loadAverage();

  const perSecond = (p: Phase, key: 'transitions' | 'events' | 'workflowTasks') => p[key] / p.seconds;
  const row = (p: Phase) => [
    p.name,
    thousands(p.runs),
    fixed(p.seconds),
    fixed(p.runs / p.seconds, 2),
    fixed(p.transitions / p.runs),
    fixed(perSecond(p, 'transitions')),
    fixed(p.events / p.runs),
    fixed(perSecond(p, 'events')),
    fixed(p.workflowTasks / p.runs),
    fixed(perSecond(p, 'workflowTasks')),
    `${fixed((1000 * p.serverCpu) / p.transitions)} / ${fixed((1000 * p.workerCpu) / p.transitions)} / ` +
      fixed((1000 * p.databaseCpu) / p.transitions),
  ];
  const ratio = (key: 'transitions' | 'events' | 'workflowTasks') =>
    `${fixed(perSecond(flow, key) / perSecond(ping, key), 2)}x`;
  const achieved = perSecond(flow, 'transitions') / perSecond(ping, 'transitions');

  say();
  say('flow throughput benchmark');
  for (const line of machineLines([
    `stack: ${await describeStack(stack)}, the product worker process (prebuilt bundle, real activities); ` +
      `${CONCURRENCY} workflows in flight at a time, driven by one client in this process; ${ROUNDS} alternating ` +
      `rounds, summed`,
    `load average (1, 5, 15 min): ${loadBefore} before, ${loadAfter} after`,
  ]))
    say(line);
  say();
  for (const line of table(
    [
      'workflow',
      'runs',
      'wall s',
      'runs/s',
      'transitions/run',
      'transitions/s',
      'events/run',
      'events/s',
      'wf tasks/run',
      'wf tasks/s',
      'CPU ms/transition: server / worker / PostgreSQL',
    ],
    [
      row(ping),
      row(flow),
      ['nota flow / ping', '', '', '', '', ratio('transitions'), '', ratio('events'), '', ratio('workflowTasks'), ''],
    ],
  ))
    say(line);
  say();
  say(
    `goal: nota flows >= ${GOAL}x the ping workflow in state transitions per second: ` +
      `${achieved >= GOAL ? 'met' : 'MISSED'} (${fixed(achieved, 2)}x)`,
  );
});
