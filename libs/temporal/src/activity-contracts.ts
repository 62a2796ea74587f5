import type {
  DeadlineStatus,
  FlowEventRecord,
  NotaStateChange,
  TaskClosing,
  TaskReassignment,
  NotaStage,
  NotificationKind,
  TaskIdentity,
  TaskType,
} from '@notaflow/domain';
import type { DeadlineSchedule } from './deadline-watch.definitions';

/**
 * What workflows and activities agree on: the activities each workflow calls, with their inputs and results. The
 * workflows import these types only, never the activities; the activities implement them (`satisfies`).
 */

/** One entry of the nota's event log, as the flow numbers it. */
export type TransitionEvent = FlowEventRecord;

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

export type TaskToClose = TaskClosing;

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
  nota?: NotaStateChange;
  open?: TaskToOpen[];
  close?: TaskToClose[];
  newVersion?: { version: number; note: string | null; createdBy: string };
  /** Personal tasks handed on, their due dates unchanged. */
  reassign?: TaskReassignment[];
}

export type TaskNotificationKind = Extract<NotificationKind, 'task_assigned' | 'task_reminder' | 'task_escalation'>;

/**
 * What the flow tells its notify activity about a task: facts only. The activity says them in Dutch and links to
 * the nota, so the wording changes without touching the workflow (and without a patch).
 */
export interface TaskNotification {
  /** Unique per notification: a retried activity never records or sends one twice. */
  key: string;
  kind: TaskNotificationKind;
  /** A user; a null username addresses the whole organisation (its functional mailbox). */
  recipient: { organisation: string; username: string | null };
  nota: { id: string; onsKenmerk: string; title: string };
  task: {
    id: string;
    type: TaskType;
    stage: NotaStage;
    /** Who holds the task: the user named, or else anyone entitled in the organisation. */
    organisation: string;
    assignee: string | null;
    /** The instant the task is due (the end of its last day in The Hague). */
    dueAt: string;
    /** For the ministerraad: the meeting the stuk is on. */
    meetingOn: string | null;
  };
}

/**
 * A notification worded by the workflow, as flows of earlier releases sent it: their activities may still be
 * retrying with it after a deploy, so notify keeps taking it.
 */
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

export type NotifyInput = TaskNotification | WordedNotification;

/** The activities of the approval flow (workflows/nota-flow). */
export interface NotaFlowActivities {
  recordTransition(step: Transition): Promise<{ opened: OpenedTask[] }>;
  /** The first ministerraad meeting after a meeting day and after a moment (its Amsterdam day), whichever is later. */
  nextMinisterraadMeeting(after: { afterInstant?: string; afterDate?: string }): Promise<string>;
  notify(notification: NotifyInput): Promise<void>;
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
