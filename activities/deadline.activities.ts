import {
  addWorkingDays,
  amsterdamEndOfDayInstant,
  previousWorkingDayOnOrBefore,
  toAmsterdamDate,
  type IsoDate,
  type WorkingDayCalendar,
} from '@notaflow/calendar';
import type { DeadlineStatus } from '@notaflow/domain';
import { CalendarRepository, DeadlineRepository, type DeadlineEntity } from '@notaflow/persistence';
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
 * it is missed, when the due day has ended in The Hague. The miss is always listed, also when it has passed. Working
 * days skip the days `calendar` equates with a holiday.
 */
export function deadlineAlerts(
  dueOn: IsoDate,
  leadWorkingDays: readonly number[],
  now: string,
  calendar?: WorkingDayCalendar,
): DeadlineAlert[] {
  const missedAt = new Date(amsterdamEndOfDayInstant(dueOn).getTime() + 1);
  const reminders = [...new Set(leadWorkingDays)]
    .map((lead) => {
      const on = lead === 0 ? previousWorkingDayOnOrBefore(dueOn, calendar) : addWorkingDays(dueOn, -lead, calendar);
      return { kind: 'reminder' as const, leadWorkingDays: lead, at: reminderInstant(on) };
    })
    .filter(({ at }) => at.getTime() > Date.parse(now) && at < missedAt)
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map((reminder) => ({ ...reminder, at: reminder.at.toISOString() }));
  return [...reminders, { kind: 'missed', at: missedAt.toISOString() }];
}

export function createDeadlineActivities({ dataSource, mailer, deadlineWatches, webAppUrl }: ActivityDeps) {
  const deadlines = new DeadlineRepository(dataSource);
  const calendarData = new CalendarRepository(dataSource);
  const find = async (deadlineId: string, from = deadlines, lock = false): Promise<DeadlineEntity> => {
    const row = await from.find(deadlineId, { lock });
    // A watch for a deadline that does not exist will not heal by retrying: it fails, visibly.
    if (!row) throw ApplicationFailure.nonRetryable(`no deadline ${deadlineId}`, 'DeadlineNotFound');
    return row;
  };

  return {
    /**
     * The deadline as PostgreSQL holds it now, and the reminders and miss still to come. One without a date has
     * nothing to come: its watch ends, and is started again once the deadline is dated (an anchor's event added).
     */
    async deadlineSchedule({ deadlineId, now }: { deadlineId: string; now: string }): Promise<DeadlineSchedule> {
      const deadline = await find(deadlineId);
      const { dueOn } = deadline;
      if (deadline.status !== 'open' || dueOn === null) return { status: deadline.status, dueOn, alerts: [] };
      const done = await deadlines.reminderKeys(deadlineId);
      const calendar = await calendarData.workingDayCalendar();
      const alerts = deadlineAlerts(dueOn, deadline.reminderLeadWorkingDays, now, calendar).filter(
        (alert) => alert.kind === 'missed' || !done.has(deadlineReminderKey(deadlineId, dueOn, alert.leadWorkingDays)),
      );
      return { status: 'open', dueOn, alerts };
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
      const dated = { ...deadline, dueOn: input.dueOn };
      const days = input.leadWorkingDays;
      const notificationId = await recordNotification(
        dataSource.manager,
        {
          key: deadlineReminderKey(deadline.id, input.dueOn, days),
          kind: 'deadline_reminder',
          recipientOrganisation: deadline.organisation,
          recipientUsername: null,
          notaId: deadline.notaId,
          deadlineId: deadline.id,
          ...deadlineReminderMessage(dated, days, webAppUrl),
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
      const outcome = await deadlines.transaction(async (locked, db) => {
        const deadline = await find(input.deadlineId, locked, true);
        if (deadline.status !== 'open' || deadline.dueOn !== input.dueOn) {
          return deadline.status;
        }
        const dispatchedAt = deadline.notaId ? await locked.dispatchedAt(deadline.notaId) : null;
        const met = dispatchedAt && toAmsterdamDate(dispatchedAt) <= input.dueOn;
        const closed = await locked.close(deadline.id, met ? 'met' : 'missed', new Date(input.at));
        if (!met) {
          await recordNotification(
            db,
            {
              key: deadlineMissedKey(deadline.id, input.dueOn),
              kind: 'deadline_missed',
              recipientOrganisation: deadline.organisation,
              recipientUsername: null,
              notaId: deadline.notaId,
              deadlineId: deadline.id,
              ...deadlineMissedMessage({ ...deadline, dueOn: input.dueOn }, webAppUrl),
              at: input.at,
            },
            Boolean(mailer),
          );
        }
        return closed?.status ?? deadline.status;
      });
      // After the commit, and again on a retry whose first attempt committed: what is owed is found, not remembered.
      const missed = await deadlines.notificationId(deadlineMissedKey(input.deadlineId, input.dueOn));
      if (missed && mailer) await deliverEmails(dataSource, mailer, missed);
      await deadlineWatches.ensure(await deadlines.unwatchedNextOccurrences(input.deadlineId));
      return outcome;
    },
  };
}
