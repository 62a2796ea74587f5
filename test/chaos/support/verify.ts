import { Client } from 'pg';
import type { ChaosFlow, DecisionAttempt } from './driver';
import { closedStatuses } from './temporal';

export interface FaultResult {
  fault: string;
  flows: number;
  completed: number;
  lost: number;
  duplicates: number;
  /** Each finding in words; empty when the fault left everything as it should be. */
  problems: string[];
  /** What the users saw meanwhile, and how long it took: for the report, not for the verdict. */
  notes: string[];
}

/** The tasks a flow of the chaos route has once dispatched, by type (a held-over flow meets the ministerraad twice). */
function expectedTasks(flow: ChaosFlow): Record<string, number> {
  return { initial: 1, decide: 1, 'co-sign': 2, ministerraad: flow.hold ? 2 : 1, dispatch: 1 };
}

async function rows<T>(db: Client, sql: string, params: unknown[]): Promise<T[]> {
  return (await db.query(sql, params)).rows as T[];
}

/**
 * What a fault did to the flows, read from PostgreSQL and Temporal after they were driven to the end:
 * - completed: nota dispatched and its workflow COMPLETED;
 * - lost: decisions the API answered 200 that are not in the event log exactly as taken, flows not completed,
 *   holes in a flow's event log, and tasks whose holder was never told of them (task_assigned, since v2);
 * - duplicates: anything written twice: a (workflow, seq), a decision or opening of one task, a submission or
 *   dispatch, a task beyond the route's, an ons kenmerk, a notification or one of its emails.
 */
