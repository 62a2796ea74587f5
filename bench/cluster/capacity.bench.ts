/**
 * npm run bench:cluster — what a decision costs on the production topology, and what it takes to carry a year of
 * notas (docs/SCALING.md). In one run, on stacks started by the product's own scripts:
 *   - `npm start` (the Temporal dev server on SQLite, one API, one worker), the API asked directly;
 *   - `npm run start:cluster` (the Temporal server's four services on PostgreSQL) with BENCH_CLUSTERS replicas
 *     (`<API replicas>x<workers>`, default 1x1, 1x2, 2x1, 2x2), through HAProxy, on one data directory.
 * Each stack gets a warm-up of two flows, then BENCH_ROUNDS rounds of BENCH_FLOWS flows of the chaos route (the
 * DG, the minister, two co-signing ministries, the ministerraad holding every fifth nota once, dispatch) driven to
 * dispatch all at once through the HTTP API: decisions applied per second, each decision's latency, CPU milliseconds
 * per decision for each component (/proc of every process of the stack, before and after the round), and afterwards
 * the chaos suite's checks of every flow. Across all cluster flows: the size of the registry's and Temporal's
 * databases before and after, per flow.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureHaproxy } from '../../scripts/lib/haproxy';
import { ensureS3Server } from '../../scripts/lib/s3-server';
import { CLUSTER_TOPOLOGY } from '../../scripts/lib/cluster-topology';
import { ensureTemporalServer } from '../../scripts/lib/temporal-cluster';
import { ensureTemporalCli } from '../../scripts/lib/temporal-server';
import { ensureTemporalUi } from '../../scripts/lib/temporal-ui';
import { ChaosDriver } from '../../test/chaos/support/driver';
import { freeStackPorts, NpmStart } from '../../test/chaos/support/npm-start';
import { ClusterRun, freeClusterPorts } from '../../test/cluster/support/cluster-run';
import { Report, spread } from '../support/report';
import { envInt, fixed, median, percentile, progress, runBenchmark, say, table } from '../support/run';
import { COMPONENTS, type Component } from './components';
import { databaseBytes, measuredRound, type Round } from './rounds';

const FLOWS = envInt('BENCH_FLOWS', 12);
const ROUNDS = envInt('BENCH_ROUNDS', 3);
const WARM_UP_FLOWS = 2;
const ROUND_TIMEOUT_MS = 600_000;
const CLUSTERS = (process.env.BENCH_CLUSTERS ?? '1x1,1x2,2x1,2x2').split(',').map((spec) => {
  const match = /^(\d)x(\d)$/.exec(spec.trim());
  if (!match) throw new Error(`BENCH_CLUSTERS: "${spec}" is not <API replicas>x<workers>, e.g. 2x1`);
  return { api: Number(match[1]), workers: Number(match[2]) };
});

/**
 * The goals, set before the run for what a shared 2-core machine can show. A second worker or API replica adds a
 * process, not a core: it cannot raise throughput here, only show that it costs little. The busy hour of a 5x peak
 * day is 1.7 decisions a second (docs/SCALING.md); a user waits for a decision's answer.
 */
const GOALS = {
  peakDecisionsPerSecond: 1.7,
  p99Ms: 3000,
  secondReplicaRatio: 0.8,
  clusterVsDevRatio: 0.5,
};

interface Setup {
  name: string;
  rounds: Round[];
  loads: number[];
  /** Requests each API replica got, as HAProxy counted them; empty on the dev server. */
  replicaRequests: string;
}

const rate = (round: Round) => round.decisions / round.seconds;
const allLatencies = (setup: Setup) => setup.rounds.flatMap((r) => r.latenciesMs);
const msPerDecision = (round: Round, component: Component) => (round.cpu[component] * 1000) / round.decisions;
const totalMsPerDecision = (round: Round) => COMPONENTS.reduce((sum, c) => sum + msPerDecision(round, c), 0);
const medianRate = (setup: Setup) => median(setup.rounds.map(rate));
const MB = 1024 ** 2;

