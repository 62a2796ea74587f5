import type { FlowEventType, NotaStage, NotaStatus, TaskIdentity } from '@notaflow/domain';

export type { FlowEventType } from '@notaflow/domain';

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
