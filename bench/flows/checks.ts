import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { inParallel } from '../support/run';

interface NotaRows {
  id: string;
  status: string;
  stage: string | null;
  dispatched: boolean;
  workflow_id: string | null;
  flow_seq: number | null;
  tasks: { type: string; status: string; decision: string | null; decided_by: string | null; seen: string | null }[];
  events: { seq: number; type: string; seen: string | null }[];
  documents: number;
}

const WANTED_TASKS: Record<string, number> = { initial: 3, decide: 1, 'co-sign': 4, ministerraad: 1, dispatch: 1 };
const WANTED_EVENTS: Record<string, number> = {
  submitted: 1,
  stage_started: 5,
  task_opened: 10,
  task_decided: 10,
  dispatched: 1,
};

function holderOf(task: NotaRows['tasks'][number] & { organisation?: string; assignee?: string | null }): string {
  if (task.assignee) return task.assignee;
  if (task.type === 'co-sign') return `${task.organisation!.toLowerCase()}.signer`;
  if (task.type === 'ministerraad') return 'mr.secretariaat';
  return 'jenv.staff';
}

function count(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

const same = (a: Record<string, number>, b: Record<string, number>) =>
  JSON.stringify(a, Object.keys(a).sort()) === JSON.stringify(b, Object.keys(b).sort());

/**
 * Every product flow's rows in PostgreSQL, as a dispatched nota on the full route must leave them: the nota
 * dispatched, its ten tasks done by their holders on the document's SHA-256, its event log numbered without a gap and
 * with each kind of event as often as the route has it. Answers one line per nota that is not so.
 */
export async function checkProductRows(
  db: DataSource,
  notaIds: string[],
  sha256s: Map<string, string>,
): Promise<string[]> {
  const rows = (await db.query(
    `SELECT n.id, n.status, n.stage, n.dispatched_at IS NOT NULL AS dispatched, n.workflow_id, n.flow_seq,
            (SELECT json_agg(json_build_object('type', t.type, 'status', t.status, 'decision', t.decision,
                    'decided_by', t.decided_by, 'seen', t.seen_sha256, 'organisation', t.organisation,
                    'assignee', t.assignee)) FROM tasks t WHERE t.nota_id = n.id) AS tasks,
            (SELECT json_agg(json_build_object('seq', e.seq, 'type', e.type, 'seen', e.seen_sha256) ORDER BY e.seq)
               FROM flow_events e WHERE e.nota_id = n.id) AS events,
            (SELECT count(*)::int FROM documents d WHERE d.nota_id = n.id AND d.role = 'nota') AS documents
       FROM notas n WHERE n.id = ANY($1::uuid[])`,
    [notaIds],
  )) as NotaRows[];
  const problems: string[] = [];
  const found = new Map(rows.map((r) => [r.id, r]));
  for (const id of notaIds) {
    const nota = found.get(id);
    const sha = sha256s.get(id);
    const wrong = (what: string) => problems.push(`nota ${id}: ${what}`);
    if (!nota) {
      wrong('no row');
      continue;
    }
    if (nota.status !== 'dispatched' || nota.stage !== 'done' || !nota.dispatched)
      wrong(`${nota.status}/${nota.stage}`);
    if (nota.workflow_id !== `nota-${id}`) wrong(`workflow ${nota.workflow_id}`);
    if (nota.documents !== 1) wrong(`${nota.documents} nota documents`);
    const tasks = nota.tasks ?? [];
    if (!same(count(tasks.map((t) => t.type)), WANTED_TASKS))
      wrong(`tasks ${JSON.stringify(count(tasks.map((t) => t.type)))}`);
    for (const task of tasks) {
      if (task.status !== 'done' || task.decision !== 'approve')
        wrong(`a ${task.type} task ${task.status}/${task.decision}`);
      if (task.decided_by !== holderOf(task)) wrong(`a ${task.type} task decided by ${task.decided_by}`);
      if (task.seen !== sha) wrong(`a ${task.type} task decided on ${task.seen}`);
    }
    const events = nota.events ?? [];
    if (events.some((e, i) => e.seq !== i + 1)) wrong('event numbers with a gap');
    if (nota.flow_seq !== events.length) wrong(`flow_seq ${nota.flow_seq} of ${events.length} events`);
    if (!same(count(events.map((e) => e.type)), WANTED_EVENTS))
      wrong(`events ${JSON.stringify(count(events.map((e) => e.type)))}`);
    if (events.some((e) => e.type === 'task_decided' && e.seen !== sha)) wrong('a decision event without the hash');
  }
  return problems;
}

/** Every workflow closed as it should: completed, with the result wanted. */
export async function checkClosed(
  client: Client,
  ids: string[],
  wanted: (result: Record<string, unknown>) => boolean,
): Promise<string[]> {
  const problems: string[] = [];
  await inParallel(ids.length, 8, async (i) => {
    const handle = client.workflow.getHandle(ids[i]);
    // The result first: the last decision is answered before the run closes, so a status read first may say RUNNING.
    const result = (await handle.result()) as Record<string, unknown>;
    const { status } = await handle.describe();
    if (status.name !== 'COMPLETED' || !wanted(result)) {
      problems.push(`workflow ${ids[i]}: ${status.name}, ${JSON.stringify(result)}`);
    }
  });
  return problems;
}
