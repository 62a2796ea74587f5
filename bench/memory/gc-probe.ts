/**
 * Preloaded into the product worker process (`node --require dist/bench/memory/gc-probe.js
 * dist/apps/worker/src/main.js`) by parked-flows.bench.ts; adds nothing to it but this: on the IPC message
 * "measure" it collects garbage in every V8 isolate of the process (the main thread, where activities and connections
 * live, and the workflow thread(s), where the cached workflows live) through the inspector, then answers with its RSS
 * and each isolate's heap. The inspector session exists only while it measures.
 */
import inspector from 'node:inspector';
import { readFileSync } from 'node:fs';
import v8 from 'node:v8';

export interface IsolateHeap {
  thread: string;
  usedBytes: number;
}

export interface MemorySample {
  rssBytes: number;
  heaps: IsolateHeap[];
  /** The SDK's default maxCachedWorkflows for this heap limit (reuseV8Context, the default). */
  defaultMaxCachedWorkflows: number;
}

function post<T>(session: inspector.Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) =>
    session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as T))),
  );
}

let nextId = 1;
/** A protocol call inside a worker thread, through the main thread's NodeWorker session. */
function postToWorker<T>(session: inspector.Session, sessionId: string, method: string): Promise<T> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const onMessage = (message: { params: { sessionId: string; message: string } }) => {
      if (message.params.sessionId !== sessionId) return;
      const reply = JSON.parse(message.params.message) as { id?: number; result?: T; error?: { message: string } };
      if (reply.id !== id) return;
      session.off('NodeWorker.receivedMessageFromWorker', onMessage);
      if (reply.error) reject(new Error(reply.error.message));
      else resolve(reply.result as T);
    };
    session.on('NodeWorker.receivedMessageFromWorker', onMessage);
    session.post('NodeWorker.sendMessageToWorker', { sessionId, message: JSON.stringify({ id, method }) });
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function rssBytes(): number {
  const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  return kb ? Number(kb) * 1024 : process.memoryUsage().rss;
}

async function measure(): Promise<MemorySample> {
  const session = new inspector.Session();
  session.connect();
  try {
    const workers: { sessionId: string; title: string }[] = [];
    session.on(
      'NodeWorker.attachedToWorker',
      (message: { params: { sessionId: string; workerInfo: { title: string } } }) =>
        workers.push({ sessionId: message.params.sessionId, title: message.params.workerInfo.title }),
    );
    await post(session, 'NodeWorker.enable', { waitForDebuggerOnStart: false });
    await pause(200);
    const heaps: IsolateHeap[] = [];
    // Twice: the first pass may leave what finalisers freed for the second.
    for (let pass = 0; pass < 2; pass++) {
      await post(session, 'HeapProfiler.collectGarbage');
      for (const worker of workers) await postToWorker(session, worker.sessionId, 'HeapProfiler.collectGarbage');
    }
    heaps.push({
      thread: 'main',
      usedBytes: (await post<{ usedSize: number }>(session, 'Runtime.getHeapUsage')).usedSize,
    });
    for (const worker of workers) {
      const usage = await postToWorker<{ usedSize: number }>(session, worker.sessionId, 'Runtime.getHeapUsage');
      heaps.push({ thread: worker.title, usedBytes: usage.usedSize });
    }
    await post(session, 'NodeWorker.disable');
    // Let the allocator hand freed pages back before the kernel's count is read.
    await pause(500);
    const heapLimitMiB = v8.getHeapStatistics().heap_size_limit / 2 ** 20;
    return {
      rssBytes: rssBytes(),
      heaps,
      defaultMaxCachedWorkflows: Math.max(Math.floor((Math.max(heapLimitMiB - 200, 0) * 600) / 1024), 10),
    };
  } finally {
    session.disconnect();
  }
}

process.on('message', (message) => {
  if (message !== 'measure') return;
  measure().then(
    (sample) => process.send?.({ sample }),
    (error: unknown) => process.send?.({ error: String((error as Error)?.stack ?? error) }),
  );
});
// The channel must not keep the worker alive once it has drained and wants to exit.
process.channel?.unref();
