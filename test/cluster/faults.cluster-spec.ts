import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureHaproxy } from '../../scripts/lib/haproxy';
import { waitFor } from '../../scripts/lib/ports';
import { ensureS3Server } from '../../scripts/lib/s3-server';
import { ensureTemporalServer } from '../../scripts/lib/temporal-cluster';
import { ensureTemporalUi } from '../../scripts/lib/temporal-ui';
import { ChaosDriver, type ChaosFlow, type DecisionAttempt } from '../chaos/support/driver';
import {
  appliedThemselves,
  assertAllRunning,
  decideDuringOutage,
  flowsInFlight,
  statusCounts,
  waveWithFault,
} from '../chaos/support/faults';
import { killEverything, processesUsing } from '../chaos/support/processes';
import { describeStuck } from '../chaos/support/temporal';
import { formatTable, verifyFlows, type FaultResult } from '../chaos/support/verify';
import { ClusterRun, freeClusterPorts, type ClusterPart } from './support/cluster-run';

/**
 * `npm run test:cluster`: the production topology (`npm run start:cluster`: the Temporal server's four services on
 * PostgreSQL, two API replicas behind HAProxy, two workers) with 50 flows in flight through the load balancer while,
 * in turn, one API replica, one worker and Temporal's history service are killed with -9 and PostgreSQL restarts.
 * Each time every flow completes, every decision answered 200 is in the event log once, and nothing is written
 * twice (event, task, ons kenmerk, notification, email). The chaos suite's driver and checks, on the cluster.
 */
const FLOWS = 50;
const REPLICAS = { api: 2, workers: 2 };
const dir = mkdtempSync(path.join(os.tmpdir(), 'notaflow-cluster-'));
// PostgreSQL runs as the "postgres" user when we are root: it must be able to reach its data dir through this one.
chmodSync(dir, 0o755);
const say = (line: string) => process.stdout.write(`cluster test | ${line}\n`);
// Built (Go) or installed (apt-get) once, before any clock runs: a fresh machine spends minutes here.
ensureTemporalServer(say);
ensureTemporalUi(say);
ensureHaproxy(say);
ensureS3Server(say);

const results: FaultResult[] = [];
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const phases = (fault: string, started: number) => (phase: string) => say(`${fault} | ${phase} at ${seconds(started)}`);
let cluster: ClusterRun;
let driver: ChaosDriver;

beforeAll(async () => {
  cluster = new ClusterRun(dir, await freeClusterPorts(REPLICAS), REPLICAS);
  const took = await cluster.start();
  driver = await ChaosDriver.create(cluster.baseUrl);
  say(
    `the cluster was ready in ${(took / 1000).toFixed(1)} s (${cluster.baseUrl}, Temporal ${cluster.temporalAddress})`,
  );
}, 300_000);