void runBenchmark('cluster capacity benchmark', async (cleanup) => {
  // Built (Go) or installed (apt-get) once, before any clock runs, as the cluster suite does.
  const temporalCli = ensureTemporalCli(progress);
  ensureTemporalServer(progress);
  ensureTemporalUi(progress);
  ensureHaproxy(progress);
  ensureS3Server(progress);
  const report = new Report('cluster capacity benchmark', 'npm run bench:cluster');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'notaflow-bench-cluster-'));
  // PostgreSQL runs as the "postgres" user when we are root: it must reach its data directory through this one.
  chmodSync(dir, 0o755);
  if (process.env.BENCH_KEEP_DIR) progress(`keeping ${dir}`);
  else cleanup.add('temporary directory', () => rmSync(dir, { recursive: true, force: true }));
  report.header([
    `flows: ${FLOWS} per round, all in flight at once, ${ROUNDS} rounds per stack after a warm-up of ${WARM_UP_FLOWS}`,
    `stacks, one after the other: npm start (dev server), then npm run start:cluster with ${CLUSTERS.map(
      (c) => `${c.api} API / ${c.workers} worker${c.workers > 1 ? 's' : ''}`,
    ).join(', ')}`,
  ]);

  const setups: Setup[] = [];
  const measure = async (
    name: string,
    stack: { baseUrl: string; databaseUrl: string; temporalAddress: string },
    processDir: string,
    replicaRequests: () => Promise<string> = async () => '',
  ) => {
    const driver = await ChaosDriver.create(stack.baseUrl);
    const options = { driver, stack, dir: processDir, timeoutMs: ROUND_TIMEOUT_MS };
    await measuredRound({ ...options, label: `${name} warm-up`, flows: WARM_UP_FLOWS });
    const setup: Setup = { name, rounds: [], loads: [], replicaRequests: '' };
    for (let round = 1; round <= ROUNDS; round++) {
      setup.loads.push(os.loadavg()[0]);
      const result = await measuredRound({ ...options, label: `${name} round ${round}`, flows: FLOWS });
      setup.rounds.push(result);
      progress(
        `${name}, round ${round}: ${result.decisions} decisions in ${fixed(result.seconds)} s, ` +
          `${fixed(rate(result), 2)}/s, p99 ${fixed(percentile(result.latenciesMs, 0.99), 0)} ms, ` +
          `${result.check.problems.length} problems (load ${fixed(os.loadavg()[0], 2)})`,
      );
    }
    setup.replicaRequests = await replicaRequests();
    setups.push(setup);
    return setup;
  };

  // The dev server: `npm start` on a directory and ports of its own.
  const devDir = path.join(dir, 'dev');
  mkdirSync(devDir);
  const dev = new NpmStart(devDir, await freeStackPorts(), temporalCli);
  progress('starting npm start (dev server)');
  cleanup.add('npm start', () => dev.stop());
  await dev.start();
  try {
    await measure('dev server', dev, devDir);
  } finally {
    await dev.stop();
  }

  // The cluster: one data directory for every replica count, so that its databases hold every flow run on it.
  const clusterDir = path.join(dir, 'prod');
  mkdirSync(clusterDir);
  const most = {
    api: Math.max(...CLUSTERS.map((c) => c.api)),
    workers: Math.max(...CLUSTERS.map((c) => c.workers)),
  };
  const ports = await freeClusterPorts(most);
  const databases = ['notaflow', ...Object.values(CLUSTER_TOPOLOGY.temporalDatabases)];
  let sizesBefore: number[] | undefined;
  let sizesAfter: number[] = [];
  let clusterFlows = 0;
  for (const [i, replicas] of CLUSTERS.entries()) {
    const cluster = new ClusterRun(clusterDir, ports, replicas);
    const name = `cluster ${replicas.api} API, ${replicas.workers} worker${replicas.workers > 1 ? 's' : ''}`;
    progress(`starting npm run start:cluster with ${replicas.api} API replicas and ${replicas.workers} workers`);
    cleanup.add(name, () => cluster.stop());
    await cluster.start();
    try {
      sizesBefore ??= await Promise.all(databases.map((db) => databaseBytes(cluster.databaseUrl, db)));
      await measure(name, cluster, clusterDir, async () =>
        Object.entries(await cluster.replicaStats())
          .map(([replica, stats]) => `${replica} ${stats.requests}`)
          .join(', '),
      );
      clusterFlows += WARM_UP_FLOWS + ROUNDS * FLOWS;
      if (i === CLUSTERS.length - 1) {
        sizesAfter = await Promise.all(databases.map((db) => databaseBytes(cluster.databaseUrl, db)));
      }
    } finally {
      await cluster.stop();
    }
  }

  printThroughput(setups);
  printCpu(setups);
  printSizes(databases, sizesBefore ?? [], sizesAfter, clusterFlows);
  for (const setup of setups) {
    const problems = setup.rounds.flatMap((r) => r.check.problems);
    for (const problem of problems.slice(0, 5)) report.note(`${setup.name}: ${problem}`);
    if (setup.replicaRequests)
      report.note(`${setup.name}: requests per API replica (HAProxy): ${setup.replicaRequests}`);
  }
  for (const setup of setups) {
    report.figure(
      `${setup.name}: decisions/s, p99`,
      `${spread(setup.rounds.map(rate), 2)}, p99 ${fixed(percentile(allLatencies(setup), 0.99), 0)} ms`,
    );
  }
  judge(report, setups);
  report.finish();
});

