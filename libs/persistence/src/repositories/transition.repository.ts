import type { EntityManager } from 'typeorm';
import { toAmsterdamDate } from '@notaflow/calendar';
import type {
  FlowEventRecord,
  NotaStateChange,
  TaskClosing,
  TaskHolder,
  TaskIdentity,
  TaskReassignment,
} from '@notaflow/domain';
import { managerOf, type Database } from './database';
import { DeadlineRepository } from './deadline.repository';
import { notifyTaskHolders } from './task.repository';

/** When a task opens, is due and its holder is reminded: dates the flow computed, instants in ISO 8601. */
export interface TaskDates {
  createdAt: string;
  dueAt: string;
  remindAt: string | null;
  meetingOn: string | null;
}

export type StoredTask = TaskDates & { id: string };

/** One step of a flow: its events, the tasks it opens and closes, a new version and the nota's new state. */
export interface TransitionRecord {
  workflowId: string;
  notaId: string;
  /** Workflow time of the step: the same on every retry. */
  at: string;
  events: FlowEventRecord[];
  nota?: NotaStateChange;
  open?: (TaskIdentity & TaskDates)[];
  close?: TaskClosing[];
  newVersion?: { version: number; note: string | null; createdBy: string };
  reassign?: TaskReassignment[];
}

/** What the flow writes to the registry: its event log, the task read model and the nota's state. */
export class TransitionRepository {
  private readonly db: EntityManager;

  constructor(db: Database) {
    this.db = managerOf(db);
  }

  /**
   * Writes one step in one transaction. Events are keyed by (workflow id, seq) and tasks by their id, so writing the
   * same step again (a retry after a crash or a timeout) writes nothing twice and answers the tasks as they were
   * stored the first time. A dispatch meets the Kamer deadlines its nota answers, in the same transaction, and the
   * holders of the tasks it opened, closed or handed on are told (NOTIFY) when it commits.
   */
  record(step: TransitionRecord): Promise<StoredTask[]> {
    return this.db.transaction(async (db) => {
      const holders: TaskHolder[] = [];
      for (const event of step.events) await insertEvent(db, step, event);
      if (step.newVersion) {
        await db.query(
          `INSERT INTO nota_versions (nota_id, version, note, created_by, created_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (nota_id, version) DO NOTHING`,
          [step.notaId, step.newVersion.version, step.newVersion.note, step.newVersion.createdBy, step.at],
        );
      }
      for (const task of step.close ?? []) {
        const [closed]: [TaskHolder[], number] = await db.query(
          `UPDATE tasks SET status = $2, decision = $3, decided_by = $4, remarks = $5, decided_at = $6, seen_sha256 = $7
            WHERE id = $1 AND status = 'open'
           RETURNING type, organisation, assignee`,
          [
            task.id,
            task.status,
            task.decision ?? null,
            task.decidedBy ?? null,
            task.remarks ?? null,
            step.at,
            task.seenSha256 ?? null,
          ],
        );
        holders.push(...closed);
      }
      for (const task of step.reassign ?? []) {
        // Both holders' inboxes change: the one who handed the task on and the one who has it now.
        const [handedOn]: [TaskHolder[], number] = await db.query(
          `UPDATE tasks t SET assignee = $2 FROM tasks was
            WHERE t.id = $1 AND was.id = t.id AND t.status = 'open'
           RETURNING t.type, t.organisation, was.assignee`,
          [task.id, task.assignee],
        );
        holders.push(...handedOn, ...handedOn.map((was) => ({ ...was, assignee: task.assignee })));
      }
      const opened: StoredTask[] = [];
      for (const task of step.open ?? []) opened.push(await insertTask(db, step, task));
      // A retry finds its tasks opened already: telling their holders again only costs them a fresh read.
      holders.push(...(step.open ?? []));
      await notifyTaskHolders(db, holders);
      if (step.nota) await updateNota(db, step);
      // Changes were requested on the current version: the next one starts with its documents (API.md, Documents).
      if (step.nota?.status === 'changes_requested') await carryDocumentsOver(db, step.notaId);
      return opened;
    });
  }

