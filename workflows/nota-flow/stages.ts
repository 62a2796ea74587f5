import type { CoSigningStage, InitiallingStage, NotaStage, StageTemplate, TaskType } from '@notaflow/domain';
import type { Transition } from '@notaflow/temporal';
import { activities } from './activities';
import type { QueuedDecision } from './decision-queue';
import type { FlowState, TransitionInput } from './flow-state';

/** The ministerraad secretariat sits at Algemene Zaken. */
const MINISTERRAAD_ORGANISATION = 'AZ';

export type StageOutcome =
  | { kind: 'approved' }
  | { kind: 'rejected' }
  | { kind: 'withdrawn' }
  | { kind: 'changes_requested'; resumeAt: Position };

export interface Position {
  stageIndex: number;
  /** Within initialling: the reviewer to resume at. */
  reviewerIndex: number;
}

export interface TaskSpec {
  type: TaskType;
  organisation: string;
  assignee: string | null;
  slaWorkingDays?: number;
  meetingOn?: string;
  reminderWorkingDaysBefore: number;
}

/** What a decision brings besides closing its task, written in the same step. */
export interface Consequences {
  events?: TransitionInput['events'];
  nota?: Transition['nota'];
  /** Every other open task is cancelled (a rejection, requested changes). */
  closeOthers?: boolean;
  after?: () => void;
}

/** What the stages ask of the run loop. */
export interface StageRunner {
  readonly state: FlowState;
  openTasks(stage: NotaStage, entering: boolean, specs: TaskSpec[]): Promise<void>;
  /** The next decision to apply, once the flow has answered the ones before; or the withdrawal. */
  nextDecision(): Promise<QueuedDecision | 'withdrawn'>;
  /** Closes the decided task with its consequences, and answers the decision once the flow waits again. */
  takeDecision(queued: QueuedDecision, consequences?: Consequences): Promise<void>;
}

/** Runs one stage of the route from `position` until it is approved, or ends the flow or asks for changes. */
export function runStage(flow: StageRunner, stage: StageTemplate, position: Position): Promise<StageOutcome> {
  const { organisation } = flow.state.input;
  switch (stage.stage) {
    case 'initialling':
      return runInitialling(flow, stage, position);
    case 'decision':
      return runSingleTask(flow, stage.stage, position, {
        type: 'decide',
        organisation,
        assignee: stage.decider,
        slaWorkingDays: stage.slaWorkingDays,
        reminderWorkingDaysBefore: stage.reminderWorkingDaysBefore,
      });
    case 'co-signing':
      return runCoSigning(flow, stage, position);
    case 'ministerraad':
      return runMinisterraad(flow, position);
    case 'dispatch':
      return runSingleTask(flow, stage.stage, position, {
        type: 'dispatch',
        organisation,
        assignee: null,
        slaWorkingDays: stage.slaWorkingDays,
        reminderWorkingDaysBefore: stage.reminderWorkingDaysBefore,
      });
  }
}

/** The reviewers one after the other, from the one to resume at. */
async function runInitialling(flow: StageRunner, stage: InitiallingStage, position: Position): Promise<StageOutcome> {
  for (let r = position.reviewerIndex; r < stage.reviewers.length; r++) {
    await flow.openTasks(stage.stage, r === position.reviewerIndex, [
      {
        type: 'initial',
        organisation: flow.state.input.organisation,
        assignee: stage.reviewers[r],
        slaWorkingDays: stage.slaWorkingDays,
        reminderWorkingDaysBefore: stage.reminderWorkingDaysBefore,
      },
    ]);
    const outcome = await awaitDecisionOutcome(flow, { ...position, reviewerIndex: r });
    if (outcome) return outcome;
  }
  return { kind: 'approved' };
}

async function runSingleTask(
  flow: StageRunner,
  stage: NotaStage,
  position: Position,
  task: TaskSpec,
): Promise<StageOutcome> {
  await flow.openTasks(stage, true, [task]);
  return (await awaitDecisionOutcome(flow, position)) ?? { kind: 'approved' };
}

