import {
  PERSONAL_TASK_ROLES,
  isDecisionAllowed,
  isPersonalTask,
  mayActOnTask,
  mayManageNota,
  mayReassignTask,
  unstorableText,
  type NotaStatus,
} from '@notaflow/domain';
import {
  fieldRefusal,
  type DecideInput,
  type FlowTask,
  type NewVersionInput,
  type NotaFlowRefusal,
  type ReassignInput,
  type WithdrawInput,
} from '@notaflow/temporal';

/**
 * What the flow refuses, as pure functions of its state and an Update's input: null takes it. Validators call them
 * before anything enters history, and handlers call them again, because Updates accepted in one workflow task may
 * interleave. Handlers also run on replay: a change to what these refuse is a change running flows replay, so it
 * goes behind a patch (patches.ts).
 */
export interface RefusalState {
  /** The organisation that registered the nota: its drafters manage it. */
  organisation: string;
  status: NotaStatus;
  openTasks: ReadonlyMap<string, FlowTask>;
  /** Tasks with a decision queued or being applied: a second decision on them is refused at once. */
  deciding: ReadonlySet<string>;
  /**
   * Tasks being handed on: neither decided nor handed on again until the registry has the new holder. Only flows
   * that took a reassign Update have any, so flows recorded before it replay as they ran.
   */
  reassigning?: ReadonlySet<string>;
  withdrawing: boolean;
  newVersionPending: boolean;
  /** The current version's nota document, when the flow was started with one. */
  documentSha256?: string;
}

/**
 * A decision on a task the flow holds open, by its holder, of a kind the task takes, on the text the flow holds.
 * What is wrong with the decision itself is answered before whether its holder saw the current text.
 */
export function refuseDecision(state: RefusalState, input: DecideInput): NotaFlowRefusal | null {
  return refuseDecisionShape(state, input) ?? refuseStaleDecision(state, input);
}

/** A decision seen on another text than the current version's nota document. */
export function refuseStaleDecision(state: RefusalState, input: DecideInput): NotaFlowRefusal | null {
  // Only flows started with a document know its hash: earlier flows, replaying this, take decisions as they did.
  if (state.documentSha256 === undefined || input.seenSha256 === state.documentSha256) return null;
  const version = state.openTasks.get(input.taskId)?.version;
  return {
    kind: 'StaleVersion',
    message: `the decision names ${input.seenSha256 ?? 'no document'}, but version ${version} of the nota is ${state.documentSha256}`,
  };
}

/** A decision on a task the flow holds open, by its holder, of a kind the task takes. */
export function refuseDecisionShape(state: RefusalState, input: DecideInput): NotaFlowRefusal | null {
  const task = state.openTasks.get(input.taskId);
  if (!task || state.withdrawing || state.deciding.has(input.taskId) || state.reassigning?.has(input.taskId)) {
    return { kind: 'TaskNotOpen', message: `task ${input.taskId} is not open` };
  }
  if (!mayActOnTask(task, input.actor)) {
    return { kind: 'TaskNotHolder', message: `${input.actor.username} may not act on this ${task.type} task` };
  }
  if (!isDecisionAllowed(task.type, input.decision)) {
    const reason = `a ${task.type} task does not take "${input.decision}"`;
    return fieldRefusal('DecisionNotAllowed', {
      name: 'decision',
      reason,
      params: { value: String(input.decision), taskType: task.type },
    });
  }
  if (input.nextMeeting !== undefined) {
    const nextMeeting = (reason: string, params?: Record<string, string>) => ({
      name: 'nextMeeting',
      reason,
      ...(params ? { params } : {}),
    });
    if (input.decision !== 'hold') {
      return fieldRefusal(
        'NextMeetingOnlyWithHold',
        nextMeeting('goes only with "hold"'),
        'nextMeeting goes only with "hold"',
      );
    }
    // Not only the API's check: a date the flow cannot plan on would leave the nota with no open task.
    if (!isIsoDay(input.nextMeeting)) {
      const reason = 'must be a day as YYYY-MM-DD';
      return fieldRefusal('NextMeetingNotADay', nextMeeting(reason), `nextMeeting ${reason}`);
    }
    if (task.meetingOn && input.nextMeeting <= task.meetingOn) {
      const reason = `must be after the current meeting of ${task.meetingOn}`;
      return fieldRefusal(
        'NextMeetingNotAfterCurrent',
        nextMeeting(reason, { value: task.meetingOn }),
        `nextMeeting ${reason}`,
      );
    }
  }
  return null;
}

