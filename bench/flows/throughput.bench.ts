/**
 * Decisions per second and decision latency through the HTTP API: notas on the full route (3 reviewers, the
 * minister, 4 co-signers at once, the ministerraad, dispatch) taken by their users through the product's API
 * (register, upload the nota document, submit, then each holder reads their tasks and decides, naming its SHA-256),
 * against a skeleton workflow with the same Updates, Query, timers and activity calls whose activities do nothing,
 * driven through a minimal HTTP front the same way (bench/flows/skeleton-front.ts). Both on the same Temporal server
 * and the same worker process (one bundle with both workflows, the product's real activities on PostgreSQL).
 *
 * At BENCH_IN_FLIGHT flows in flight (16 and 64), and at a tenth of the larger (6): rounds alternate which goes
 * first. Each lane runs BENCH_FLOWS_PER_LANE flows after each other. A decision's latency is its POST, from sending to
 * the answer (which the flow gives once it has taken the decision and opened what follows). Afterwards every product
 * flow's rows in PostgreSQL are checked (nota, tasks, event log) and every workflow's close.
 *
 *   npm run bench:flows
 *   BENCH_ROUNDS=3 BENCH_FLOWS_PER_LANE=2 (defaults)
 */
import { randomBytes, randomUUID, createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode } from '@temporalio/worker';
import { workflowBundleOptions } from '../../apps/worker/src/bundle';
import { startChild } from '../../scripts/lib/child';
import { signIn } from '../support/http';
import { cpuBetween, cpuSample, startApiProcess, startWorkerProcess } from '../support/processes';
import { Report, alternate, spread } from '../support/report';
import {
  envInt,
  fixed,
  inParallel,
  median,
  percentile,
  progress,
  runBenchmark,
  say,
  table,
  type Cleanup,
} from '../support/run';
import { describeStack, startBenchStack, type BenchStack } from '../support/stack';
import { checkClosed, checkProductRows } from './checks';
import { DECISIONS_PER_FLOW, USERS, notaPdf, productFlow, skeletonFlow, type FlowRun } from './drivers';

const ROUNDS = envInt('BENCH_ROUNDS', 3);
const FLOWS_PER_LANE = envInt('BENCH_FLOWS_PER_LANE', 2);
const IN_FLIGHT = [16, 64];
const TENTH = Math.round(IN_FLIGHT[1] / 10);
const GOAL_RATIO = 0.7;
const GOAL_P99_MS = 300;
const FRONT = path.join(__dirname, 'skeleton-front.js');
const WORKER = path.join(__dirname, 'worker.js');

type System = 'product' | 'skeleton';

interface Phase {
  system: System;
  inFlight: number;
  flows: FlowRun[];
  /** Flows the API (or the front) failed, e.g. a decision not answered within the API's deadline: counted, not retried. */
  failures: string[];
  seconds: number;
  /** CPU seconds meanwhile: the HTTP front (API or skeleton front), the worker, the Temporal server, PostgreSQL. */
  cpu: { front: number; worker: number; temporal: number; database: number };
}

async function startFront(stack: BenchStack, cleanup: Cleanup, taskQueue: string, jwtSecret: string) {
  const child = startChild('front', process.execPath, [FRONT], {
    stdio: ['ignore', 'pipe', 'inherit'],
    stopWithParent: 'SIGTERM',
    env: {
      ...process.env,
      TEMPORAL_ADDRESS: stack.temporalAddress,
      TEMPORAL_TASK_QUEUE: taskQueue,
      JWT_SECRET: jwtSecret,
    },
  });
  cleanup.add('skeleton front', () => child.stop('SIGTERM', 5000));
  const port = await new Promise<number>((resolve, reject) => {
    child.process.stdout?.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
    void child.exited.then((code) => reject(new Error(`the skeleton front exited (${code})`)));
  });
  return { baseUrl: `http://127.0.0.1:${port}`, pid: child.process.pid ?? 0 };
}

