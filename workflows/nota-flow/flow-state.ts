import { upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { NotaStage, NotaStatus } from '@notaflow/domain';
import {
  notaFlowSearchAttributes,
  type DecideResult,
  type FlowSnapshot,
  type FlowTask,
  type NewVersionInput,
  type NotaFlowInput,
  type OpenedTask,
  type Transition,
  type TransitionEvent,
  type WithdrawInput,
} from '@notaflow/temporal';
import { activities } from './activities';
import { keepsSearchAttributes } from './patches';

/** A step as the flow describes it; the recording numbers its events and adds the ids and the time. */
export type TransitionInput = Omit<Transition, 'workflowId' | 'notaId' | 'at' | 'events'> & {
  events: Omit<TransitionEvent, 'seq'>[];
};

/** What the flow knows of its nota, as its Query and its Updates' answers show it, and how it records a step. */
export class FlowState {
  status: NotaStatus = 'in_review';
  stage: NotaStage | null = null;
  version: number;
  /** The SHA-256 of the current version's nota document: what every decision must have been given on. */
  documentSha256: string | undefined;
  /** True once the flow first waits for people: its first tasks are open. */
  started = false;
  /** True while the flow waits for people; false while it works through what they said. */
  waiting = false;
  readonly open = new Map<string, FlowTask>();
  withdrawal: WithdrawInput | undefined;
  pendingVersion: NewVersionInput | undefined;
  /** Ministries that approved the current version (all versions, when the route does not ask re-approval). */
  readonly approvedBy = new Set<string>();
  private seq = 0;

  constructor(readonly input: NotaFlowInput) {
    this.version = input.version;
    this.documentSha256 = input.documentSha256;
  }

  setState(status: NotaStatus, stage: NotaStage | null): void {
    const entered = stage !== null && stage !== this.stage;
    this.status = status;
    this.stage = stage;
    if (entered && keepsSearchAttributes()) upsertSearchAttributes(notaFlowSearchAttributes(this.input, stage));
  }

  nota(): DecideResult['nota'] {
    return { status: this.status, stage: this.stage, version: this.version };
  }

  snapshot(): FlowSnapshot {
    return {
      status: this.status,
      stage: this.stage,
      version: this.version,
      ...(this.documentSha256 ? { documentSha256: this.documentSha256 } : {}),
      openTasks: [...this.open.values()],
    };
  }

  /** Writes one step to PostgreSQL, its events numbered in the order the flow took them, at workflow time. */
  async transition(step: TransitionInput): Promise<OpenedTask[]> {
    const events = step.events.map((event) => ({ ...event, seq: ++this.seq }));
    const { opened } = await activities.recordTransition({
      ...step,
      events,
      workflowId: workflowInfo().workflowId,
      notaId: this.input.notaId,
      at: new Date().toISOString(),
    });
    return opened;
  }
}