function printThroughput(setups: Setup[]): void {
  say('Decisions applied per second and each decision’s latency (median over rounds, min–max):');
  say();
  const rows = setups.map((s) => {
    const latencies = allLatencies(s);
    const refused = s.rounds.flatMap((r) => Object.entries(r.refused));
    const counts: Record<string, number> = {};
    for (const [status, n] of refused) counts[status] = (counts[status] ?? 0) + n;
    return [
      s.name,
      spread(
        s.rounds.map((r) => r.decisions),
        0,
      ),
      spread(s.rounds.map(rate), 2),
      `${fixed(percentile(latencies, 0.5), 0)} ms`,
      `${fixed(percentile(latencies, 0.99), 0)} ms`,
      spread(
        s.rounds.map((r) => percentile(r.latenciesMs, 0.99)),
        0,
        ' ms',
      ),
      fixed(s.rounds.reduce((n, r) => n + r.requests, 0) / s.rounds.reduce((n, r) => n + r.decisions, 0), 1),
      Object.entries(counts)
        .map(([status, n]) => `${n}× ${status}`)
        .join(', ') || 'none',
      `${s.rounds.reduce((n, r) => n + r.check.completed, 0)}/${s.rounds.reduce((n, r) => n + r.check.flows, 0)}, ` +
        `${s.rounds.reduce((n, r) => n + r.check.lost, 0)} lost, ${s.rounds.reduce((n, r) => n + r.check.duplicates, 0)} twice`,
      spread(s.loads, 1),
    ];
  });
  for (const line of table(
    [
      'stack',
      'decisions',
      'decisions/s',
      'p50',
      'p99',
      'p99 per round',
      'requests/decision',
      'not applied',
      'checked flows',
      'load (1 min)',
    ],
    rows,
  )) {
    say(line);
  }
  say();
}

function printCpu(setups: Setup[]): void {
  say('CPU milliseconds per decision, by component (median over rounds, min–max):');
  say();
  const rows = setups.map((s) => [
    s.name,
    ...COMPONENTS.map((c) =>
      spread(
        s.rounds.map((r) => msPerDecision(r, c)),
        1,
      ),
    ),
    spread(s.rounds.map(totalMsPerDecision), 1),
  ]);
  for (const line of table(['stack', ...COMPONENTS, 'all'], rows)) say(line);
  say('(the dev server keeps Temporal’s state in SQLite inside its own process: its "Temporal" includes persistence;');
  say(' on the cluster, Temporal’s persistence is in the "PostgreSQL" column with the registry’s)');
  say();
}

