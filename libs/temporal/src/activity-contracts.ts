import type {
  DeadlineStatus,
  FlowEventType,
  NotaStage,
  NotaStatus,
  NotificationKind,
  TaskIdentity,
} from '@notaflow/domain';
import type { DeadlineSchedule } from './deadline-watch.definitions';

/**
 * What workflows and activities agree on: the activities each workflow calls, with their inputs and results. The
 * workflows import these types only, never the activities; the activities implement them (`satisfies`).
 */

export interface TransitionEvent {
  seq: number;
  type: FlowEventType;
  actor?: string | null;
  organisation?: string | null;
  stage?: NotaStage | null;
  taskId?: string | null;
  decision?: string | null;
  remarks?: string | null;
  data?: Record<string, unknown>;
}

export interface TaskToOpen extends TaskIdentity {
  /** Due this many working days after opening; or, for the ministerraad, on the meeting day. */
  slaWorkingDays?: number;
  meetingOn?: string;
  reminderWorkingDaysBefore: number;
}

export interface OpenedTask {
  id: string;
  createdAt: string;
  dueAt: string;
  remindAt: string | null;
  meetingOn: string | null;
}

export interface TaskToClose {
  id: string;
  status: 'done' | 'cancelled';
  decision?: string;
  decidedBy?: string;
  remarks?: string | null;
}

/**
 * One step of a flow, written in one transaction: its events, the nota's new state and the tasks it opens
 * and closes. Every part is idempotent, so a retried activity changes nothing twice.
 */
export interface Transition {
  workflowId: string;
  notaId: string;
  /** Workflow time of the step: the same on every retry. */
  at: string;
  events: TransitionEvent[];
  nota?: {
    status?: NotaStatus;
    stage?: NotaStage | null;
    version?: number;
    submittedAt?: string;
    dispatchedAt?: string;
  };
  open?: TaskToOpen[];
  close?: TaskToClose[];
  newVersion?: { version: number; note: string | null; createdBy: string };
}

/** A notification to record and email, worded by the workflow. */
export interface WordedNotification {
  key: string;
  kind: NotificationKind;
  recipientOrganisation: string;
  recipientUsername: string | null;
  notaId?: string | null;
  taskId?: string | null;
  subject: string;
  body: string;
}

/** The activities of the approval flow (workflows/nota-flow). */
export interface NotaFlowActivities {
  recordTransition(step: Transition): Promise<{ opened: OpenedTask[] }>;
  /** The first ministerraad meeting after a meeting day and after a moment (its Amsterdam day), whichever is later. */
  nextMinisterraadMeeting(after: { afterInstant?: string; afterDate?: string }): Promise<string>;
  notify(notification: WordedNotification): Promise<void>;
}

/** The activities of the deadline watch (workflows/deadline-watch.workflow.ts). */
export interface DeadlineWatchActivities {
  deadlineSchedule(input: { deadlineId: string; now: string }): Promise<DeadlineSchedule>;
  remindOfDeadline(input: { deadlineId: string; dueOn: string; leadWorkingDays: number; at: string }): Promise<boolean>;
  closeOverdueDeadline(input: { deadlineId: string; dueOn: string; at: string }): Promise<DeadlineStatus>;
}

/** The activity of the wiring probe (workflows/ping.workflow.ts). */
export interface PingActivities {
  databaseTime(): Promise<string>;
}
