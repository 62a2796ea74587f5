import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import {
  deadlineChangedSignal,
  deadlineScheduleQuery,
  type DeadlineSchedule,
  type DeadlineWatchActivities,
  type DeadlineWatchInput,
  type DeadlineWatchOutcome,
} from '@notaflow/temporal';

// No maximum attempts: through a database or mail server outage the watch waits and retries, it never fails.
const activities = proxyActivities<DeadlineWatchActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * Watches one open Kamer deadline: reminders at their lead times in working days, and at the end of the due day
 * the deadline is closed as missed (or met, when its nota went to the Kamer in time). The dates live in PostgreSQL
 * and are computed by an activity; this workflow only sleeps until them. A `deadlineChanged` signal (a granted
 * postponement, say) makes it read the deadline again, so the running watch moves its timers instead of a second
 * one being started. Each alert re-checks the deadline in its activity, so a lost signal only delays the change.
 */
export async function deadlineWatchWorkflow({ deadlineId }: DeadlineWatchInput): Promise<DeadlineWatchOutcome> {
  let changed = false;
  let schedule: DeadlineSchedule | null = null;
  setHandler(deadlineChangedSignal, () => {
    changed = true;
  });
  setHandler(deadlineScheduleQuery, () => schedule);

  for (;;) {
    // Cleared before reading, so a change that lands while the activity runs is read on the next round.
    changed = false;
    schedule = await activities.deadlineSchedule({ deadlineId, now: new Date().toISOString() });
    const [next] = schedule.alerts;
    const { dueOn } = schedule;
    // A deadline without a date has nothing to wait for: its watch is started again once it is dated.
    if (schedule.status !== 'open' || !next || dueOn === null) return { status: schedule.status };

    const wait = Date.parse(next.at) - Date.now();
    if (wait > 0 && (await condition(() => changed, wait))) continue;

    if (next.kind === 'reminder') {
      await activities.remindOfDeadline({
        deadlineId,
        dueOn,
        leadWorkingDays: next.leadWorkingDays,
        at: new Date().toISOString(),
      });
    } else {
      await activities.closeOverdueDeadline({ deadlineId, dueOn, at: new Date().toISOString() });
    }
  }
}
