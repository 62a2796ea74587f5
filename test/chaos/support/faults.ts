import { Client } from 'pg';
import { waitFor } from '../../../scripts/lib/ports';
import { eachLimited, type ChaosDriver, type ChaosFlow, type DecisionAttempt, type Task } from './driver';
import { workflowStatuses } from './temporal';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * 50 flows in flight at different places of the route: flow i has had i % 5 decisions taken, so the fault finds
 * them in initialling, decision, co-signing (both ministries open, or one), and at the ministerraad.
 */
export async function flowsInFlight(driver: ChaosDriver, label: string, count: number): Promise<ChaosFlow[]> {
  const flows = await driver.startFlows(count, label);
  await eachLimited(flows, 6, (flow) => driver.advance(flow, flow.index % 5));
  return flows;
}

/** Every flow RUNNING in Temporal and in_review in the registry, checked just before the fault. */
export async function assertAllRunning(
  flows: ChaosFlow[],
  temporalAddress: string,
  databaseUrl: string,
): Promise<void> {
  const statuses = await workflowStatuses(
    temporalAddress,
    flows.map((f) => f.workflowId),
  );
  const notRunning = flows.filter((f) => statuses.get(f.workflowId) !== 'RUNNING');
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM notas WHERE id = ANY($1::uuid[]) AND status = 'in_review'`,
      [flows.map((f) => f.notaId)],
    );
    if (notRunning.length || rows[0].n !== flows.length) {
      throw new Error(
        `before the fault: ${notRunning.length} workflows not RUNNING, ${flows.length - rows[0].n} notas not in_review`,
      );
    }
  } finally {
    await db.end();
  }
}

/**
 * One decision on every flow at once; the fault is injected once `injectAfter` of them have been answered (or after
 * `maxWaitMs`), so the others are in flight when it strikes. Resolves when the fault has been injected; `settled`
 * once every decision of the wave has its answer.
 */
export async function waveWithFault(
  driver: ChaosDriver,
  flows: ChaosFlow[],
  inject: () => Promise<void>,
  { injectAfter = 12, maxWaitMs = 5000 } = {},
): Promise<{ settled: Promise<(DecisionAttempt | undefined)[]>; answeredBefore: number }> {
  let answered = 0;
  const settled = Promise.all(
    flows.map((flow) =>
      driver
        .decideNext(flow)
        .catch(() => undefined)
        .finally(() => answered++),
    ),
  );
  await waitFor('decisions of the wave to be answered', async () => (answered >= injectAfter ? true : undefined), {
    timeoutMs: maxWaitMs,
    intervalMs: 20,
  }).catch(() => undefined);
  const answeredBefore = answered;
  await inject();
  return { settled, answeredBefore };
}

/** Decisions sent while a part is down, on tasks known from before the fault. */
export function decideDuringOutage(
  driver: ChaosDriver,
  spare: { flow: ChaosFlow; task: Task; nota: unknown }[],
): Promise<DecisionAttempt[]> {
  return Promise.all(spare.map(({ flow, task, nota }) => driver.decide(flow, task, nota)));
}

/**
 * Of these decisions, the ones the flow took itself: its task is decided in the event log, and no later decision on
 * that task was answered 200 (a decision that was lost would have been sent again by the driver and taken then).
 */
export async function appliedThemselves(
  databaseUrl: string,
  attempts: DecisionAttempt[],
  all: DecisionAttempt[],
): Promise<DecisionAttempt[]> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ task_id: string }>(
      `SELECT DISTINCT task_id FROM flow_events WHERE type = 'task_decided' AND task_id = ANY($1::uuid[])`,
      [attempts.map((a) => a.taskId)],
    );
    const decided = new Set(rows.map((r) => r.task_id));
    return attempts.filter(
      (a) =>
        decided.has(a.taskId) &&
        (a.status === 200 || !all.some((other) => other !== a && other.taskId === a.taskId && other.status === 200)),
    );
  } finally {
    await db.end();
  }
}

export function statusCounts(attempts: (DecisionAttempt | undefined)[]): string {
  const counts = new Map<string, number>();
  for (const a of attempts) {
    const key = a ? String(a.status || 'no answer') : 'no open task';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([status, n]) => `${n}× ${status}`).join(', ');
}
