import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { waitFor } from '../../scripts/lib/ports';
import { ensureTemporalCli } from '../../scripts/lib/temporal-server';
import { ChaosDriver, type ChaosFlow, type DecisionAttempt } from './support/driver';
import {
  appliedThemselves,
  assertAllRunning,
  decideDuringOutage,
  flowsInFlight,
  sleep,
  statusCounts,
  waveWithFault,
} from './support/faults';
import { freeStackPorts, NpmStart } from './support/npm-start';
import { OwnStack, TASK_QUEUE } from './support/own-stack';
import { killEverything, processesUsing } from './support/processes';
import { describeStuck, withTemporal } from './support/temporal';
import { formatTable, verifyFlows, type FaultResult } from './support/verify';

/**
 * `npm run test:chaos`: 50 flows in flight through the HTTP API, then a fault, then every flow driven to the end and
 * checked in PostgreSQL and Temporal: completed, nothing lost, nothing written twice. Loopback only, free ports, one
 * temporary directory removed at the end, no process left behind.
 */
const FLOWS = 50;
const dir = mkdtempSync(path.join(os.tmpdir(), 'notaflow-chaos-'));
// PostgreSQL runs as the "postgres" user when we are root: it must be able to reach its data dirs through this one.
chmodSync(dir, 0o755);
const temporalCli = ensureTemporalCli((line) => process.stdout.write(`${line}\n`));
const results: FaultResult[] = [];
const say = (line: string) => process.stdout.write(`chaos | ${line}\n`);
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
/** Prints when each phase of a fault ends, counted from its start: where the time of a slow run went. */
const phases = (fault: string, started: number) => (phase: string) => say(`${fault} | ${phase} at ${seconds(started)}`);

async function record(result: FaultResult): Promise<void> {
  results.push(result);
  say(
    `${result.fault}: ${result.completed}/${result.flows} completed, ${result.lost} lost, ${result.duplicates} duplicates`,
  );
  for (const note of result.notes) say(`  ${note}`);
  for (const problem of result.problems.slice(0, 20)) say(`  PROBLEM ${problem}`);
}

function expectClean(result: FaultResult): void {
  expect(result.problems).toEqual([]);
  expect(result).toMatchObject({ flows: FLOWS, completed: FLOWS, lost: 0, duplicates: 0 });
}

