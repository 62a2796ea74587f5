import {
  addWorkingDays,
  amsterdamEndOfDayInstant,
  previousWorkingDayOnOrBefore,
  toAmsterdamDate,
  type IsoDate,
} from '@notaflow/calendar';
import type { DeadlineKind, DeadlineStatus } from '@notaflow/domain';
import { closeDeadline } from '@notaflow/persistence';
import type { DeadlineAlert, DeadlineSchedule } from '@notaflow/temporal';
import { ApplicationFailure } from '@temporalio/activity';
import type { ActivityDeps } from './create-activities';
import { deadlineMissedMessage, deadlineReminderMessage } from './messages';
import { deliverEmails, recordNotification } from './notifications';
import { reminderInstant } from './office-hours';

export function deadlineReminderKey(deadlineId: string, dueOn: IsoDate, leadWorkingDays: number): string {
  return `deadline:${deadlineId}:${dueOn}:reminder:${leadWorkingDays}`;
}

export function deadlineMissedKey(deadlineId: string, dueOn: IsoDate): string {
  return `deadline:${deadlineId}:${dueOn}:missed`;
}

/**
 * What a deadline due on `dueOn` still has coming after `now`: a reminder at 9:00 on each lead time in working days
 * before it (on the due day itself for a lead of 0, or the working day before when that is none), and the moment
 * it is missed, when the due day has ended in The Hague. The miss is always listed, also when it has passed.
 */
export function deadlineAlerts(dueOn: IsoDate, leadWorkingDays: readonly number[], now: string): DeadlineAlert[] {
  const missedAt = new Date(amsterdamEndOfDayInstant(dueOn).getTime() + 1);
  const reminders = [...new Set(leadWorkingDays)]
    .map((lead) => {
      const on = lead === 0 ? previousWorkingDayOnOrBefore(dueOn) : addWorkingDays(dueOn, -lead);
      return { kind: 'reminder' as const, leadWorkingDays: lead, at: reminderInstant(on) };
    })
    .filter(({ at }) => at.getTime() > Date.parse(now) && at < missedAt)
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map((reminder) => ({ ...reminder, at: reminder.at.toISOString() }));
  return [...reminders, { kind: 'missed', at: missedAt.toISOString() }];
}

interface DeadlineRow {
  id: string;
  kind: DeadlineKind;
  title: string;
  status: DeadlineStatus;
  dueOn: IsoDate;
  originalDueOn: IsoDate;
  dossier: string | null;
  organisation: string;
  notaId: string | null;
  leads: number[];
}

const DEADLINE_COLUMNS = `id, kind, title, status, due_on::text AS "dueOn", original_due_on::text AS "originalDueOn",
  dossier, organisation_code AS organisation, nota_id AS "notaId", reminder_lead_working_days AS leads`;