/** A new version, from a drafter of the nota's organisation, once changes were requested. */
export function refuseNewVersion(state: RefusalState, input: NewVersionInput): NotaFlowRefusal | null {
  const unmanaged = refuseUnmanaged(state, input);
  if (unmanaged) return unmanaged;
  if (state.status !== 'changes_requested' || state.newVersionPending || state.withdrawing) {
    return {
      kind: 'NotaNotAwaitingVersion',
      message: `a new version is taken only after changes were requested (status ${state.status})`,
    };
  }
  return null;
}

/** A withdrawal, from a drafter of the nota's organisation, while the flow has not ended. */
export function refuseWithdrawal(state: RefusalState, input: WithdrawInput): NotaFlowRefusal | null {
  const unmanaged = refuseUnmanaged(state, input);
  if (unmanaged) return unmanaged;
  if (state.withdrawing || ['rejected', 'withdrawn', 'dispatched'].includes(state.status)) {
    return { kind: 'NotaClosed', message: `the nota can no longer be withdrawn (status ${state.status})` };
  }
  return null;
}

/** The answer to decisions still queued when the nota is withdrawn. */
export const WITHDRAWN_BEFORE_DECIDED: NotaFlowRefusal = {
  kind: 'TaskNotOpen',
  message: 'the nota has been withdrawn',
};

/**
 * Text the flow's activities could never write (a NUL character, half a surrogate pair): taken in, it would stop
 * the flow at an activity retrying forever. In the validators only, which replay does not run, so flows that took
 * such text before still replay as they ran.
 */
/**
 * A personal task handed on by the person it names or a manager of its organisation, to someone else of the role it
 * names in that organisation. Whether `to` exists the registry has checked: it sends what it knows of them.
 */
export function refuseReassignment(state: RefusalState, input: ReassignInput): NotaFlowRefusal | null {
  const task = state.openTasks.get(input.taskId);
  if (!task || state.withdrawing || state.deciding.has(input.taskId) || state.reassigning?.has(input.taskId)) {
    return { kind: 'TaskNotOpen', message: `task ${input.taskId} is not open` };
  }
  if (!isPersonalTask(task.type)) {
    return { kind: 'TaskNotPersonal', message: `a ${task.type} task is held by its ministry, not by one person` };
  }
  if (!mayReassignTask(task, input.actor)) {
    return { kind: 'TaskNotHolder', message: `${input.actor.username} may not hand this ${task.type} task on` };
  }
  const to = (reason: string, params: Record<string, string>) => ({
    name: 'to',
    reason,
    params: { value: input.to.username, ...params },
  });
  if (input.to.username === task.assignee) {
    return fieldRefusal('ReassignToCurrentHolder', to(`${input.to.username} holds the task already`, {}));
  }
  const role = PERSONAL_TASK_ROLES[task.type];
  if (input.to.role !== role) {
    return fieldRefusal('ReassignWrongRole', to(`${input.to.username} is not a ${role}`, { role }));
  }
  if (input.to.organisation !== task.organisation) {
    return fieldRefusal(
      'ReassignOtherOrganisation',
      to(`${input.to.username} is not of ${task.organisation}`, { organisation: task.organisation }),
    );
  }
  return null;
}

export function refuseUnstorableText(fields: Record<string, string | undefined>): NotaFlowRefusal | null {
  for (const [name, text] of Object.entries(fields)) {
    const reason = text === undefined ? null : unstorableText(text);
    if (reason) return fieldRefusal('UnstorableText', { name, reason }, `${name} ${reason}`);
  }
  return null;
}

function refuseUnmanaged(state: RefusalState, { actor }: { actor: NewVersionInput['actor'] }): NotaFlowRefusal | null {
  if (mayManageNota(actor, state.organisation)) return null;
  return { kind: 'NotaNotManaged', message: `only a drafter of ${state.organisation} manages this nota` };
}

/** An existing day written as YYYY-MM-DD (a Date with an argument is deterministic in a workflow). */
function isIsoDay(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}
