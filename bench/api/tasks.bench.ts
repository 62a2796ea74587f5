/**
 * `GET /api/v1/tasks?status=open` for a logged-in co-signer of VWS with BENCH_OPEN_TASKS open tasks (real flows
 * taken to co-signing by the product worker; beside them a registry history of BENCH_HISTORY_NOTAS dispatched notas
 * with ten closed tasks each) against a bare route on the same server: an Express handler answering a small JSON,
 * added by the benchmark's own server script (server.ts, bare-route.ts), not by the product. The API runs in a child process, as
 * `node dist/apps/api/src/main.js` would, with its logs (one JSON line per request, LOG_LEVEL=info) going to a file;
 * autocannon runs here, so load generator and server do not share an event loop. The routes alternate in rounds
 * after a warm-up; requests per second = 2xx answers / seconds, p99 from autocannon's latency histogram, and the CPU
 * the API process and PostgreSQL used per request (from /proc), which other work on the machine disturbs less. A third
 * row, not part of the goal, is the same route for a user without open tasks: its cost apart from the rows.
 *
 *   node scripts/build.mjs && node dist/bench/api/tasks.bench.js
 *   BENCH_OPEN_TASKS=100 BENCH_HISTORY_NOTAS=20000 BENCH_CONNECTIONS=10 BENCH_SECONDS=10 BENCH_ROUNDS=2 (defaults)
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { closeSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { Client, Connection } from '@temporalio/client';
import { buildRouteTemplate } from '@notaflow/domain';
import { startChild } from '../../scripts/lib/child';
import { FULL_ROUTE, runToCoSigning } from '../support/flows';
import {
  envInt,
  fixed,
  inParallel,
  loadAverage,
  machineLines,
  progress,
  runBenchmark,
  say,
  table,
  thousands,
  type Cleanup,
} from '../support/run';
import { describeStack, startBenchStack, type BenchStack } from '../support/stack';
import { cpuBetween, cpuSample, startWorkerProcess } from '../support/processes';
import { BARE_PATH } from './bare-route';

const OPEN_TASKS = envInt('BENCH_OPEN_TASKS', 100);
const HISTORY_NOTAS = envInt('BENCH_HISTORY_NOTAS', 20_000);
const CONNECTIONS = envInt('BENCH_CONNECTIONS', 10);
const SECONDS = envInt('BENCH_SECONDS', 10);
const ROUNDS = envInt('BENCH_ROUNDS', 2);
const GOAL = 0.6;
const USER = 'vws.signer';
const EMPTY_USER = 'jenv.dg';
const SERVER = path.join(__dirname, 'server.js');

interface Api {
  baseUrl: string;
  pid: number;
  stop(): Promise<void>;
}

async function startApi(stack: BenchStack, cleanup: Cleanup, taskQueue: string): Promise<Api> {
  const logFile = path.join(stack.dir, 'api.log');
  const log = openSync(logFile, 'a');
  const child = startChild('api', process.execPath, [SERVER], {
    stdio: ['ignore', log, log, 'ipc'],
    stopWithParent: 'SIGTERM',
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      DATABASE_URL: stack.databaseUrl,
      RUN_MIGRATIONS: 'false',
      TEMPORAL_ADDRESS: stack.temporalAddress,
      TEMPORAL_TASK_QUEUE: taskQueue,
      AUTH_MODE: 'demo',
      JWT_SECRET: randomBytes(32).toString('hex'),
      // The per-user budget (1,200 a minute by default) stops runaway scripts; a load generator is one. Its cost,
      // one counter per request, stays in the measurement.
      RATE_LIMIT_PER_MINUTE: '100000',
    },
  });
  closeSync(log);
  const stop = () => child.stop('SIGTERM', 15_000);
  cleanup.add('API process', stop);
  const port = await new Promise<number>((resolve, reject) => {
    child.process.once('message', (message: { port?: number }) => (message.port ? resolve(message.port) : reject()));
    void child.exited.then((code) => {
      const tail = readFileSync(logFile, 'utf8').trim().split('\n').slice(-5).join('\n');
      reject(new Error(`the API exited (${code}):\n${tail}`));
    });
  });
  return { baseUrl: `http://127.0.0.1:${port}`, pid: child.process.pid ?? 0, stop };
}

/**
 * Years of registry as recordTransition leaves it, set-based: dispatched notas on the full route, their ten tasks
 * closed. The list query reads open tasks through a partial index; the history is there so that the tables, their
 * indexes and the planner's statistics have the size of a registry in use, not of an empty one.
 */