afterAll(async () => {
  const started = Date.now();
  process.stdout.write(`\n${formatTable(results)}\n\n`);
  // A safety net only: each part stops what it started and the last test checks that nothing is left.
  const left = processesUsing(dir);
  if (left.length) {
    say(`left behind, killed now: ${left.join('; ')}`);
    await killEverything(Number(left[0].split(':')[0]), dir);
  }
  // CHAOS_KEEP=1 keeps the directory (the logs of every part are in its logs/ folders) to look into a failure.
  if (process.env.CHAOS_KEEP) say(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
  say(`cleaned up in ${seconds(started)}`);
});

describe('fault 1: kill -9 of every process of npm start, then npm start again', () => {
  const dataDir = path.join(dir, 'npm-start');
  let stack: NpmStart;

  afterAll(async () => {
    await stack?.stop().catch(async () => {
      await killEverything(stack.pid, dataDir);
    });
  });

  it('completes every flow: no decision lost, no event, kenmerk or notification twice', async () => {
    const fault = '1 kill -9 everything, npm start again';
    const started = Date.now();
    const phase = phases('fault 1', started);
    stack = new NpmStart(dataDir, await freeStackPorts(), temporalCli);
    const firstStart = await stack.start();
    const driver = await ChaosDriver.create(stack.baseUrl);
    driver.fault = fault;
    const flows = await flowsInFlight(driver, 'fault 1', FLOWS);
    await assertAllRunning(flows, stack.temporalAddress, stack.databaseUrl);
    phase(`npm start ready in ${firstStart / 1000} s; ${FLOWS} flows in flight`);

    let killed: string[] = [];
    const wave = await waveWithFault(driver, flows, async () => {
      killed = await stack.killAll();
    });
    const waveAnswers = await wave.settled;
    phase('everything killed');
    expect(processesUsing(dataDir)).toEqual([]);
    // What was killed: stack.js, the API, the worker, PostgreSQL (and its backends), Temporal, maildev.
    for (const part of ['scripts/stack.js', 'apps/api/src/main.js', 'apps/worker/src/main.js', 'maildev']) {
      expect(killed.some((line) => line.includes(part))).toBe(true);
    }
    expect(killed.some((line) => / -D \S*npm-start\/postgres/.test(line))).toBe(true);
    expect(killed.some((line) => line.includes('start-dev'))).toBe(true);

    // After a real crash the pid in postmaster.pid may belong to another process by now (pids wrap at 32768 here,
    // and a first run of this suite met exactly that): make it so, every time.
    const squatter = spawn('sleep', ['600'], { stdio: 'ignore' });
    let restart: number;
    try {
      const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
      const [, ...rest] = readFileSync(pidFile, 'utf8').split('\n');
      writeFileSync(pidFile, [String(squatter.pid), ...rest].join('\n'));
      restart = await stack.start();
    } finally {
      squatter.kill('SIGKILL');
    }
    phase('npm start ready again');
    await driver.complete(flows, 180_000).catch(async (error: Error) => {
      const stuck = await describeStuck(stack.temporalAddress, flows[0].workflowId);
      const last = driver.attempts.slice(-3).map((a) => `${a.status} ${a.detail ?? ''}`);
      throw new Error(
        `${error.message}\n${stuck}\nanswers: ${JSON.stringify(driver.refusals(fault))}; last: ${last.join(' | ')}\n` +
          `--- npm start output ---\n${stack.tail()}`,
      );
    });
    phase('every flow dispatched');
    const result = await verifyFlows({ fault, stack, flows, attempts: driver.attempts });
    result.notes.push(
      `killed ${killed.length} processes with ${wave.answeredBefore} of ${FLOWS} decisions of the wave answered`,
      `wave: ${statusCounts(waveAnswers)}; npm start again ready in ${restart / 1000} s ` +
        `(postmaster.pid naming a live process, pid ${squatter.pid})`,
      `decisions answered 200: ${driver.taken(fault).length}; other answers: ${JSON.stringify(driver.refusals(fault))}`,
      `took ${seconds(started)}`,
    );
    await record(result);
    await stack.stop();
    expect(processesUsing(dataDir)).toEqual([]);
    expectClean(result);
  }, 420_000);
});

describe('faults 2-4: one part of the running stack at a time', () => {
  let stack: OwnStack;
  let driver: ChaosDriver;

  beforeAll(async () => {
    const started = Date.now();
    stack = await OwnStack.create(path.join(dir, 'parts'), temporalCli);
    await stack.startAll();
    driver = await ChaosDriver.create(stack.baseUrl);
    say(`faults 2-4: PostgreSQL, Temporal, the API and the worker started in ${seconds(started)}`);
  }, 180_000);

  afterAll(async () => {
    await stack?.stopAll();
  });

  /** 50 flows in flight, verified running, and the tasks to decide while the fault lasts. */
  async function prepare(fault: string) {
    const started = Date.now();
    driver.fault = fault;
    const flows = await flowsInFlight(driver, fault, FLOWS);
    await assertAllRunning(flows, stack.temporalAddress, stack.databaseUrl);
    phases(`fault ${fault.split(' ')[0]}`, started)(`${FLOWS} flows in flight`);
    return { started, flows, spare: await driver.spareTasks(flows) };
  }

  /**
   * Drives the flows to the end, verifies them, and records the result; `after` adds what only the fault's own
   * test can tell (it runs once every flow has ended, so it sees every decision that was sent).
   */
  async function finish(
    fault: string,
    flows: ChaosFlow[],
    started: number,
    after: () => Promise<{ notes: string[]; problems?: string[] }>,
  ): Promise<FaultResult> {
    const phase = phases(`fault ${fault.split(' ')[0]}`, started);
    phase('the part is back, every decision answered');
    await driver.complete(flows, 150_000);
    phase('every flow dispatched');
    const result = await verifyFlows({ fault, stack, flows, attempts: driver.attempts });
    const down = stack.exits();
    if (down.length) result.problems.push(`parts of the stack gave up: ${down.join(', ')}`);
    // A 500 is a defect: what the API logged of it says where.
    for (const error of stack.unexpectedErrors().slice(0, 3)) result.problems.push(`the API logged: ${error}`);
    const { notes, problems = [] } = await after();
    result.problems.push(...problems);
    result.notes.push(
      ...notes,
      `decisions answered 200: ${driver.taken(fault).length}; other answers: ${JSON.stringify(driver.refusals(fault))}`,
      `took ${seconds(started)}`,
    );
    await record(result);
    return result;
  }

  /** How many decisions that got no 200 the flow took all the same, once the part was back (answer lost, not them). */
  async function takenLate(answers: (DecisionAttempt | undefined)[]): Promise<string> {
    const unanswered = answers.filter((a): a is DecisionAttempt => a !== undefined && a.status !== 200);
    const applied = await appliedThemselves(stack.databaseUrl, unanswered, driver.attempts);
    return `${applied.length} of the ${unanswered.length} not answered 200 were taken late by the flow`;
  }

  it('2: kill -9 of the worker, restarted after 10 s: decisions sent meanwhile are applied once it is back', async () => {
    const fault = '2 kill -9 worker, restart after 10 s';
    const { started, flows, spare } = await prepare(fault);

    const wave = await waveWithFault(driver, flows, () => stack.killWorker());
    const killedAt = Date.now();
    // Sent while no worker runs: the API holds them until the flow answers (up to its 30 s deadline).
    const meanwhile = decideDuringOutage(driver, spare);
    await sleep(10_000 - (Date.now() - killedAt));
    await stack.startWorker();
    const back = seconds(killedAt);
    const [waveAnswers, meanwhileAnswers] = await Promise.all([wave.settled, meanwhile]);

    const result = await finish(fault, flows, started, async () => {
      // Each taken by the flow itself once the worker was back (a second decision on its task would have been 409).
      const applied = await appliedThemselves(stack.databaseUrl, meanwhileAnswers, driver.attempts);
      return {
        notes: [
          `worker killed with ${wave.answeredBefore} of ${FLOWS} decisions of the wave answered; polling again ${back} later`,
          `wave: ${statusCounts(waveAnswers)}, ${await takenLate(waveAnswers)}`,
          `sent while the worker was down: ${statusCounts(meanwhileAnswers)}, ${applied.length} applied`,
        ],
        problems:
          applied.length === meanwhileAnswers.length
            ? []
            : [`${meanwhileAnswers.length - applied.length} decisions sent while the worker was down were not applied`],
      };
    });
    expectClean(result);
  }, 300_000);

  it('3: Temporal stopped for 30 s with timers and updates pending: they complete late, none lost', async () => {
    const fault = '3 Temporal stopped 30 s';
    const { started, flows, spare } = await prepare(fault);

    // Timers that fall due while the server is away: the product's ping flow started with a delay (a server-side
    // timer), due 10, 15 and 20 s into the outage. The flows' own reminder and escalation timers are pending too,
    // but are working days away.
    const timerDelays = [10, 15, 20];
    const timersSetAt = Date.now();
    await withTemporal(stack.temporalAddress, async (client) => {
      for (const delay of timerDelays) {
        await client.workflow.start('pingWorkflow', {
          workflowId: `chaos-timer-${delay}s-${timersSetAt}`,
          taskQueue: TASK_QUEUE,
          args: [{ message: `due ${delay} s into the outage` }],
          startDelay: `${delay} seconds`,
        });
      }
    });

    const wave = await waveWithFault(driver, flows, () => stack.stopTemporal());
    const stoppedAt = Date.now();
    const meanwhile = decideDuringOutage(driver, spare);
    await sleep(30_000 - (Date.now() - stoppedAt));
    await stack.startTemporal();
    const restartedAt = Date.now();
    const [waveAnswers, meanwhileAnswers] = await Promise.all([wave.settled, meanwhile]);

    const timers = await withTemporal(stack.temporalAddress, (client) =>
      Promise.all(
        timerDelays.map(async (delay) => {
          const handle = client.workflow.getHandle(`chaos-timer-${delay}s-${timersSetAt}`);
          let timer: NodeJS.Timeout | undefined;
          const outcome = await Promise.race([
            handle.result() as Promise<{ databaseTime: string }>,
            new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), 60_000))),
          ]).finally(() => clearTimeout(timer));
          return { delay, ranAt: outcome ? Date.parse(outcome.databaseTime) : undefined };
        }),
      ),
    );

    const result = await finish(fault, flows, started, async () => ({
      notes: [
        `Temporal stopped (SIGTERM) with ${wave.answeredBefore} of ${FLOWS} decisions of the wave answered; ` +
          `back after ${((restartedAt - stoppedAt) / 1000).toFixed(1)} s`,
        `wave: ${statusCounts(waveAnswers)}, ${await takenLate(waveAnswers)}`,
        `sent while Temporal was down: ${statusCounts(meanwhileAnswers)}, ${await takenLate(meanwhileAnswers)}`,
        `timers due 10, 15, 20 s into the outage fired ${timers
          .map((t) => (t.ranAt ? `${((t.ranAt - stoppedAt) / 1000).toFixed(1)} s` : 'never'))
          .join(', ')} after the stop (the server was back after ${((restartedAt - stoppedAt) / 1000).toFixed(1)} s)`,
      ],
      problems: timers.flatMap((timer) =>
        !timer.ranAt
          ? [`the timer due ${timer.delay} s into the outage never fired`]
          : // Late: not before the server was back (a second of slack for the clocks of two processes).
            timer.ranAt < restartedAt - 1000
            ? [`the ${timer.delay} s timer fired during the outage`]
            : [],
      ),
    }));
    expectClean(result);
  }, 300_000);

  it('4: PostgreSQL stopped for 60 s: health 503 naming the database, activities retry, no flow fails', async () => {
    const fault = '4 PostgreSQL stopped 60 s';
    const { started, flows, spare } = await prepare(fault);

    const wave = await waveWithFault(driver, flows, () => stack.stopPostgres());
    const stoppedAt = Date.now();
    const health = await waitFor(
      'health to answer 503 while PostgreSQL is down',
      async () => {
        const reply = await fetch(`${stack.baseUrl}/api/v1/health`);
        return reply.status === 503
          ? { status: reply.status, body: (await reply.json()) as Record<string, unknown> }
          : undefined;
      },
      { timeoutMs: 15_000, intervalMs: 250 },
    );
    const read = await driver.probe(`/notas/${flows[0].notaId}`);
    const meanwhile = decideDuringOutage(driver, spare);
    await sleep(50_000 - (Date.now() - stoppedAt));
    // Activities that were running when the database went: failed, and retried with backoff since.
    const retrying = await withTemporal(stack.temporalAddress, async (client) => {
      const pending: { attempt: number; failure: string }[] = [];
      for (const flow of flows) {
        const { raw } = await client.workflow.getHandle(flow.workflowId).describe();
        for (const activity of raw.pendingActivities ?? []) {
          pending.push({ attempt: activity.attempt ?? 0, failure: activity.lastFailure?.message ?? '' });
        }
      }
      return pending;
    });
    await sleep(60_000 - (Date.now() - stoppedAt));
    await stack.startPostgres();
    const restartedAt = Date.now();
    const healthy = await waitFor(
      'health to answer 200 once PostgreSQL is back',
      async () => ((await fetch(`${stack.baseUrl}/api/v1/health`)).status === 200 ? Date.now() : undefined),
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    const [waveAnswers, meanwhileAnswers] = await Promise.all([wave.settled, meanwhile]);

    const maxAttempt = Math.max(0, ...retrying.map((p) => p.attempt));
    const result = await finish(fault, flows, started, async () => ({
      notes: [
        `PostgreSQL stopped with ${wave.answeredBefore} of ${FLOWS} decisions of the wave answered; health ` +
          `${health.status} ${JSON.stringify(health.body)}; GET /notas/{id} ${read}`,
        `after 50 s: ${retrying.length} activities pending, up to attempt ${maxAttempt} ` +
          `(${retrying.find((p) => p.failure)?.failure.slice(0, 80) ?? 'no failure'})`,
        `health 200 again ${((healthy - restartedAt) / 1000).toFixed(1)} s after PostgreSQL was back`,
        `wave: ${statusCounts(waveAnswers)}, ${await takenLate(waveAnswers)}`,
        `sent while PostgreSQL was down: ${statusCounts(meanwhileAnswers)}, ${await takenLate(meanwhileAnswers)}`,
      ],
      problems: [
        ...(retrying.some((p) => p.attempt > 1) ? [] : ['no activity was retrying during the outage']),
        ...(read === 503 ? [] : [`GET /notas/{id} answered ${read} while PostgreSQL was down (503 is right)`]),
      ],
    }));
    expect(health.body).toMatchObject({ status: 503, database: 'down', temporal: 'ok' });
    expect(String(health.body.detail)).toMatch(/database/);
    expectClean(result);
  }, 360_000);

  it('leaves no process behind', async () => {
    await stack.stopAll();
    expect(processesUsing(dir)).toEqual([]);
  });
});
