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
  /**
   * The SHA-256 of the submitted version's `nota` document: every decision must name it (seenSha256). Absent in
   * flows started before documents existed, which take decisions without it.
   */
  documentSha256?: string;
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
  /** The SHA-256 of the current version's nota document, when the flow knows it. */
  documentSha256?: string;
  openTasks: FlowTask[];
}

export interface DecideInput {
  taskId: string;
  actor: Actor;
  decision: Decision;
  remarks?: string;
  /** Only for a ministerraad `hold`: the meeting to hold the stuk over to. */
  nextMeeting?: string;
  /** The SHA-256 of the nota document the holder read: a decision on another text than the current one is refused. */
  seenSha256?: string;
}

export interface DecideResult {
  task: FlowTask & { status: 'done'; decision: Decision; remarks: string | null; decidedBy: string; decidedAt: string };
  nota: { status: NotaStatus; stage: NotaStage | null; version: number };
}

export interface NewVersionInput {
  actor: Actor;
  note?: string;
  /** The SHA-256 of the new version's `nota` document, sealed by the registry before the flow takes it. */
  documentSha256?: string;
}

/** A personal task handed on to another person; the registry has checked that `to` exists and what it is. */
export interface ReassignInput {
  taskId: string;
  actor: Actor;
  to: Actor;
  reason: string;
}

export interface ReassignResult {
  task: FlowTask;
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
export const reassignUpdate = defineUpdate<ReassignResult, [ReassignInput]>('reassign');
export const withdrawUpdate = defineUpdate<FlowSnapshot, [WithdrawInput]>('withdraw');
export const snapshotQuery = defineQuery<FlowSnapshot>('snapshot');