async function insertHistory(stack: BenchStack): Promise<void> {
  await stack.dataSource.query(
    `INSERT INTO notas (id, ons_kenmerk, title, dossier, organisation_code, created_by, route, status, stage, version,
                        workflow_id, submitted_at, dispatched_at, created_at, updated_at)
     SELECT gen_random_uuid(), nextval('ons_kenmerk_seq')::text, 'Nota ' || g, '28 638', 'JENV', 'jenv.staff', $1,
            'dispatched', 'done', 1, 'nota-history-' || g, at, at + interval '20 days', at - interval '1 day',
            at + interval '20 days'
       FROM generate_series(1, $2::int) g, LATERAL (SELECT now() - g * interval '1 hour' - interval '30 days' AS at) t`,
    [JSON.stringify(buildRouteTemplate(FULL_ROUTE)), HISTORY_NOTAS],
  );
  await stack.dataSource.query(
    `INSERT INTO tasks (id, nota_id, workflow_id, type, stage, organisation, assignee, status, version, due_at,
                        created_at, decided_at, decided_by, decision)
     SELECT gen_random_uuid(), n.id, n.workflow_id, s.type, s.stage, s.organisation, s.assignee, 'done', 1,
            n.submitted_at + s.day * interval '1 day' + interval '3 days', n.submitted_at + s.day * interval '1 day',
            n.submitted_at + (s.day + 1) * interval '1 day', coalesce(s.assignee, s.holder), 'approve'
       FROM notas n CROSS JOIN (VALUES
         ('initial', 'initialling', 'JENV', 'jenv.afdelingshoofd', NULL, 0),
         ('initial', 'initialling', 'JENV', 'jenv.directeur', NULL, 1),
         ('initial', 'initialling', 'JENV', 'jenv.dg', NULL, 2),
         ('decide', 'decision', 'JENV', 'jenv.bewindspersoon', NULL, 3),
         ('co-sign', 'co-signing', 'VWS', NULL, 'vws.signer', 4),
         ('co-sign', 'co-signing', 'BZ', NULL, 'bz.signer', 4),
         ('co-sign', 'co-signing', 'BHO', NULL, 'bho.signer', 4),
         ('co-sign', 'co-signing', 'SZW', NULL, 'szw.signer', 4),
         ('ministerraad', 'ministerraad', 'AZ', NULL, 'mr.secretariaat', 12),
         ('dispatch', 'dispatch', 'JENV', NULL, 'jenv.staff', 15)
       ) AS s(type, stage, organisation, assignee, holder, day)
      WHERE n.workflow_id LIKE 'nota-history-%'`,
  );
}

interface Load {
  requests: number;
  seconds: number;
  p50: number[];
  p99: number[];
  failed: number;
  /** CPU seconds the API process and PostgreSQL (all its processes) used meanwhile. */
  apiCpu: number;
  databaseCpu: number;
}

interface Target {
  name: string;
  url: string;
  token: string;
}

/** CPU per request is what the route costs; requests per second also depend on what else the machine does. */
async function load(target: Target, seconds: number, pids: { api: number; postgres: number }): Promise<Load> {
  const [api, postgres] = [cpuSample(pids.api), cpuSample(pids.postgres, true)];
  const result = await autocannon({
    url: target.url,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { authorization: `Bearer ${target.token}`, accept: 'application/json' },
  });
  return {
    requests: result['2xx'],
    seconds: result.duration,
    p50: [result.latency.p50],
    p99: [result.latency.p99],
    failed: result.non2xx + result.errors + result.timeouts,
    apiCpu: cpuBetween(api, cpuSample(pids.api)),
    databaseCpu: cpuBetween(postgres, cpuSample(pids.postgres, true)),
  };
}

const add = (a: Load, b: Load): Load => ({
  requests: a.requests + b.requests,
  seconds: a.seconds + b.seconds,
  p50: [...a.p50, ...b.p50],
  p99: [...a.p99, ...b.p99],
  failed: a.failed + b.failed,
  apiCpu: a.apiCpu + b.apiCpu,
  databaseCpu: a.databaseCpu + b.databaseCpu,
});