  /**
   * The deadlines a dispatch of nota `notaId` concerns: its own and the next occurrences of those, whose watches
   * must learn of it. Read after the step's commit, so a retry finds them again.
   */
  async deadlinesOfDispatch(notaId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM deadlines WHERE nota_id = $1
       UNION SELECT d.id FROM deadlines d JOIN deadlines p ON d.previous_id = p.id WHERE p.nota_id = $1`,
      [notaId],
    );
    return rows.map((row) => row.id);
  }
}

function insertEvent(db: EntityManager, step: TransitionRecord, event: FlowEventRecord): Promise<unknown> {
  return db.query(
    `INSERT INTO flow_events (workflow_id, seq, nota_id, at, type, actor, organisation, stage, task_id, decision,
                              remarks, data, seen_sha256)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     ON CONFLICT (workflow_id, seq) DO NOTHING`,
    [
      step.workflowId,
      event.seq,
      step.notaId,
      step.at,
      event.type,
      event.actor ?? null,
      event.organisation ?? null,
      event.stage ?? null,
      event.taskId ?? null,
      event.decision ?? null,
      event.remarks ?? null,
      event.data ? JSON.stringify(event.data) : null,
      event.seenSha256 ?? null,
    ],
  );
}

/**
 * Copies the documents of the nota's current version into the next, which starts with them; idempotent, so a
 * retried step copies nothing twice. Read from the nota's row, so it is the version the changes were asked on.
 */
async function carryDocumentsOver(db: EntityManager, notaId: string): Promise<void> {
  await db.query(
    `INSERT INTO documents (id, nota_id, nota_version, role, title, file_name, media_type, size, sha256, content,
                            carried_from, created_by, created_at)
     SELECT gen_random_uuid(), d.nota_id, d.nota_version + 1, d.role, d.title, d.file_name, d.media_type, d.size,
            d.sha256, d.content, d.id, d.created_by, d.created_at
       FROM documents d JOIN notas n ON n.id = d.nota_id AND d.nota_version = n.version
      WHERE d.nota_id = $1 AND n.status = 'changes_requested'
     ON CONFLICT (nota_id, nota_version, carried_from) DO NOTHING`,
    [notaId],
  );
}

/** Opens a task, or finds the one a first attempt opened: answers its dates as stored. */
async function insertTask(
  db: EntityManager,
  step: TransitionRecord,
  task: TaskIdentity & TaskDates,
): Promise<StoredTask> {
  const [stored]: { created_at: Date; due_at: Date; remind_at: Date | null; meeting_on: string | null }[] =
    await db.query(
      `INSERT INTO tasks (id, nota_id, workflow_id, type, stage, organisation, assignee, status, version,
                          meeting_on, due_at, remind_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $8, $9, $10, $11, $12)
       ON CONFLICT (id) DO UPDATE SET id = tasks.id
       RETURNING created_at, due_at, remind_at, meeting_on::text`,
      [
        task.id,
        step.notaId,
        step.workflowId,
        task.type,
        task.stage,
        task.organisation,
        task.assignee,
        task.version,
        task.meetingOn,
        task.dueAt,
        task.remindAt,
        task.createdAt,
      ],
    );
  return {
    id: task.id,
    createdAt: stored.created_at.toISOString(),
    dueAt: stored.due_at.toISOString(),
    remindAt: stored.remind_at?.toISOString() ?? null,
    meetingOn: stored.meeting_on,
  };
}

async function updateNota(db: EntityManager, step: TransitionRecord): Promise<void> {
  const { status, stage, version, submittedAt, dispatchedAt } = step.nota ?? {};
  // Only a later step than the one last written moves the nota: a late attempt of an earlier one does not.
  const lastSeq = step.events.length ? Math.max(...step.events.map((e) => e.seq)) : null;
  await db.query(
    `UPDATE notas SET
       status = COALESCE($2, status),
       stage = CASE WHEN $3::boolean THEN $4 ELSE stage END,
       version = COALESCE($5, version),
       submitted_at = COALESCE(submitted_at, $6),
       dispatched_at = COALESCE(dispatched_at, $7),
       workflow_id = COALESCE(workflow_id, $9),
       updated_at = $8,
       flow_seq = COALESCE($10, flow_seq)
     WHERE id = $1 AND ($10::integer IS NULL OR flow_seq IS NULL OR flow_seq < $10)`,
    [
      step.notaId,
      status ?? null,
      stage !== undefined,
      stage ?? null,
      version ?? null,
      submittedAt ?? null,
      dispatchedAt ?? null,
      step.at,
      step.workflowId,
      lastSeq,
    ],
  );
  if (dispatchedAt) {
    // The Kamer deadlines this nota answers are met with it, in the same transaction.
    await new DeadlineRepository(db).meetDeadlinesOfDispatchedNota(
      step.notaId,
      toAmsterdamDate(dispatchedAt),
      new Date(step.at),
    );
  }
}
