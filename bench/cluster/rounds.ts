import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { eachLimited, type ChaosDriver, type ChaosFlow, type Task } from '../../test/chaos/support/driver';
import { verifyFlows, type FaultResult } from '../../test/chaos/support/verify';
import { cpuBetween, sampleCpu, type CpuSample } from './components';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One measured round: its flows driven from their first task to dispatch, all at once. */
export interface Round {
  flows: ChaosFlow[];
  /** Decisions the API answered 200: each one applied by its flow before the answer. */
  decisions: number;
  /** The other answers to a decision, by status (409: the flow was still applying the one before); failed reads. */
  refused: Record<string, number>;
  /** Milliseconds from sending each applied decision to its answer. */
  latenciesMs: number[];
  /** Every request the users made: the reads of each nota and the decisions. */
  requests: number;
  seconds: number;
  cpu: CpuSample;
  /** What the event log and Temporal say of every flow afterwards. */
  check: FaultResult;
}

/**
 * A round as users would make it: `flows` notas registered, given their document and submitted (not measured), then
 * every flow at once driven to dispatch, each user reading the nota and deciding the open tasks they hold, as the chaos
 * suite's driver does. Measured from the first read to the last dispatch: the decisions applied, each decision's
 * latency, and the CPU each component of the stack used meanwhile (its processes found by `dir`). Afterwards the
 * chaos suite's checks: every decision answered 200 is in the event log exactly once, nothing written twice.
 */
export async function measuredRound(options: {
  label: string;
  driver: ChaosDriver;
  stack: { databaseUrl: string; temporalAddress: string };
  dir: string;
  flows: number;
  timeoutMs: number;
}): Promise<Round> {
  const { driver } = options;
  driver.fault = options.label;
  const flows = await driver.startFlows(options.flows, options.label);
  const latenciesMs: number[] = [];
  const refused: Record<string, number> = {};
  let decisions = 0;
  let requests = 0;
  const deadline = Date.now() + options.timeoutMs;
  const cpuBefore = sampleCpu(options.dir);
  const started = performance.now();
  await eachLimited(flows, flows.length, async (flow) => {
    for (;;) {
      let nota: Awaited<ReturnType<ChaosDriver['nota']>>;
      try {
        nota = await driver.nota(flow.notaId);
      } catch {
        // A read refused under load (503) is tried again, as the web app's user would.
        refused.read = (refused.read ?? 0) + 1;
        await sleep(500);
        continue;
      } finally {
        requests += 1;
      }
      if (nota.status === 'dispatched') return;
      if (Date.now() > deadline) throw new Error(`${flow.workflowId} not dispatched in ${options.timeoutMs / 1000} s`);
      const open = (nota.openTasks ?? []) as Task[];
      const answers = await Promise.all(
        open.map(async (task) => {
          const sent = performance.now();
          const attempt = await driver.decide(flow, task, nota);
          requests += 1;
          if (attempt.status === 200) {
            decisions += 1;
            latenciesMs.push(performance.now() - sent);
          } else {
            refused[attempt.status] = (refused[attempt.status] ?? 0) + 1;
          }
          return attempt.status;
        }),
      );
      // Between two tasks, or a decision refused: the flow is still at work; the user looks again shortly.
      if (!open.length || answers.some((status) => status !== 200)) await sleep(250);
    }
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuBetween(cpuBefore, sampleCpu(options.dir));
  const check = await verifyFlows({
    fault: options.label,
    stack: options.stack,
    flows,
    attempts: driver.attempts.filter((a) => a.fault === options.label),
  });
  return { flows, decisions, refused, latenciesMs, requests, seconds, cpu, check };
}

/** Bytes of every table of a database with its indexes and TOAST (pg_total_relation_size), system catalogs aside. */
export async function databaseBytes(databaseUrl: string, database: string): Promise<number> {
  const url = new URL(databaseUrl);
  url.pathname = `/${database}`;
  const db = new Client({ connectionString: url.toString() });
  await db.connect();
  try {
    const { rows } = await db.query<{ bytes: string }>(
      `SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint AS bytes
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
          AND n.nspname NOT LIKE 'pg_toast%'`,
    );
    return Number(rows[0].bytes);
  } finally {
    await db.end();
  }
}
