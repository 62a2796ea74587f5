import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { DeadlineStatus } from '@notaflow/domain';

export const DEADLINE_WATCH_WORKFLOW = 'deadlineWatchWorkflow';

/** One watch per deadline: the id is derived from it, so starting it again only signals the running one. */
export function deadlineWatchId(deadlineId: string): string {
  return `deadline-${deadlineId}`;
}

export interface DeadlineWatchInput {
  deadlineId: string;
}

/** A moment the watch sleeps until, computed by an activity from the deadline as PostgreSQL holds it. */
export type DeadlineAlert = { kind: 'reminder'; leadWorkingDays: number; at: string } | { kind: 'missed'; at: string };

export interface DeadlineSchedule {
  status: DeadlineStatus;
  /** Null while the deadline has no date (then `alerts` is empty). */
  dueOn: string | null;
  /** What is still to come, earliest first; empty once the deadline is closed. */
  alerts: DeadlineAlert[];
}

export interface DeadlineWatchOutcome {
  status: DeadlineStatus;
}

/**
 * The deadline changed in PostgreSQL (postponed, closed, its reminders changed): the watch reads it again and
 * moves its timers. It carries nothing, so a lost or doubled signal can do no harm: the database is the truth.
 */
export const deadlineChangedSignal = defineSignal('deadlineChanged');
export const deadlineScheduleQuery = defineQuery<DeadlineSchedule | null>('schedule');
