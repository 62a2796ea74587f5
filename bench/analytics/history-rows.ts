import type { FlowEventType, TaskType } from '@notaflow/domain';

/** The rows of a synthetic history, in the tables and columns recordTransition writes; `HistoryWriter` loads them. */

export interface EventRow {
  workflowId: string;
  seq: number;
  notaId: string;
  at: Date;
  type: FlowEventType;
  actor: string | null;
  organisation: string | null;
  stage: string | null;
  taskId: string | null;
  decision: string | null;
  remarks: string | null;
  data: string | null;
}

export interface TaskRow {
  id: string;
  notaId: string;
  workflowId: string;
  type: TaskType;
  stage: string;
  organisation: string;
  assignee: string | null;
  status: 'open' | 'done' | 'cancelled';
  version: number;
  meetingOn: string | null;
  dueAt: Date;
  remindAt: Date | null;
  createdAt: Date;
  decidedAt: Date | null;
  decidedBy: string | null;
  decision: string | null;
}

export interface NotaRow {
  id: string;
  onsKenmerk: string;
  title: string;
  dossier: string;
  organisation: string;
  createdBy: string;
  route: string;
  status: string;
  stage: string | null;
  version: number;
  workflowId: string;
  submittedAt: Date;
  dispatchedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface VersionRow {
  notaId: string;
  version: number;
  createdBy: string;
  createdAt: Date;
}

export interface Batch {
  notas: NotaRow[];
  versions: VersionRow[];
  events: EventRow[];
  tasks: TaskRow[];
}