export function createDeadlineActivities({ dataSource, mailer, deadlineWatches, webAppUrl }: ActivityDeps) {
  const find = async (deadlineId: string): Promise<DeadlineRow> => {
    const [row]: DeadlineRow[] = await dataSource.query(`SELECT ${DEADLINE_COLUMNS} FROM deadlines WHERE id = $1`, [
      deadlineId,
    ]);
    // A watch for a deadline that does not exist will not heal by retrying: it fails, visibly.
    if (!row) throw ApplicationFailure.nonRetryable(`no deadline ${deadlineId}`, 'DeadlineNotFound');
    return row;
  };

  return {
    /** The deadline as PostgreSQL holds it now, and the reminders and miss still to come. */
    async deadlineSchedule({ deadlineId, now }: { deadlineId: string; now: string }): Promise<DeadlineSchedule> {
      const deadline = await find(deadlineId);
      if (deadline.status !== 'open') return { status: deadline.status, dueOn: deadline.dueOn, alerts: [] };
      const sent: { dedupe_key: string }[] = await dataSource.query(
        `SELECT dedupe_key FROM notifications WHERE deadline_id = $1 AND kind = 'deadline_reminder'`,
        [deadlineId],
      );
      const done = new Set(sent.map((row) => row.dedupe_key));
      const alerts = deadlineAlerts(deadline.dueOn, deadline.leads, now).filter(
        (alert) =>
          alert.kind === 'missed' || !done.has(deadlineReminderKey(deadlineId, deadline.dueOn, alert.leadWorkingDays)),
      );
      return { status: 'open', dueOn: deadline.dueOn, alerts };
    },

    /**
     * Reminds the deadline's organisation, in-app and by email, once per lead time and due date. Does nothing
     * when the deadline has been closed or moved meanwhile: the watch then reads the new state.
     */
    async remindOfDeadline(input: {
      deadlineId: string;
      dueOn: IsoDate;
      leadWorkingDays: number;
      at: string;
    }): Promise<boolean> {
      const deadline = await find(input.deadlineId);
      if (deadline.status !== 'open' || deadline.dueOn !== input.dueOn) return false;
      const days = input.leadWorkingDays;
      const notificationId = await recordNotification(
        dataSource.manager,
        {
          key: deadlineReminderKey(deadline.id, deadline.dueOn, days),
          kind: 'deadline_reminder',
          recipientOrganisation: deadline.organisation,
          recipientUsername: null,
          notaId: deadline.notaId,
          deadlineId: deadline.id,
          ...deadlineReminderMessage(deadline, days, webAppUrl),
          at: input.at,
        },
        Boolean(mailer),
      );
      if (mailer) await deliverEmails(dataSource, mailer, notificationId);
      return true;
    },

    /**
     * At the end of the due day: met when its nota went to the Kamer on or before the due date, missed otherwise.
     * A recurring deadline gets its next occurrence and that one its own watch. Does nothing when the deadline was
     * closed or moved meanwhile.
     */
    async closeOverdueDeadline(input: { deadlineId: string; dueOn: IsoDate; at: string }): Promise<DeadlineStatus> {
      const outcome = await dataSource.transaction(async (db) => {
        const [deadline]: DeadlineRow[] = await db.query(
          `SELECT ${DEADLINE_COLUMNS} FROM deadlines WHERE id = $1 FOR UPDATE`,
          [input.deadlineId],
        );
        if (!deadline) throw ApplicationFailure.nonRetryable(`no deadline ${input.deadlineId}`, 'DeadlineNotFound');
        if (deadline.status !== 'open' || deadline.dueOn !== input.dueOn) {
          return deadline.status;
        }
        const [nota]: { dispatched_at: Date | null }[] = deadline.notaId
          ? await db.query(`SELECT dispatched_at FROM notas WHERE id = $1`, [deadline.notaId])
          : [];
        const met = nota?.dispatched_at && toAmsterdamDate(nota.dispatched_at) <= deadline.dueOn;
        const closed = await closeDeadline(db, deadline.id, met ? 'met' : 'missed', new Date(input.at));
        if (!met) {
          await recordNotification(
            db,
            {
              key: deadlineMissedKey(deadline.id, deadline.dueOn),
              kind: 'deadline_missed',
              recipientOrganisation: deadline.organisation,
              recipientUsername: null,
              notaId: deadline.notaId,
              deadlineId: deadline.id,
              ...deadlineMissedMessage(deadline, webAppUrl),
              at: input.at,
            },
            Boolean(mailer),
          );
        }
        return closed?.status ?? deadline.status;
      });
      // After the commit, and again on a retry whose first attempt committed: what is owed is found, not remembered.
      const [missed]: { id: string }[] = await dataSource.query(`SELECT id FROM notifications WHERE dedupe_key = $1`, [
        deadlineMissedKey(input.deadlineId, input.dueOn),
      ]);
      if (missed && mailer) await deliverEmails(dataSource, mailer, missed.id);
      const next: { id: string }[] = await dataSource.query(
        `SELECT id FROM deadlines WHERE previous_id = $1 AND status = 'open' AND watched_since IS NULL`,
        [input.deadlineId],
      );
      await deadlineWatches.ensure(next.map((row) => row.id));
      return outcome;
    },
  };
}
