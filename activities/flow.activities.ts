import {
  addWorkingDays,
  amsterdamEndOfDayInstant,
  nextMinisterraad,
  toAmsterdamDate,
  type IsoDate,
} from '@notaflow/calendar';
import { meetDeadlinesOfDispatchedNota } from '@notaflow/persistence';
import type { OpenedTask, TaskToOpen, Transition } from '@notaflow/temporal';
import { ApplicationFailure } from '@temporalio/activity';
import type { ActivityDeps } from './create-activities';
import { reminderInstant } from './office-hours';

/** When a task opened at `at` is due and when its holder is reminded, in working days (Europe/Amsterdam). */
export function taskDates(task: TaskToOpen, at: string): Omit<OpenedTask, 'id'> {
  const openedOn = toAmsterdamDate(at);
  const dueOn = task.meetingOn ?? addWorkingDays(openedOn, task.slaWorkingDays ?? 0);
  const dueAt = amsterdamEndOfDayInstant(dueOn);
  const remindOn = addWorkingDays(dueOn, -task.reminderWorkingDaysBefore);
  const remindAt = reminderInstant(remindOn);
  return {
    createdAt: at,
    dueAt: dueAt.toISOString(),
    remindAt: remindAt.getTime() > Date.parse(at) && remindAt < dueAt ? remindAt.toISOString() : null,
    meetingOn: task.meetingOn ?? null,
  };
}

/**
 * A broken constraint (a task for an unknown user, say) will not heal by retrying: it fails the activity for good,
 * visibly, instead of retrying forever. Connection and other transient errors are retried.
 */
async function refuseIntegrityViolations<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('23')) {
      throw ApplicationFailure.nonRetryable(
        `integrity violation ${code}: ${(error as Error).message}`,
        'IntegrityViolation',
      );
    }
    throw error;
  }
}

export function createFlowActivities({ dataSource, deadlineWatches }: ActivityDeps) {
  return {
    /**
     * Writes one step of a flow in one transaction. Events are keyed by (workflow id, seq) and tasks by their
     * id, so a retry after a crash or a timeout writes nothing twice and returns the dates stored the first time.
     */
    async recordTransition(step: Transition): Promise<{ opened: OpenedTask[] }> {
      const recorded = await refuseIntegrityViolations(() =>
        dataSource.transaction(async (db) => {
          for (const event of step.events) {
            await db.query(
              `INSERT INTO flow_events (workflow_id, seq, nota_id, at, type, actor, organisation, stage, task_id, decision, remarks, data)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
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
              ],
            );
          }
          if (step.newVersion) {
            await db.query(
              `INSERT INTO nota_versions (nota_id, version, note, created_by, created_at) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (nota_id, version) DO NOTHING`,
              [step.notaId, step.newVersion.version, step.newVersion.note, step.newVersion.createdBy, step.at],
            );
          }
          for (const task of step.close ?? []) {
            await db.query(
              `UPDATE tasks SET status = $2, decision = $3, decided_by = $4, remarks = $5, decided_at = $6
             WHERE id = $1 AND status = 'open'`,
              [task.id, task.status, task.decision ?? null, task.decidedBy ?? null, task.remarks ?? null, step.at],
            );
          }
          const opened: OpenedTask[] = [];
          for (const task of step.open ?? []) {
            const dates = taskDates(task, step.at);
            const [stored] = (await db.query(
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
                dates.meetingOn,
                dates.dueAt,
                dates.remindAt,
                dates.createdAt,
              ],
            )) as { created_at: Date; due_at: Date; remind_at: Date | null; meeting_on: string | null }[];
            opened.push({
              id: task.id,
              createdAt: stored.created_at.toISOString(),
              dueAt: stored.due_at.toISOString(),
              remindAt: stored.remind_at?.toISOString() ?? null,
              meetingOn: stored.meeting_on,
            });
          }
          if (step.nota) {
            const { status, stage, version, submittedAt, dispatchedAt } = step.nota;
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
              await meetDeadlinesOfDispatchedNota(db, step.notaId, toAmsterdamDate(dispatchedAt), new Date(step.at));
            }
          }
          return { opened };
        }),
      );
      if (step.nota?.dispatchedAt) {
        // Their watches stop and next occurrences get theirs; found again on a retry, so none is left out.
        const linked: { id: string }[] = await dataSource.query(
          `SELECT id FROM deadlines WHERE nota_id = $1
           UNION SELECT d.id FROM deadlines d JOIN deadlines p ON d.previous_id = p.id WHERE p.nota_id = $1`,
          [step.notaId],
        );
        await deadlineWatches.ensure(linked.map((row) => row.id));
      }
      return recorded;
    },

    /** The first ministerraad meeting after a meeting day and after a moment (its Amsterdam day), whichever is later. */
    async nextMinisterraadMeeting(after: { afterInstant?: string; afterDate?: IsoDate }): Promise<IsoDate> {
      const today = toAmsterdamDate(after.afterInstant ?? new Date().toISOString());
      // The breaks are administrator-maintained data (calendar_periods), read fresh each time.
      const breaks: { from: IsoDate; to: IsoDate }[] = await dataSource.query(
        `SELECT from_on::text AS "from", to_on::text AS "to" FROM calendar_periods WHERE kind = 'ministerraad_break'`,
      );
      return nextMinisterraad(after.afterDate && after.afterDate > today ? after.afterDate : today, { breaks });
    },
  };
}