async function signIn(baseUrl: string, username: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${username}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** The route answers 200 with this many tasks; returns the size of the answer. */
async function expectTasks(target: Target, count: number): Promise<number> {
  const response = await fetch(target.url, { headers: { authorization: `Bearer ${target.token}` } });
  const body = await response.text();
  const length = response.status === 200 ? (JSON.parse(body) as unknown[]).length : -1;
  if (length !== count)
    throw new Error(`${target.name} answered ${response.status} with ${length} tasks, not ${count}`);
  return Buffer.byteLength(body);
}

void runBenchmark('tasks API benchmark', async (cleanup) => {
  const loadBefore = loadAverage();
  // Reads are measured: durability would only slow down setting up the flows.
  const stack = await startBenchStack(cleanup, { demoUsers: false, durable: false });
  const taskQueue = `bench-${randomUUID().slice(0, 8)}`;
  // First the API: at start-up it provisions the demo users (with their password), whom the tasks reference.
  const api = await startApi(stack, cleanup, taskQueue);

  progress(`registry history: ${thousands(HISTORY_NOTAS)} dispatched notas, ${thousands(10 * HISTORY_NOTAS)} tasks`);
  await insertHistory(stack);
  progress(`${OPEN_TASKS} flows to co-signing through the worker: ${OPEN_TASKS} open co-sign tasks for ${USER}`);
  const worker = startWorkerProcess({
    databaseUrl: stack.databaseUrl,
    temporalAddress: stack.temporalAddress,
    taskQueue,
    logFile: path.join(stack.dir, 'worker.log'),
  });
  cleanup.add('worker process', () => worker.stop());
  const client = new Client({ connection: await Connection.connect({ address: stack.temporalAddress }) });
  await Promise.race([
    inParallel(OPEN_TASKS, 16, () => runToCoSigning(client, stack.dataSource, taskQueue)),
    worker.failed,
  ]);
  // The flows wait for people now; the worker would only sit beside the API, so it goes.
  await worker.stop();
  await stack.dataSource.query('VACUUM ANALYZE');

  const tasksUrl = `${api.baseUrl}/api/v1/tasks?status=open`;
  const token = await signIn(api.baseUrl, USER);
  const tasks: Target = { name: 'GET /api/v1/tasks?status=open', url: tasksUrl, token };
  // The same headers on the bare route: the requests differ only in what the server does with them.
  const bare: Target = { name: `GET ${BARE_PATH} (bench-only, bare)`, url: `${api.baseUrl}${BARE_PATH}`, token };
  // Not a goal: the same route for a reviewer whose tasks are all done, i.e. its cost without rows.
  const empty: Target = {
    name: `  same, ${EMPTY_USER} (0 open tasks)`,
    url: tasksUrl,
    token: await signIn(api.baseUrl, EMPTY_USER),
  };
  const tasksBytes = await expectTasks(tasks, OPEN_TASKS);
  await expectTasks(empty, 0);
  const bareAnswer = await fetch(bare.url);
  const bareBytes = Buffer.byteLength(await bareAnswer.text());
  if (bareAnswer.status !== 200) throw new Error(`${BARE_PATH} answered ${bareAnswer.status}`);

  const pids = { api: api.pid, postgres: stack.pg.pid };
  const targets = [bare, tasks, empty];
  progress('warm-up: 3 s on each route, not counted');
  for (const target of targets) await load(target, 3, pids);
  const none: Load = { requests: 0, seconds: 0, p50: [], p99: [], failed: 0, apiCpu: 0, databaseCpu: 0 };
  const loads = new Map(targets.map((t) => [t, none]));
  for (let round = 0; round < ROUNDS; round++) {
    progress(`round ${round + 1} of ${ROUNDS}: ${SECONDS} s on each route, ${CONNECTIONS} connections`);
    for (const target of targets) loads.set(target, add(loads.get(target)!, await load(target, SECONDS, pids)));
  }
  const loadAfter = loadAverage();

  const rate = (l: Load) => l.requests / l.seconds;
  const ratio = rate(loads.get(tasks)!) / rate(loads.get(bare)!);
  const ms = (values: number[]) => values.map((v) => fixed(v, 1)).join(', ');
  say();
  say('tasks API benchmark');
  for (const line of machineLines([
    `server: createApp (apps/api/src/bootstrap.ts) in a child process, NODE_ENV=production, LOG_LEVEL=info to a file, ` +
      `${await describeStack(stack)}, ${thousands(HISTORY_NOTAS)} dispatched notas' history; load: autocannon ` +
      `in this process, ${CONNECTIONS} connections over loopback, ` +
      `${ROUNDS} alternating rounds of ${SECONDS} s per route after 3 s of warm-up`,
    `user: ${USER} with ${OPEN_TASKS} open co-sign tasks (real flows at co-signing); answer ` +
      `${thousands(tasksBytes)} bytes of JSON; ${BARE_PATH}: ${bareBytes} bytes`,
    `load average (1, 5, 15 min): ${loadBefore} before, ${loadAfter} after`,
  ]))
    say(line);
  say();
  const row = (target: Target) => {
    const l = loads.get(target)!;
    return [
      target.name,
      thousands(l.requests),
      fixed(rate(l), 0),
      ms(l.p50),
      ms(l.p99),
      fixed((1000 * l.apiCpu) / l.requests, 2),
      fixed((1000 * l.databaseCpu) / l.requests, 2),
      String(l.failed),
    ];
  };
  for (const line of table(
    [
      'route',
      'requests',
      'req/s',
      'p50 ms (per round)',
      'p99 ms (per round)',
      'API CPU ms/req',
      'PostgreSQL CPU ms/req',
      'non-2xx or errors',
    ],
    [row(bare), row(tasks), ['tasks / bare', '', `${fixed(ratio, 2)}x`, '', '', '', '', ''], row(empty)],
  ))
    say(line);
  say();
  say(`goal: tasks >= ${GOAL}x the bare route in req/s: ${ratio >= GOAL ? 'met' : 'MISSED'} (${fixed(ratio, 2)}x)`);
});