export async function verifyFlows(options: {
  fault: string;
  stack: { databaseUrl: string; temporalAddress: string };
  flows: ChaosFlow[];
  attempts: DecisionAttempt[];
  /**
   * Server errors besides 503 that the fault causes without a defect of the product: behind a load balancer, 502
   * for a request that reached a replica as it was killed (never re-sent when it is a POST).
   */
  tolerated?: number[];
}): Promise<FaultResult> {
  const { fault, flows } = options;
  const ids = flows.map((f) => f.notaId);
  const problems: string[] = [];
  let lost = 0;
  let duplicates = 0;
  const db = new Client({ connectionString: options.stack.databaseUrl });
  await db.connect();
  try {
    const notas = await rows<{ id: string; status: string; ons_kenmerk: string }>(
      db,
      'SELECT id, status, ons_kenmerk FROM notas WHERE id = ANY($1::uuid[])',
      [ids],
    );
    // A dispatched nota's run closes once what it began beside the flow is written: an announcement whose worker
    // was killed is retried only after its 30 s start-to-close timeout.
    const statuses = await closedStatuses(
      options.stack.temporalAddress,
      flows.map((f) => f.workflowId),
      90_000,
    );
    const dispatched = new Set(notas.filter((n) => n.status === 'dispatched').map((n) => n.id));
    const completed = flows.filter((f) => dispatched.has(f.notaId) && statuses.get(f.workflowId) === 'COMPLETED');
    for (const flow of flows) {
      const status = statuses.get(flow.workflowId);
      if (!dispatched.has(flow.notaId) || status !== 'COMPLETED') {
        const nota = notas.find((n) => n.id === flow.notaId);
        problems.push(`flow ${flow.workflowId} not completed: nota ${nota?.status ?? 'missing'}, workflow ${status}`);
      }
    }
    lost += flows.length - completed.length;

    // The event log: gapless 1..n per flow, each (workflow, seq) once.
    const logs = await rows<{ workflow_id: string; n: number; distinct_seq: number; max_seq: number }>(
      db,
      `SELECT workflow_id, count(*)::int AS n, count(DISTINCT seq)::int AS distinct_seq, max(seq)::int AS max_seq
         FROM flow_events WHERE nota_id = ANY($1::uuid[]) GROUP BY workflow_id`,
      [ids],
    );
    for (const log of logs) {
      if (log.n !== log.distinct_seq) {
        duplicates += log.n - log.distinct_seq;
        problems.push(`${log.workflow_id}: ${log.n - log.distinct_seq} events share a seq`);
      }
      if (log.max_seq !== log.distinct_seq) {
        lost += log.max_seq - log.distinct_seq;
        problems.push(
          `${log.workflow_id}: the event log has holes (${log.distinct_seq} events up to seq ${log.max_seq})`,
        );
      }
    }
    if (logs.length !== flows.length) problems.push(`${flows.length - logs.length} flows have no event log at all`);

    // One submission and one dispatch per flow, one opening and at most one decision per task.
    const once = await rows<{ what: string; n: number }>(
      db,
      `SELECT type || ' ' || coalesce(task_id::text, workflow_id) AS what, count(*)::int AS n
         FROM flow_events
        WHERE nota_id = ANY($1::uuid[]) AND type IN ('submitted', 'dispatched', 'task_opened', 'task_decided',
              'task_reminded', 'task_escalated')
        GROUP BY type, coalesce(task_id::text, workflow_id) HAVING count(*) > 1`,
      [ids],
    );
    for (const row of once) {
      duplicates += row.n - 1;
      problems.push(`${row.what} is in the event log ${row.n} times`);
    }

    // The task read model: the route's tasks, each decided (done) once, none left open.
    const tasks = await rows<{ nota_id: string; type: string; n: number; open: number }>(
      db,
      `SELECT nota_id, type, count(*)::int AS n, count(*) FILTER (WHERE status <> 'done')::int AS open
         FROM tasks WHERE nota_id = ANY($1::uuid[]) GROUP BY nota_id, type`,
      [ids],
    );
    for (const flow of flows) {
      for (const [type, expected] of Object.entries(expectedTasks(flow))) {
        const row = tasks.find((t) => t.nota_id === flow.notaId && t.type === type);
        const n = row?.n ?? 0;
        if (n > expected) {
          duplicates += n - expected;
          problems.push(`${flow.workflowId}: ${n} ${type} tasks, the route has ${expected}`);
        } else if (n < expected) {
          problems.push(`${flow.workflowId}: ${n} ${type} tasks, the route has ${expected}`);
        }
        if (row?.open) problems.push(`${flow.workflowId}: ${row.open} ${type} tasks not done`);
      }
    }
    const undecided = await rows<{ id: string }>(
      db,
      `SELECT t.id FROM tasks t WHERE t.nota_id = ANY($1::uuid[])
          AND (SELECT count(*) FROM flow_events e WHERE e.task_id = t.id AND e.type = 'task_decided') <> 1`,
      [ids],
    );
    for (const task of undecided) problems.push(`task ${task.id} does not have exactly one task_decided event`);

    // Every decision answered 200 is in the log, as it was taken.
    const taken = options.attempts.filter((a) => a.status === 200 && ids.includes(a.notaId));
    const decided = await rows<{ task_id: string; actor: string; decision: string }>(
      db,
      `SELECT task_id, actor, decision FROM flow_events WHERE nota_id = ANY($1::uuid[]) AND type = 'task_decided'`,
      [ids],
    );
    for (const attempt of taken) {
      const found = decided.filter(
        (d) => d.task_id === attempt.taskId && d.actor === attempt.username && d.decision === attempt.decision,
      );
      if (found.length !== 1) {
        lost += 1;
        problems.push(
          `decision ${attempt.decision} by ${attempt.username} on task ${attempt.taskId} answered 200, found ${found.length} times`,
        );
      }
    }
    // Two answers of 200 for one task: the flow took a decision twice.
    const byTask = new Map<string, number>();
    for (const attempt of taken) byTask.set(attempt.taskId, (byTask.get(attempt.taskId) ?? 0) + 1);
    for (const [taskId, n] of byTask) {
      if (n > 1) {
        duplicates += n - 1;
        problems.push(`task ${taskId}: ${n} decisions answered 200`);
      }
    }

    // Since v2 each new task is announced to its holder: where the flows announce, every task once (duplicates are
    // counted below). Since v3 a run closes only once its announcements are written, and the runs have closed.
    const announcements = await rows<{ id: string; workflow_id: string; type: string; announced: number }>(
      db,
      `SELECT t.id, t.workflow_id, t.type, (SELECT count(*) FROM notifications n WHERE n.task_id = t.id AND n.kind = 'task_assigned')::int
              AS announced
         FROM tasks t WHERE t.nota_id = ANY($1::uuid[])`,
      [ids],
    );
    if (announcements.some((t) => t.announced)) {
      const missing = announcements.filter((t) => !t.announced);
      lost += missing.length;
      if (missing.length) {
        const [first] = missing;
        problems.push(
          `${missing.length} tasks never announced (task_assigned), e.g. ${first.type} task ${first.id} of ${first.workflow_id}`,
        );
      }
    }

    // Ons kenmerken across the whole registry, notifications and their emails.
    const [kenmerken] = await rows<{ n: number }>(
      db,
      'SELECT (count(*) - count(DISTINCT ons_kenmerk))::int AS n FROM notas',
      [],
    );
    if (kenmerken.n) problems.push(`${kenmerken.n} ons kenmerken given twice`);
    duplicates += kenmerken.n;
    const wrongKenmerk = flows.filter((f) => notas.find((n) => n.id === f.notaId)?.ons_kenmerk !== f.onsKenmerk);
    if (wrongKenmerk.length) problems.push(`${wrongKenmerk.length} notas no longer have the ons kenmerk they got`);
    const [notifications] = await rows<{ keys: number; per_recipient: number; emails: number }>(
      db,
      `SELECT (SELECT count(*) - count(DISTINCT dedupe_key) FROM notifications)::int AS keys,
              (SELECT coalesce(sum(n - 1), 0) FROM (
                 SELECT count(*) AS n FROM notifications WHERE task_id IS NOT NULL
                  GROUP BY task_id, kind, recipient_organisation, recipient_username) g)::int AS per_recipient,
              (SELECT coalesce(sum(n - 1), 0) FROM (
                 SELECT count(*) AS n FROM email_outbox GROUP BY notification_id, recipient) g)::int AS emails`,
      [],
    );
    for (const [what, n] of Object.entries(notifications)) {
      if (n) problems.push(`${n} duplicate notifications (${what})`);
      duplicates += n;
    }

    // While a part is down the API may refuse (503: try again), never fail as if it had a bug (500).
    const refusals = [503, ...(options.tolerated ?? [])];
    const errors = options.attempts.filter((a) => a.fault === fault && a.status >= 500 && !refusals.includes(a.status));
    if (errors.length) {
      problems.push(
        `${errors.length} decisions answered ${[...new Set(errors.map((a) => a.status))].join('/')} instead of ${refusals.join(' or ')}, ` +
          `e.g. ${errors[0].detail}`,
      );
    }

    const failed = [...statuses.values()].filter((s) => s !== 'COMPLETED' && s !== 'RUNNING');
    if (failed.length) problems.push(`${failed.length} workflows ended otherwise than completed: ${failed.join(', ')}`);

    return { fault, flows: flows.length, completed: completed.length, lost, duplicates, problems, notes: [] };
  } finally {
    await db.end();
  }
}

/** The one table of the run. */
export function formatTable(results: FaultResult[]): string {
  const header = ['fault', 'flows', 'completed', 'lost', 'duplicates'];
  const body = results.map((r) => [
    r.fault,
    String(r.flows),
    String(r.completed),
    String(r.lost),
    String(r.duplicates),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(header), rule, ...body.map(line)].join('\n');
}
