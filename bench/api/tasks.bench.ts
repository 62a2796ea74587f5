/**
 * `GET /api/v1/tasks?status=open`, the inbox every user's web app polls, for a co-signer of VWS with BENCH_OPEN_TASKS
 * open tasks (real flows taken to co-signing by the product worker, beside a registry history of BENCH_HISTORY_NOTAS
 * dispatched notas), against what a user would write instead: a plain Fastify + pg handler (plain-server.ts) with the
 * same token check, the same SQL and the same bytes. Both in processes of their own pinned to one core with
 * PostgreSQL; the load generator (autocannon, load.ts) in its own process pinned to the other core. Every answer's
 * status and body are checked during the load. The product's per-user rate limit stays on, set out of the way for the
 * load user by its configuration (RATE_LIMIT_PER_MINUTE); a 429 would show as a wrong answer.
 *
 * Rounds alternate which server goes first; at 10 and 100 connections; then the same at a tenth of the size (a
 * co-signer of BZ with a tenth of the tasks), and the product answering a revalidation (If-None-Match) as the polling
 * web app sends it.
 *
 *   npm run bench:api
 *   BENCH_OPEN_TASKS=100 BENCH_HISTORY_NOTAS=20000 BENCH_SECONDS=10 BENCH_ROUNDS=3 (defaults)
 */
import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { buildRouteTemplate, type RouteChoice } from '@notaflow/domain';
import { startChild } from '../../scripts/lib/child';
import { FULL_ROUTE, runToCoSigning } from '../support/flows';
import { signIn } from '../support/http';
import { cpuBetween, cpuSample, startApiProcess, startWorkerProcess } from '../support/processes';
import { Report, alternate, pin, pinTree, spread } from '../support/report';
import {
  envInt,
  fixed,
  inParallel,
  median,
  progress,
  runBenchmark,
  say,
  table,
  thousands,
  type Cleanup,
} from '../support/run';
import { describeStack, startBenchStack, type BenchStack } from '../support/stack';
import type { LoadJob, LoadResult } from './load';

const OPEN_TASKS = envInt('BENCH_OPEN_TASKS', 100);
const SMALL_TASKS = Math.max(1, Math.round(OPEN_TASKS / 10));
const HISTORY_NOTAS = envInt('BENCH_HISTORY_NOTAS', 20_000);
const SECONDS = envInt('BENCH_SECONDS', 10);
const ROUNDS = envInt('BENCH_ROUNDS', 3);
const CONNECTIONS = [10, 100];
const GOAL_RATIO = 0.6;
const GOAL_P99 = 1.5;
const GOAL_RATE = 1500;
const LOAD_CPU = '0';
const SERVER_CPU = '1';
const LOAD = path.join(__dirname, 'load.js');
const PLAIN = path.join(__dirname, 'plain-server.js');
const run = promisify(execFile);

interface Target {
  name: string;
  url: string;
  token: string;
  pid: number;
  status: number;
  headers?: Record<string, string>;
  bodyFile: string;
}

interface Round {
  result: LoadResult;
  /** CPU ms per good answer of the server process and of PostgreSQL. */
  serverCpuMs: number;
  databaseCpuMs: number;
}

async function startPlain(stack: BenchStack, cleanup: Cleanup, jwtSecret: string) {
  const child = startChild('plain', process.execPath, [PLAIN], {
    stdio: ['ignore', 'pipe', 'inherit'],
    stopWithParent: 'SIGTERM',
    env: { ...process.env, DATABASE_URL: stack.databaseUrl, JWT_SECRET: jwtSecret },
  });
  cleanup.add('plain server', () => child.stop('SIGTERM', 5000));
  const port = await new Promise<number>((resolve, reject) => {
    child.process.stdout?.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
    void child.exited.then((code) => reject(new Error(`the plain server exited (${code})`)));
  });
  return { baseUrl: `http://127.0.0.1:${port}`, pid: child.process.pid ?? 0 };
}

