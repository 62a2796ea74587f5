import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor, Decision, NotaStage, NotaStatus, RouteTemplate, TaskIdentity } from '@notaflow/domain';

export const NOTA_FLOW_WORKFLOW = 'notaFlowWorkflow';

/** One flow per nota: the id is derived from the nota, so a nota can never be started twice. */
export function notaWorkflowId(notaId: string): string {
  return `nota-${notaId}`;
}

export interface NotaFlowInput {
  notaId: string;
  onsKenmerk: string;
  title: string;
  /** The organisation of the drafter who registered the nota: it dispatches and may withdraw. */
  organisation: string;
  submittedBy: string;
  version: number;
  route: RouteTemplate;
}

export interface FlowTask extends TaskIdentity {
  createdAt: string;
  dueAt: string;
  remindAt: string | null;
  meetingOn: string | null;
}

export interface FlowSnapshot {
  status: NotaStatus;
  stage: NotaStage | null;
  version: number;
  openTasks: FlowTask[];
}

export interface DecideInput {
  taskId: string;
  actor: Actor;
  decision: Decision;
  remarks?: string;
  /** Only for a ministerraad `hold`: the meeting to hold the stuk over to. */
  nextMeeting?: string;
}

export interface DecideResult {
  task: FlowTask & { status: 'done'; decision: Decision; remarks: string | null; decidedBy: string; decidedAt: string };
  nota: { status: NotaStatus; stage: NotaStage | null; version: number };
}

export interface NewVersionInput {
  actor: Actor;
  note?: string;
}

export interface WithdrawInput {
  actor: Actor;
  reason: string;
}

export interface FlowOutcome {
  status: NotaStatus;
}

/** Resolves once the flow has recorded its start, so the caller reads a consistent state afterwards. */
export const startedUpdate = defineUpdate<FlowSnapshot>('started');
export const decideUpdate = defineUpdate<DecideResult, [DecideInput]>('decide');
export const newVersionUpdate = defineUpdate<FlowSnapshot, [NewVersionInput]>('newVersion');
export const withdrawUpdate = defineUpdate<FlowSnapshot, [WithdrawInput]>('withdraw');
export const snapshotQuery = defineQuery<FlowSnapshot>('snapshot');