void runBenchmark('flow throughput benchmark', async (cleanup) => {
  const report = new Report('flow throughput benchmark', 'npm run bench:flows');
  const stack = await startBenchStack(cleanup, { demoUsers: false });
  const taskQueue = `bench-${randomUUID().slice(0, 8)}`;
  const jwtSecret = randomBytes(32).toString('hex');

  progress('bundling the product workflows with the skeleton');
  const bundlePath = path.join(stack.dir, 'workflow-bundle.js');
  const { webpackConfigHook } = workflowBundleOptions();
  const { code } = await bundleWorkflowCode({
    workflowsPath: path.join(__dirname, 'workflows.js'),
    webpackConfigHook,
    logger: { log() {}, trace() {}, debug() {}, info() {}, warn: progress, error: progress },
  });
  writeFileSync(bundlePath, code);

  const api = await startApiProcess({
    databaseUrl: stack.databaseUrl,
    temporalAddress: stack.temporalAddress,
    taskQueue,
    logFile: path.join(stack.dir, 'api.log'),
    documentsDir: path.join(stack.dir, 'documents'),
    jwtSecret,
    // Every demo user decides many times a minute; the default budget is for people.
    env: { RATE_LIMIT_PER_MINUTE: '100000' },
  });
  cleanup.add('API process', () => api.stop());
  const worker = startWorkerProcess({
    databaseUrl: stack.databaseUrl,
    temporalAddress: stack.temporalAddress,
    taskQueue,
    logFile: path.join(stack.dir, 'worker.log'),
    script: WORKER,
    env: { BENCH_BUNDLE: bundlePath },
  });
  cleanup.add('worker process', () => worker.stop());
  const front = await startFront(stack, cleanup, taskQueue, jwtSecret);
  const client = new Client({ connection: await Connection.connect({ address: stack.temporalAddress }) });
  const tokens = Object.fromEntries(await Promise.all(USERS.map(async (u) => [u, await signIn(api.baseUrl, u)])));

  // Each product flow uploads its own nota; made before the phases, not while they are timed.
  let made = 0;
  const documents = async (count: number) =>
    Promise.all(
      Array.from({ length: count }, async () => {
        const pdf = await notaPdf(`Voortgangsrapportage aanpak mensenhandel, nota ${++made}`);
        return { pdf, sha256: createHash('sha256').update(pdf).digest('hex') };
      }),
    );
  const skeletonSha = createHash('sha256').update('skeleton').digest('hex');
  const pids = {
    front: { product: api.pid, skeleton: front.pid },
    worker: worker.pid,
    temporal: stack.temporal.child.process.pid ?? 0,
    database: stack.pg.pid,
  };
  const productIds: string[] = [];
  const shas = new Map<string, string>();
  const skeletonIds: string[] = [];

  const phase = async (system: System, inFlight: number, flowCount: number): Promise<Phase> => {
    const docs = system === 'product' ? await documents(flowCount) : [];
    progress(`${system}: ${flowCount} flows, ${inFlight} in flight`);
    const sample = () => ({
      front: cpuSample(pids.front[system]),
      worker: cpuSample(pids.worker),
      temporal: cpuSample(pids.temporal),
      database: cpuSample(pids.database, true),
    });
    const before = sample();
    const began = performance.now();
    const failures: string[] = [];
    const runs = await Promise.race([
      inParallel(flowCount, inFlight, (i) =>
        (system === 'product'
          ? productFlow(api.baseUrl, tokens, docs[i].pdf, docs[i].sha256).then((run) => {
              productIds.push(run.id);
              shas.set(run.id, docs[i].sha256);
              return run;
            })
          : skeletonFlow(front.baseUrl, tokens, skeletonSha).then((run) => {
              skeletonIds.push(run.id);
              return run;
            })
        ).catch((error: unknown) => {
          failures.push(`${system}: ${(error as Error)?.message ?? String(error)}`);
          return undefined;
        }),
      ),
      worker.failed,
      api.failed,
    ]);
    const flows = runs.filter((run): run is FlowRun => run !== undefined);
    const seconds = (performance.now() - began) / 1000;
    const after = sample();
    return {
      system,
      inFlight,
      flows,
      failures,
      seconds,
      cpu: {
        front: cpuBetween(before.front, after.front),
        worker: cpuBetween(before.worker, after.worker),
        temporal: cpuBetween(before.temporal, after.temporal),
        database: cpuBetween(before.database, after.database),
      },
    };
  };

  progress('warm-up, not counted: 4 flows of each');
  await phase('product', 4, 4);
  await phase('skeleton', 4, 4);

  const phases: Phase[] = [];
  for (const inFlight of [TENTH, ...IN_FLIGHT]) {
    for (let round = 0; round < ROUNDS; round++) {
      for (const system of alternate(round, ['product', 'skeleton'] as const)) {
        phases.push(await phase(system, inFlight, inFlight * FLOWS_PER_LANE));
      }
    }
  }

  progress('checking every flow: the product rows in PostgreSQL, every workflow closed');
  const problems = [
    ...(await checkProductRows(stack.dataSource, productIds, shas)),
    ...(await checkClosed(client, skeletonIds, (r) => r.status === 'dispatched' && r.decided === DECISIONS_PER_FLOW)),
    ...(await checkClosed(
      client,
      productIds.map((id) => `nota-${id}`),
      (r) => r.status === 'dispatched',
    )),
  ];

  report.header([
    `stack: ${await describeStack(stack)}; one worker process (bench/flows/worker.ts: the product's activities and ` +
      `the skeleton's, one bundle), the product API (node dist/apps/api/src/main.js, LOG_LEVEL=info to a file) and ` +
      `the skeleton's front (Fastify) each in a process of their own; the drivers in this process`,
    `flows: the full route, ${DECISIONS_PER_FLOW} decisions each; ${FLOWS_PER_LANE} flows per lane; ${ROUNDS} rounds ` +
      `per size, alternating which system goes first`,
  ]);
  const decisionsPerSecond = (p: Phase) => (p.flows.length * DECISIONS_PER_FLOW) / p.seconds;
  const latencies = (list: Phase[]) => list.flatMap((p) => p.flows.flatMap((f) => f.latencies));
  const cpuPerDecision = (p: Phase) =>
    (1000 * (p.cpu.front + p.cpu.worker + p.cpu.temporal + p.cpu.database)) / (p.flows.length * DECISIONS_PER_FLOW);
  const of = (system: System, inFlight: number) => phases.filter((p) => p.system === system && p.inFlight === inFlight);
  // A round in which every flow failed has no latency or cost per decision; its decisions/s (0) still counts.
  const completed = (list: Phase[]) => list.filter((p) => p.flows.length > 0);
  const rows: string[][] = [];
  for (const inFlight of [TENTH, ...IN_FLIGHT]) {
    for (const system of ['product', 'skeleton'] as const) {
      const list = of(system, inFlight);
      const all = latencies(list);
      const decisions = list.reduce((n, p) => n + p.flows.length * DECISIONS_PER_FLOW, 0);
      const perDecision = (key: keyof Phase['cpu']) =>
        fixed((1000 * list.reduce((s, p) => s + p.cpu[key], 0)) / decisions, 1);
      rows.push([
        `${system}, ${inFlight} in flight`,
        String(decisions),
        spread(list.map(decisionsPerSecond), 1),
        spread(
          completed(list).map((p) => percentile(latencies([p]), 0.5)),
          0,
        ),
        spread(
          completed(list).map((p) => percentile(latencies([p]), 0.99)),
          0,
        ),
        fixed(percentile(all, 0.99), 0),
        `${perDecision('front')} / ${perDecision('worker')} / ${perDecision('temporal')} / ${perDecision('database')}`,
      ]);
    }
  }
  for (const line of table(
    [
      'system, flows in flight',
      'decisions',
      'decisions/s',
      'p50 ms',
      'p99 ms',
      'p99 ms, all rounds',
      'CPU ms/decision: front / worker / Temporal / PostgreSQL',
    ],
    rows,
  ))
    say(line);
  say();

  const ratios = (inFlight: number) => {
    const product = of('product', inFlight);
    const skeleton = of('skeleton', inFlight);
    return product.map((p, i) => decisionsPerSecond(p) / decisionsPerSecond(skeleton[i]));
  };
  for (const inFlight of [TENTH, ...IN_FLIGHT]) {
    say(`product / skeleton decisions/s at ${inFlight} in flight, per round: ${spread(ratios(inFlight), 2, 'x')}`);
  }
  for (const inFlight of IN_FLIGHT) {
    const product = of('product', inFlight);
    report.figure(
      `flows, ${inFlight} in flight: decisions/s product vs skeleton; p50 / p99 ms`,
      `${spread(product.map(decisionsPerSecond), 1)} vs ${spread(of('skeleton', inFlight).map(decisionsPerSecond), 1)}; ` +
        `${fixed(percentile(latencies(product), 0.5), 0)} / ${fixed(percentile(latencies(product), 0.99), 0)} ms`,
    );
    report.goal(
      `decisions/s through the API >= ${GOAL_RATIO}x the skeleton's at ${inFlight} in flight:`,
      `${fixed(median(ratios(inFlight)), 2)}x`,
      median(ratios(inFlight)) >= GOAL_RATIO,
    );
  }
  const p99 = percentile(latencies(of('product', IN_FLIGHT[0])), 0.99);
  report.goal(
    `p99 decision latency <= ${GOAL_P99_MS} ms at ${IN_FLIGHT[0]} in flight:`,
    `${fixed(p99, 0)} ms`,
    p99 <= GOAL_P99_MS,
  );
  const failures = phases.flatMap((p) => p.failures);
  for (const failure of failures.slice(0, 10)) say(`failed: ${failure}`);
  report.goal(
    `flows that failed through the HTTP API (an error or a timeout; not counted in decisions/s) = 0 of ` +
      `${phases.reduce((n, p) => n + p.flows.length + p.failures.length, 0)}:`,
    String(failures.length),
    failures.length === 0,
  );
  for (const problem of problems.slice(0, 10)) say(`check: ${problem}`);
  report.goal(
    `flows whose PostgreSQL rows (nota, tasks, events) or workflow close are wrong = 0 of ${productIds.length} ` +
      `product and ${skeletonIds.length} skeleton flows:`,
    String(problems.length),
    problems.length === 0,
  );
  const cost = (system: System, inFlight: number) => {
    const list = completed(of(system, inFlight));
    return list.reduce((s, p) => s + cpuPerDecision(p), 0) / list.length;
  };
  for (const system of ['product', 'skeleton'] as const) {
    report.growth(
      `${system}: CPU ms per decision (all processes), by flows in flight`,
      { size: TENTH, cost: cost(system, TENTH) },
      { size: IN_FLIGHT[1], cost: cost(system, IN_FLIGHT[1]) },
    );
    report.growth(
      `${system}: median decision latency ms, by flows in flight`,
      { size: TENTH, cost: percentile(latencies(of(system, TENTH)), 0.5) },
      { size: IN_FLIGHT[1], cost: percentile(latencies(of(system, IN_FLIGHT[1])), 0.5) },
    );
  }
  report.finish();
});