/**
 * Years of registry as recordTransition leaves it, set-based: dispatched notas on the full route, their ten tasks
 * closed. The inbox reads open tasks through a partial index; the history gives the tables, indexes and planner
 * statistics the size of a registry in use.
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

/** The answer both servers give, which must be the same bytes; kept in a file for the load generator to check. */
async function expectedBody(stack: BenchStack, name: string, urls: string[], token: string, count: number) {
  const bodies = await Promise.all(
    urls.map(async (url) => {
      const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
      return { body: await response.text(), etag: response.headers.get('etag') };
    }),
  );
  if (bodies.some((b) => b.body !== bodies[0].body)) throw new Error(`the servers answer ${name} differently`);
  const length = (JSON.parse(bodies[0].body) as unknown[]).length;
  if (length !== count) throw new Error(`${name}: ${length} tasks, not ${count}`);
  const file = path.join(stack.dir, `${name}.json`);
  writeFileSync(file, bodies[0].body);
  return { file, bytes: Buffer.byteLength(bodies[0].body), etag: bodies[0].etag };
}

async function load(stack: BenchStack, target: Target, connections: number, seconds: number, pg: number) {
  const job: LoadJob = {
    url: target.url,
    connections,
    seconds,
    headers: { authorization: `Bearer ${target.token}`, accept: 'application/json', ...target.headers },
    status: target.status,
    bodyFile: target.bodyFile,
  };
  const jobFile = path.join(stack.dir, `load-${randomUUID().slice(0, 8)}.json`);
  writeFileSync(jobFile, JSON.stringify(job));
  const [server, database] = [cpuSample(target.pid), cpuSample(pg, true)];
  const { stdout } = await run('taskset', ['--cpu-list', LOAD_CPU, process.execPath, LOAD, jobFile], {
    maxBuffer: 1 << 20,
  });
  const result = JSON.parse(stdout.trim().split('\n').pop()!) as LoadResult;
  const good = Math.max(result.good, 1);
  return {
    result,
    serverCpuMs: (1000 * cpuBetween(server, cpuSample(target.pid))) / good,
    databaseCpuMs: (1000 * cpuBetween(database, cpuSample(pg, true))) / good,
  } satisfies Round;
}

const rate = (r: Round) => r.result.good / r.result.seconds;
const failures = (r: Round) => r.result.mismatches + r.result.wrongStatus + r.result.errors + r.result.timeouts;