afterAll(async () => {
  process.stdout.write(`\n${formatTable(results)}\n\n`);
  await cluster?.stop().catch((error: Error) => say(`stopping the cluster: ${error.message}`));
  // A safety net only: the last test checks that the cluster left nothing behind.
  const left = processesUsing(dir);
  if (left.length) {
    say(`left behind, killed now: ${left.join('; ')}`);
    await killEverything(undefined, dir);
  }
  // CHAOS_KEEP=1 keeps the directory (every part's log is in cluster/logs/) to look into a failure.
  if (process.env.CHAOS_KEEP) say(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
});

/** 50 flows in flight, verified running, and tasks known from before the fault to decide while it lasts. */
async function prepare(fault: string) {
  const started = Date.now();
  driver.fault = fault;
  const flows = await flowsInFlight(driver, fault, FLOWS);
  await assertAllRunning(flows, cluster.temporalAddress, cluster.databaseUrl);
  phases(fault, started)(`${FLOWS} flows in flight`);
  return { started, flows, spare: await driver.spareTasks(flows) };
}

/** How many of the decisions that got no 200 the flow took all the same (their answer was lost, not them). */
async function takenLate(answers: (DecisionAttempt | undefined)[]): Promise<string> {
  const unanswered = answers.filter((a): a is DecisionAttempt => a !== undefined && a.status !== 200);
  const applied = await appliedThemselves(cluster.databaseUrl, unanswered, driver.attempts);
  return `${applied.length} of the ${unanswered.length} not answered 200 were taken by the flow`;
}

/** Drives every flow to dispatch, verifies them, and records the result with what the fault's test adds. */
async function finish(
  fault: string,
  flows: ChaosFlow[],
  started: number,
  notes: string[],
  options: { problems?: string[]; tolerated?: number[] } = {},
): Promise<FaultResult> {
  await driver.complete(flows, 180_000).catch(async (error: Error) => {
    const stuck = await describeStuck(cluster.temporalAddress, flows[0].workflowId);
    throw new Error(`${error.message}\n${stuck}\n--- cluster output ---\n${cluster.tail()}`);
  });
  phases(fault, started)('every flow dispatched');
  const result = await verifyFlows({
    fault,
    stack: cluster,
    flows,
    attempts: driver.attempts,
    tolerated: options.tolerated,
  });
  result.problems.push(...(options.problems ?? []));
  const served = Object.entries(await cluster.replicaStats()).map(([name, s]) => `${name} ${s.status} ${s.requests}`);
  result.notes.push(
    ...notes,
    `decisions answered 200: ${driver.taken(fault).length}; other answers: ${JSON.stringify(driver.refusals(fault))}`,
    `requests per replica so far: ${served.join(', ')}`,
    `took ${seconds(started)}`,
  );
  results.push(result);
  say(`${fault}: ${result.completed}/${result.flows} completed, ${result.lost} lost, ${result.duplicates} duplicates`);
  for (const note of result.notes) say(`  ${note}`);
  for (const problem of result.problems.slice(0, 20)) say(`  PROBLEM ${problem}`);
  return result;
}

function expectClean(result: FaultResult): void {
  expect(result.problems).toEqual([]);
  expect(result).toMatchObject({ flows: FLOWS, completed: FLOWS, lost: 0, duplicates: 0 });
}

/** Kills a part with the wave of decisions in flight, decides the spare tasks meanwhile, waits for it to be back. */
async function strike(part: ClusterPart, flows: ChaosFlow[], spare: Awaited<ReturnType<typeof prepare>>['spare']) {
  let killedAt = 0;
  const signal = part === 'postgres' ? 'SIGINT' : 'SIGKILL';
  const wave = await waveWithFault(driver, flows, async () => {
    await cluster.kill(part, signal);
    killedAt = Date.now();
  });
  const meanwhile = decideDuringOutage(driver, spare);
  await cluster.back(part);
  const back = seconds(killedAt);
  const [waveAnswers, meanwhileAnswers] = await Promise.all([wave.settled, meanwhile]);
  const how = signal === 'SIGINT' ? 'stopped (fast shutdown)' : 'killed with -9';
  return {
    waveAnswers,
    meanwhileAnswers,
    notes: [
      `${part} ${how} with ${wave.answeredBefore} of ${FLOWS} decisions of the wave answered; ` +
        `the cluster had it back ${back} later (${cluster.saidAbout(part).join(' / ')})`,
      `wave: ${statusCounts(waveAnswers)}, ${await takenLate(waveAnswers)}`,
      `sent meanwhile: ${statusCounts(meanwhileAnswers)}, ${await takenLate(meanwhileAnswers)}`,
    ],
  };
}

describe('faults on the cluster, one after the other, 50 flows in flight through the load balancer', () => {
  it('1: kill -9 of one API replica: the other answers; only POSTs in flight on the dead one go unanswered', async () => {
    const fault = '1 kill -9 of API replica 1';
    const { started, flows, spare } = await prepare(fault);
    const before = await cluster.replicaStats();
    const outcome = await strike('api-1', flows, spare);
    // The load balancer took it out and, once it was started again, back in.
    const up = await waitFor('the load balancer to send to api-1 again', async () => {
      const stats = await cluster.replicaStats();
      return stats['api-1']?.status === 'UP' ? stats : undefined;
    });
    const reached = up['api-1'].requests - before['api-1'].requests;
    // Sent once the replica was dead: refused connections, which the load balancer sends to the other replica.
    const meanwhileFailed = outcome.meanwhileAnswers.filter((a) => a.status !== 200);
    // In flight on the replica as it died: a POST is not sent again (it may have done its work). HAProxy answers 502
    // when it was the first request on the client's connection, and otherwise closes that connection unanswered,
    // leaving the retry to the client, as the replica itself dying would have: answered neither way, the decision
    // may have been taken, which the driver finds out (and the checks below verify: nothing lost, nothing twice).
    const inFlight = outcome.waveAnswers.filter((a) => a && a.status !== 200);
    const result = await finish(
      fault,
      flows,
      started,
      [
        ...outcome.notes,
        `api-1 was sent ${reached} requests during the fault, and is UP again`,
        // HAProxy's log of the requests it could not complete: which replica, and how (termination state).
        ...cluster.logLines('haproxy', /^\d+\.\d+\.\d+\.\d+:\d+ \[/).map((line) => `haproxy: ${line}`),
      ],
      {
        tolerated: [502],
        problems: [
          ...meanwhileFailed.map((a) => `a decision sent after api-1 died was answered ${a.status}: ${a.detail}`),
          ...inFlight
            .filter((a) => ![0, 502].includes(a?.status ?? 0))
            .map((a) => `a decision in flight as api-1 died was answered ${a?.status}: ${a?.detail}`),
        ],
      },
    );
    expectClean(result);
  }, 420_000);

  it('2: kill -9 of one worker: the other worker carries the flows, the killed one comes back', async () => {
    const fault = '2 kill -9 of worker 1';
    const { started, flows, spare } = await prepare(fault);
    const outcome = await strike('worker-1', flows, spare);
    const result = await finish(fault, flows, started, outcome.notes);
    expectClean(result);
  }, 420_000);

  it("3: kill -9 of Temporal's history service: decisions wait or are refused (503), none lost", async () => {
    const fault = '3 kill -9 of the Temporal history service';
    const { started, flows, spare } = await prepare(fault);
    const outcome = await strike('temporal-history', flows, spare);
    const result = await finish(fault, flows, started, outcome.notes);
    expectClean(result);
  }, 420_000);

  it('4: PostgreSQL restarted: the API answers 503 meanwhile, activities retry, no flow fails', async () => {
    const fault = '4 PostgreSQL restarted';
    const { started, flows, spare } = await prepare(fault);
    const outcome = await strike('postgres', flows, spare);
    const healthy = Date.now();
    await waitFor(
      'health to answer 200 through the load balancer',
      async () => ((await fetch(`${cluster.baseUrl}/api/v1/health`)).status === 200 ? true : undefined),
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    const result = await finish(fault, flows, started, [
      ...outcome.notes,
      `health 200 through the load balancer ${seconds(healthy)} after PostgreSQL was back`,
    ]);
    expectClean(result);
  }, 420_000);

  // The rate limit across replicas is proven in test/replicas.e2e-spec.ts ('rate limits'): two API replicas on one
  // PostgreSQL, the N+1st request refused on either.

  it('leaves no process behind and frees every port', async () => {
    await cluster.stop();
    expect(processesUsing(dir)).toEqual([]);
    expect(await cluster.portsInUse()).toEqual([]);
  }, 120_000);
});