/** One task per ministry at once; a ministry that approved an earlier version is not asked again unless required. */
async function runCoSigning(flow: StageRunner, stage: CoSigningStage, position: Position): Promise<StageOutcome> {
  const pending = stage.ministries.filter((ministry) => !flow.state.approvedBy.has(ministry));
  await flow.openTasks(
    stage.stage,
    true,
    pending.map((organisation) => ({
      type: 'co-sign' as const,
      organisation,
      assignee: null,
      // A ministry's own term when the route gives one. Flows started before routes could give one have no such
      // terms in their input, so they open the very tasks they opened before: nothing for replay to notice.
      slaWorkingDays: stage.slaWorkingDaysByMinistry?.[organisation] ?? stage.slaWorkingDays,
      reminderWorkingDaysBefore: stage.reminderWorkingDaysBefore,
    })),
  );
  while (flow.state.open.size > 0) {
    const outcome = await awaitDecisionOutcome(flow, position);
    if (outcome) return outcome;
  }
  return { kind: 'approved' };
}

/** On the agenda of the next meeting; a hold moves it to a later one, as often as the secretariat holds it. */
async function runMinisterraad(flow: StageRunner, position: Position): Promise<StageOutcome> {
  let meetingOn = await activities.nextMinisterraadMeeting({ afterInstant: new Date().toISOString() });
  let entering = true;
  for (;;) {
    await flow.openTasks('ministerraad', entering, [
      {
        type: 'ministerraad',
        organisation: MINISTERRAAD_ORGANISATION,
        assignee: null,
        meetingOn,
        reminderWorkingDaysBefore: 1,
      },
    ]);
    entering = false;
    const queued = await flow.nextDecision();
    if (queued === 'withdrawn') return { kind: 'withdrawn' };
    const { decision, nextMeeting } = queued.input;
    if (decision === 'hold') {
      await flow.takeDecision(queued);
      // Held over to the next meeting after the held one, and never to one that has passed meanwhile.
      meetingOn =
        nextMeeting ??
        (await activities.nextMinisterraadMeeting({ afterDate: meetingOn, afterInstant: new Date().toISOString() }));
      continue;
    }
    return (await applyDecision(flow, queued, position)) ?? { kind: 'approved' };
  }
}

/** Waits for the next decision and applies it; undefined means "approved, carry on". */
async function awaitDecisionOutcome(flow: StageRunner, position: Position): Promise<StageOutcome | undefined> {
  const queued = await flow.nextDecision();
  if (queued === 'withdrawn') return { kind: 'withdrawn' };
  return applyDecision(flow, queued, position);
}

/** An approval closes the task (a dispatch also the flow); a rejection or requested changes close the stage. */
async function applyDecision(
  flow: StageRunner,
  queued: QueuedDecision,
  position: Position,
): Promise<StageOutcome | undefined> {
  const { decision } = queued.input;
  const task = flow.state.open.get(queued.input.taskId)!;
  if (decision === 'approve') {
    if (task.type === 'co-sign') flow.state.approvedBy.add(task.organisation);
    if (task.type === 'dispatch') {
      await flow.takeDecision(queued, {
        events: [{ type: 'dispatched', actor: queued.input.actor.username, organisation: task.organisation }],
        nota: { status: 'dispatched', stage: 'done', dispatchedAt: new Date().toISOString() },
        after: () => flow.state.setState('dispatched', 'done'),
      });
      return { kind: 'approved' };
    }
    await flow.takeDecision(queued);
    return undefined;
  }
  const ending = decision === 'reject' ? 'rejected' : 'changes_requested';
  await flow.takeDecision(queued, {
    events: [{ type: ending, actor: queued.input.actor.username, organisation: queued.input.actor.organisation }],
    nota: { status: ending },
    closeOthers: true,
    after: () => flow.state.setState(ending, flow.state.stage),
  });
  return ending === 'rejected' ? { kind: 'rejected' } : { kind: 'changes_requested', resumeAt: position };
}