void runBenchmark('tasks API benchmark', async (cleanup) => {
  const report = new Report('tasks API benchmark', 'npm run bench:api');
  const stack = await startBenchStack(cleanup, { demoUsers: false, durable: false });
  const taskQueue = `bench-${randomUUID().slice(0, 8)}`;
  const jwtSecret = randomBytes(32).toString('hex');
  // First the API: at start-up it provisions the demo users (with their password), whom the tasks reference.
  const api = await startApiProcess({
    databaseUrl: stack.databaseUrl,
    temporalAddress: stack.temporalAddress,
    taskQueue,
    logFile: path.join(stack.dir, 'api.log'),
    documentsDir: path.join(stack.dir, 'documents'),
    jwtSecret,
    // The load user's budget, out of the load's way: at most 100,000 a minute, which the rounds stay under.
    env: { RATE_LIMIT_PER_MINUTE: '100000' },
  });
  cleanup.add('API process', () => api.stop());
  const plain = await startPlain(stack, cleanup, jwtSecret);

  progress(`registry history: ${thousands(HISTORY_NOTAS)} dispatched notas, ${thousands(10 * HISTORY_NOTAS)} tasks`);
  await insertHistory(stack);
  progress(`${OPEN_TASKS} flows to co-signing: ${OPEN_TASKS} open tasks for vws.signer, ${SMALL_TASKS} for bz.signer`);
  const worker = startWorkerProcess({
    databaseUrl: stack.databaseUrl,
    temporalAddress: stack.temporalAddress,
    taskQueue,
    logFile: path.join(stack.dir, 'worker.log'),
  });
  cleanup.add('worker process', () => worker.stop());
  const client = new Client({ connection: await Connection.connect({ address: stack.temporalAddress }) });
  await Promise.race([
    inParallel(OPEN_TASKS, 16, (i) => {
      const choice: RouteChoice = { ...FULL_ROUTE, coSigners: i < SMALL_TASKS ? FULL_ROUTE.coSigners : ['VWS'] };
      return runToCoSigning(client, stack.dataSource, taskQueue, choice);
    }),
    worker.failed,
  ]);
  // The flows wait for people now; the worker would only sit beside the servers, so it goes.
  await worker.stop();
  await stack.dataSource.query('VACUUM ANALYZE');

  const users = { large: 'vws.signer', small: 'bz.signer' };
  const tokens = { large: await signIn(api.baseUrl, users.large), small: await signIn(api.baseUrl, users.small) };
  const inbox = '/api/v1/tasks?status=open';
  const urls = [`${api.baseUrl}${inbox}`, `${plain.baseUrl}${inbox}`];
  const large = await expectedBody(stack, 'large', urls, tokens.large, OPEN_TASKS);
  const small = await expectedBody(stack, 'small', urls, tokens.small, SMALL_TASKS);
  const emptyFile = path.join(stack.dir, 'empty.txt');
  writeFileSync(emptyFile, '');

  const targets = (size: 'large' | 'small'): [Target, Target] => {
    const body = size === 'large' ? large : small;
    return [
      { name: 'product', url: urls[0], token: tokens[size], pid: api.pid, status: 200, bodyFile: body.file },
      { name: 'plain', url: urls[1], token: tokens[size], pid: plain.pid, status: 200, bodyFile: body.file },
    ];
  };
  const revalidation: Target | undefined = large.etag
    ? {
        name: 'product, If-None-Match',
        url: urls[0],
        token: tokens.large,
        pid: api.pid,
        status: 304,
        headers: { 'if-none-match': large.etag },
        bodyFile: emptyFile,
      }
    : undefined;

  // The load generator on one core; the servers and PostgreSQL on the other.
  pin(api.pid, SERVER_CPU);
  pin(plain.pid, SERVER_CPU);
  pinTree(stack.pg.pid, SERVER_CPU);

  progress('warm-up: 3 s on each server, not counted');
  for (const target of [...targets('large'), ...targets('small')]) await load(stack, target, 10, 3, stack.pg.pid);

  const results = new Map<string, Round[]>();
  const keep = (key: string, round: Round) => results.set(key, [...(results.get(key) ?? []), round]);
  const measure = async (key: string, pair: [Target, Target], connections: number) => {
    for (let round = 0; round < ROUNDS; round++) {
      for (const target of alternate(round, pair)) {
        progress(`${key}, round ${round + 1}/${ROUNDS}: ${target.name}, ${connections} connections, ${SECONDS} s`);
        keep(`${key}:${target.name}`, await load(stack, target, connections, SECONDS, stack.pg.pid));
      }
    }
  };
  for (const connections of CONNECTIONS)
    await measure(`${OPEN_TASKS} tasks, ${connections} conn`, targets('large'), connections);
  await measure(`${SMALL_TASKS} tasks, 10 conn`, targets('small'), 10);
  if (revalidation) {
    for (let round = 0; round < ROUNDS; round++) {
      keep('revalidation', await load(stack, revalidation, 10, SECONDS, stack.pg.pid));
    }
  }

  report.header([
    `stack: ${await describeStack(stack)}; ${thousands(HISTORY_NOTAS)} dispatched notas of history`,
    `product: node dist/apps/api/src/main.js (NestJS on Express, LOG_LEVEL=info to a file, RATE_LIMIT_PER_MINUTE=` +
      `100000); plain: Fastify + pg (bench/api/plain-server.ts), same token check, SQL and bytes`,
    `cores: servers and PostgreSQL pinned to CPU ${SERVER_CPU}, autocannon in its own process on CPU ${LOAD_CPU}; ` +
      `${ROUNDS} rounds of ${SECONDS} s per server, alternating which goes first, after 3 s of warm-up`,
    `answers: ${users.large} ${OPEN_TASKS} open tasks, ${thousands(large.bytes)} bytes; ${users.small} ` +
      `${SMALL_TASKS}, ${thousands(small.bytes)} bytes; every status and body checked during the load`,
  ]);
  const rows: string[][] = [];
  const row = (label: string, key: string) => {
    const rounds = results.get(key) ?? [];
    rows.push([
      label,
      spread(rounds.map(rate), 0),
      spread(
        rounds.map((r) => r.result.p50),
        1,
      ),
      spread(
        rounds.map((r) => r.result.p99),
        1,
      ),
      spread(
        rounds.map((r) => r.serverCpuMs),
        3,
      ),
      spread(
        rounds.map((r) => r.databaseCpuMs),
        3,
      ),
      String(rounds.reduce((sum, r) => sum + failures(r), 0)),
    ]);
  };
  const keys = [...CONNECTIONS.map((c) => `${OPEN_TASKS} tasks, ${c} conn`), `${SMALL_TASKS} tasks, 10 conn`];
  for (const key of keys) for (const name of ['product', 'plain']) row(`${name}, ${key}`, `${key}:${name}`);
  if (revalidation) row(`product, ${OPEN_TASKS} tasks, 10 conn, If-None-Match: 304`, 'revalidation');
  for (const line of table(
    ['server, answer, connections', 'req/s', 'p50 ms', 'p99 ms', 'server CPU ms/req', 'PostgreSQL CPU ms/req', 'wrong'],
    rows,
  ))
    say(line);
  say();

  const ratios = (key: string, of: (r: Round) => number) => {
    const product = results.get(`${key}:product`) ?? [];
    const plainRounds = results.get(`${key}:plain`) ?? [];
    return product.map((r, i) => of(r) / of(plainRounds[i]));
  };
  const wrong = [...results.values()].flat().reduce((sum, r) => sum + failures(r), 0);
  for (const connections of CONNECTIONS) {
    const key = `${OPEN_TASKS} tasks, ${connections} conn`;
    const product = results.get(`${key}:product`) ?? [];
    const plainRounds = results.get(`${key}:plain`) ?? [];
    const reqRatio = ratios(key, rate);
    const p99Ratio = ratios(key, (r) => r.result.p99);
    const productRates = product.map(rate);
    say(
      `ratio product / plain at ${connections} connections, per round: req/s ${spread(reqRatio, 2, 'x')}, p99 ${spread(p99Ratio, 2, 'x')}`,
    );
    report.figure(
      `tasks API, ${connections} connections: product / plain req/s`,
      `${spread(productRates, 0)} vs ${spread(plainRounds.map(rate), 0)} req/s`,
    );
    report.goal(
      `req/s of the product >= ${GOAL_RATIO}x the plain handler's at ${connections} connections:`,
      `${fixed(median(reqRatio), 2)}x`,
      median(reqRatio) >= GOAL_RATIO,
    );
    report.goal(
      `p99 of the product <= ${GOAL_P99}x the plain handler's at ${connections} connections:`,
      `${fixed(median(p99Ratio), 2)}x (${fixed(median(product.map((r) => r.result.p99)), 1)} vs ${fixed(
        median(plainRounds.map((r) => r.result.p99)),
        1,
      )} ms)`,
      median(p99Ratio) <= GOAL_P99,
    );
    report.goal(
      `req/s of the product with a co-signer's ${OPEN_TASKS} open tasks >= ${thousands(GOAL_RATE)} at ` +
        `${connections} connections:`,
      thousands(median(productRates)),
      median(productRates) >= GOAL_RATE,
    );
  }
  report.goal('answers with a wrong status or body during the load = 0:', String(wrong), wrong === 0);
  const cpu = (key: string) => {
    const rounds = results.get(key) ?? [];
    return rounds.reduce((sum, r) => sum + r.serverCpuMs + r.databaseCpuMs, 0) / Math.max(rounds.length, 1);
  };
  for (const name of ['product', 'plain']) {
    report.growth(
      `${name}: server + PostgreSQL CPU ms per request, by open tasks in the answer`,
      { size: SMALL_TASKS, cost: cpu(`${SMALL_TASKS} tasks, 10 conn:${name}`) },
      { size: OPEN_TASKS, cost: cpu(`${OPEN_TASKS} tasks, 10 conn:${name}`) },
    );
  }
  report.finish();
});
