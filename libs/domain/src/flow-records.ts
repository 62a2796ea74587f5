import type { NotaStage, NotaStatus } from './nota';
import type { FlowEventType } from './vocabulary';

/**
 * What one step of a flow leaves in the registry, as the flow sends it and the registry writes it: the flow's
 * activity contract and the transition repository both speak these shapes.
 */

/** One entry of a nota's event log, numbered by the flow so that a retried step writes it once. */
export interface FlowEventRecord {
  seq: number;
  type: FlowEventType;
  actor?: string | null;
  organisation?: string | null;
  stage?: NotaStage | null;
  taskId?: string | null;
  decision?: string | null;
  remarks?: string | null;
  /** For a decision: the SHA-256 of the nota document its holder saw. */
  seenSha256?: string | null;
  data?: Record<string, unknown>;
}

/** A task the step closes: decided, or cancelled with the stage it belonged to. */
export interface TaskClosing {
  id: string;
  status: 'done' | 'cancelled';
  decision?: string;
  decidedBy?: string;
  remarks?: string | null;
  /** The SHA-256 of the nota document the decision was given on. */
  seenSha256?: string | null;
}

/** A personal task handed on: its new holder. Its due date stays. */
export interface TaskReassignment {
  id: string;
  assignee: string;
}

/** The nota's state after the step, where it changed. */
export interface NotaStateChange {
  status?: NotaStatus;
  stage?: NotaStage | null;
  version?: number;
  submittedAt?: string;
  dispatchedAt?: string;
}
