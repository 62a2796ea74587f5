/**
 * Memory per parked flow: N flows (default 500) on the full route, each taken to co-signing (four co-sign tasks
 * open, each with its reminder and escalation timers) and left waiting there, as most flows wait most of their life.
 * The worker is the product's worker process (dist/apps/worker/src/main.js, prebuilt bundle, real activities) in a
 * child process, so its RSS is its own; a probe preloaded into it collects garbage in all its isolates before each
 * reading. Per flow = (RSS with N parked - RSS idle after a warm-up) / N. The flows must all stay in the worker's
 * cache, or fewer than N would be in memory: the cache size is read from the worker's metrics before and after.
 *
 *   node scripts/build.mjs && node dist/bench/memory/parked-flows.bench.js
 *   BENCH_FLOWS=500 BENCH_CONCURRENCY=16 (defaults)
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { freePort, waitFor } from '../../scripts/lib/ports';
import { runFullFlow, runPing, runToCoSigning } from '../support/flows';
import {
  envInt,
  fixed,
  inParallel,
  loadAverage,
  machineLines,
  median,
  progress,
  runBenchmark,
  say,
  table,
  thousands,
} from '../support/run';
import { describeStack, startBenchStack } from '../support/stack';
import { WORKER_MAIN, scrapeMetric, startWorkerProcess, type WorkerProcess } from '../support/processes';
import type { MemorySample } from './gc-probe';

const FLOWS = envInt('BENCH_FLOWS', 500);
const CONCURRENCY = envInt('BENCH_CONCURRENCY', 16);
const GOAL_BYTES = 1.5e6;
const PROBE = path.join(__dirname, 'gc-probe.js');
const MB = 1e6;
const MIB = 2 ** 20;

function sampleOf(worker: WorkerProcess): Promise<MemorySample> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: { sample?: MemorySample; error?: string }) => {
      worker.child.process.off('message', onMessage);
      if (message.sample) resolve(message.sample);
      else reject(new Error(`memory probe: ${message.error}`));
    };
    worker.child.process.on('message', onMessage);
    worker.child.process.send('measure');
  });
}

/** Three readings after garbage collection, a second apart; the median. */
async function settledSample(worker: WorkerProcess): Promise<MemorySample> {
  const samples: MemorySample[] = [];
  for (let i = 0; i < 3; i++) {
    samples.push(await sampleOf(worker));
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  const rss = median(samples.map((s) => s.rssBytes));
  return samples.find((s) => s.rssBytes === rss) ?? samples[1];
}

const heapOf = (sample: MemorySample, main: boolean) =>
  sample.heaps.filter((h) => (h.thread === 'main') === main).reduce((sum, h) => sum + h.usedBytes, 0);

void runBenchmark('parked flows memory benchmark', async (cleanup) => {
  const loadBefore = loadAverage();
  // Where the server keeps its data does not change the worker's memory; in memory it parks the flows sooner.
  const stack = await startBenchStack(cleanup, { durable: false });
  const taskQueue = `bench-${randomUUID().slice(0, 8)}`;
  const metricsAddress = `127.0.0.1:${await freePort()}`;
  const worker = startWorkerProcess({
    databaseUrl: stack.databaseUrl,
    temporalAddress: stack.temporalAddress,
    taskQueue,
    logFile: path.join(stack.dir, 'worker.log'),
    metricsAddress,
    nodeArgs: ['--require', PROBE],
    ipc: true,
  });
  cleanup.add('worker process', () => worker.stop());
  const client = new Client({ connection: await Connection.connect({ address: stack.temporalAddress }) });
  const { dataSource } = stack;
  const cached = async () => (await scrapeMetric(metricsAddress, 'temporal_sticky_cache_size')) ?? 0;
  // The counter appears with its first eviction.
  const evicted = async () =>
    (await scrapeMetric(metricsAddress, 'temporal_sticky_cache_total_forced_eviction_total')) ?? 0;

  // Warm-up: every code path of a flow and of the ping run once, the database pool filled; finished workflows
  // leave the cache, so the idle reading holds no flow.
  progress('warm-up: 8 full flows and 16 pings');
  await Promise.race([
    Promise.all([
      inParallel(8, 8, () => runFullFlow(client, dataSource, taskQueue)),
      inParallel(16, 8, (i) => runPing(client, taskQueue, `ping-warm-up-${i}`)),
    ]),
    worker.failed,
  ]);
  await waitFor('an empty workflow cache', async () => ((await cached()) === 0 ? true : undefined), {
    timeoutMs: 30_000,
  });
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const idle = await settledSample(worker);
  const evictedBefore = await evicted();
  if (FLOWS > idle.defaultMaxCachedWorkflows) {
    throw new Error(
      `the worker caches at most ${idle.defaultMaxCachedWorkflows} workflows at this heap limit (the SDK's ` +
        `default maxCachedWorkflows): fewer than ${FLOWS}; they would be evicted. Lower BENCH_FLOWS.`,
    );
  }
  progress(`idle: RSS ${fixed(idle.rssBytes / MIB)} MiB; parking ${FLOWS} flows at co-signing`);

  let parked = 0;
  await Promise.race([
    inParallel(FLOWS, CONCURRENCY, async () => {
      const id = await runToCoSigning(client, dataSource, taskQueue);
      if (++parked % 100 === 0) progress(`${parked} flows at co-signing`);
      return id;
    }),
    worker.failed,
  ]);
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const inCache = await cached();
  const evictions = (await evicted()) - evictedBefore;
  const full = await settledSample(worker);
  const stillCached = await cached();
  const [{ open }] = (await dataSource.query(
    `SELECT count(*)::int AS open FROM tasks WHERE status = 'open' AND type = 'co-sign'`,
  )) as { open: number }[];
  const loadAfter = loadAverage();
  if (Math.min(inCache, stillCached) < FLOWS) {
    throw new Error(`only ${stillCached} of ${FLOWS} flows are in the worker's cache (${evictions} forced evictions)`);
  }

  const perFlow = (full.rssBytes - idle.rssBytes) / FLOWS;
  const heapPerFlow = (main: boolean) => (heapOf(full, main) - heapOf(idle, main)) / FLOWS;
  say();
  say('parked flows memory benchmark');
  for (const line of machineLines([
    `worker: the product worker process (node --require gc-probe.js ${path.relative(process.cwd(), WORKER_MAIN)}` +
      `, prebuilt bundle, real activities), RSS from /proc after garbage collection in all its isolates; ` +
      `maxCachedWorkflows: the SDK default, ${thousands(idle.defaultMaxCachedWorkflows)} at this heap limit`,
    `flows: ${thousands(FLOWS)} on the full route, each at co-signing (${thousands(open)} co-sign tasks open), ` +
      `parked ${CONCURRENCY} at a time; in the worker's cache when measured: ${thousands(stillCached)} ` +
      (evictions ? `(${evictions} forced evictions while parking, replayed back in since)` : '(no forced evictions)'),
    `stack: ${await describeStack(stack)}`,
    `load average (1, 5, 15 min): ${loadBefore} before, ${loadAfter} after`,
  ]))
    say(line);
  say();
  const row = (name: string, sample: MemorySample, flows: number) => [
    name,
    thousands(flows),
    fixed(sample.rssBytes / MIB),
    fixed(heapOf(sample, true) / MIB),
    fixed(heapOf(sample, false) / MIB),
  ];
  for (const line of table(
    ['worker process', 'flows cached', 'RSS MiB', 'main heap MiB', 'workflow thread heap MiB'],
    [
      row('idle, after warm-up', idle, 0),
      row(`${thousands(FLOWS)} flows parked`, full, inCache),
      [
        'per parked flow',
        '',
        `${fixed(perFlow / 1024, 0)} KiB`,
        `${fixed(heapPerFlow(true) / 1024, 0)} KiB`,
        `${fixed(heapPerFlow(false) / 1024, 0)} KiB`,
      ],
    ],
  ))
    say(line);
  say();
  say(
    `goal: <= ${fixed(GOAL_BYTES / MB)} MB RSS per parked flow: ${perFlow <= GOAL_BYTES ? 'met' : 'MISSED'} ` +
      `(${fixed(perFlow / MB, 2)} MB = ${fixed(perFlow / 1024, 0)} KiB)`,
  );
});
