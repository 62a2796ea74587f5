import {
  addWorkingDays,
  amsterdamEndOfDayInstant,
  nextMinisterraad,
  toAmsterdamDate,
  type IsoDate,
  type WorkingDayCalendar,
} from '@notaflow/calendar';
import { CalendarRepository } from '@notaflow/persistence';
import type { OpenedTask, TaskToOpen, Transition } from '@notaflow/temporal';
import { ApplicationFailure } from '@temporalio/activity';
import type { ActivityDeps } from './create-activities';
import { reminderInstant } from './office-hours';

/**
 * When a task opened at `at` is due and when its holder is reminded, in working days (Europe/Amsterdam) that skip
 * the days `calendar` equates with a holiday.
 */
export function taskDates(task: TaskToOpen, at: string, calendar?: WorkingDayCalendar): Omit<OpenedTask, 'id'> {
  const openedOn = toAmsterdamDate(at);
  const dueOn = task.meetingOn ?? addWorkingDays(openedOn, task.slaWorkingDays ?? 0, calendar);
  const dueAt = amsterdamEndOfDayInstant(dueOn);
  const remindOn = addWorkingDays(dueOn, -task.reminderWorkingDaysBefore, calendar);
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

export function createFlowActivities({ dataSource, deadlineWatches, transitions }: ActivityDeps) {
  // The calendar data an administrator keeps, read fresh for each step: a correction applies to the next task.
  const calendarData = new CalendarRepository(dataSource);
  return {
    /**
     * Writes one step of a flow in one transaction. Events are keyed by (workflow id, seq) and tasks by their
     * id, so a retry after a crash or a timeout writes nothing twice and returns the dates stored the first time.
     */
    async recordTransition(step: Transition): Promise<{ opened: OpenedTask[] }> {
      const calendar = step.open?.length ? await calendarData.workingDayCalendar() : undefined;
      const open = step.open?.map((task) => ({ ...task, ...taskDates(task, step.at, calendar) }));
      const opened = await refuseIntegrityViolations(() => transitions.record({ ...step, open }));
      if (step.nota?.dispatchedAt) {
        // The watches of the deadlines the dispatch met stop, and their next occurrences get theirs; read after the
        // commit, so a retry finds them again and none is left out.
        await deadlineWatches.ensure(await transitions.deadlinesOfDispatch(step.notaId));
      }
      return { opened };
    },

    /** The first ministerraad meeting after a meeting day and after a moment (its Amsterdam day), whichever is later. */
    async nextMinisterraadMeeting(after: { afterInstant?: string; afterDate?: IsoDate }): Promise<IsoDate> {
      const today = toAmsterdamDate(after.afterInstant ?? new Date().toISOString());
      // Breaks, extra and moved meetings are administrator-maintained data, read fresh each time.
      const calendar = await calendarData.ministerraadCalendar();
      return nextMinisterraad(after.afterDate && after.afterDate > today ? after.afterDate : today, calendar);
    },
  };
}