function printSizes(databases: string[], before: number[], after: number[], flows: number): void {
  say(`PostgreSQL on the cluster, every table with its indexes and TOAST, before and after ${flows} flows:`);
  say();
  const rows = databases.map((db, i) => {
    const perFlow = (after[i] - before[i]) / flows;
    return [
      db,
      `${fixed(before[i] / MB, 1)} MB`,
      `${fixed(after[i] / MB, 1)} MB`,
      `${fixed(perFlow / 1024, 1)} KB`,
      `${fixed((perFlow * 1e6) / 1024 ** 3, 1)} GB`,
    ];
  });
  for (const line of table(['database', 'before', 'after', 'per flow', 'per million flows'], rows)) say(line);
  say();
}

function judge(report: Report, setups: Setup[]): void {
  const find = (api: number, workers: number) =>
    setups.find((s) => s.name === `cluster ${api} API, ${workers} worker${workers > 1 ? 's' : ''}`);
  const checked = setups.flatMap((s) => s.rounds.map((r) => r.check));
  const flows = checked.reduce((n, c) => n + c.flows, 0);
  const decisions = setups.reduce((n, s) => n + s.rounds.reduce((m, r) => m + r.decisions, 0), 0);
  report.goal(
    'every measured flow completed, every decision answered 200 in the event log exactly once, nothing twice:',
    `${checked.reduce((n, c) => n + c.completed, 0)}/${flows} flows, ${decisions} decisions, ` +
      `${checked.reduce((n, c) => n + c.lost, 0)} lost, ${checked.reduce((n, c) => n + c.duplicates, 0)} twice, ` +
      `${checked.reduce((n, c) => n + c.problems.length, 0)} problems`,
    checked.every((c) => c.problems.length === 0 && c.lost === 0 && c.duplicates === 0),
  );
  const dev = setups.find((s) => s.name === 'dev server');
  const single = find(1, 1);
  const full = find(2, 2) ?? setups[setups.length - 1];
  report.goal(
    `${full.name} applies at least the busy hour of a 5x peak day (${GOALS.peakDecisionsPerSecond} decisions/s):`,
    `${fixed(medianRate(full), 2)}/s`,
    medianRate(full) >= GOALS.peakDecisionsPerSecond,
  );
  const p99 = percentile(allLatencies(full), 0.99);
  report.goal(
    `${full.name}: p99 decision latency through the load balancer ≤ ${GOALS.p99Ms} ms:`,
    `${fixed(p99, 0)} ms`,
    p99 <= GOALS.p99Ms,
  );
  const pairs: [string, Setup | undefined, Setup | undefined][] = [
    ['a second worker', find(1, 1), find(1, 2)],
    ['a second API replica', find(1, 1), find(2, 1)],
  ];
  for (const [what, one, two] of pairs) {
    if (!one || !two) continue;
    const ratio = medianRate(two) / medianRate(one);
    report.goal(
      `${what} costs at most ${fixed((1 - GOALS.secondReplicaRatio) * 100, 0)} % of the decisions/s on 2 shared cores ` +
        `(no gain expected: it adds a process, not a core): ${two.name} vs ${one.name} ≥ ${GOALS.secondReplicaRatio}x:`,
      `${fixed(medianRate(two), 2)} vs ${fixed(medianRate(one), 2)}/s, ${fixed(ratio, 2)}x`,
      ratio >= GOALS.secondReplicaRatio,
    );
  }
  if (dev && single) {
    const ratio = medianRate(single) / medianRate(dev);
    report.goal(
      `the real server (four processes on PostgreSQL) keeps at least half the dev server's decisions/s on 2 cores: ` +
        `${single.name} vs dev server ≥ ${GOALS.clusterVsDevRatio}x:`,
      `${fixed(medianRate(single), 2)} vs ${fixed(medianRate(dev), 2)}/s, ${fixed(ratio, 2)}x`,
      ratio >= GOALS.clusterVsDevRatio,
    );
  }
}
