import { ApplicationFailure } from '@temporalio/workflow';
import type { FieldErrorCode, FieldProblem } from '@notaflow/domain';

/**
 * Why the approval flow refused an Update, one kind per refusal: carried as the type of the ApplicationFailure the
 * validator throws before anything enters history. Clients switch on the kind, never on the message.
 */
export const NOTA_FLOW_STATE_REFUSALS = [
  /** The task is done, cancelled, being decided, unknown to the flow, or the nota is being withdrawn. */
  'TaskNotOpen',
  /** The actor does not hold the task. */
  'TaskNotHolder',
  /** Only a drafter of the nota's own organisation answers with a new version or withdraws it. */
  'NotaNotManaged',
  /** A new version is taken only after changes were requested. */
  'NotaNotAwaitingVersion',
  /** The flow has ended (or is ending): the nota can no longer be withdrawn. */
  'NotaClosed',
  /** The decision names another text than the current version's nota document: it was given on a stale version. */
  'StaleVersion',
  /** A ministry's task is held by everyone of a role: it is not handed to one person. */
  'TaskNotPersonal',
] as const;
export type NotaFlowStateRefusalKind = (typeof NOTA_FLOW_STATE_REFUSALS)[number];

/** Refusals of one field of the Update's input, each with the field error a 400 names it by. */
export const NOTA_FLOW_FIELD_REFUSALS = {
  DecisionNotAllowed: 'decision_not_allowed',
  NextMeetingOnlyWithHold: 'only_with_hold',
  NextMeetingNotADay: 'not_a_date',
  NextMeetingNotAfterCurrent: 'not_after_current_meeting',
  /** A text its activities could never write (remarks, note, reason). */
  UnstorableText: 'unstorable_text',
  /** A task handed on to the person who holds it already. */
  ReassignToCurrentHolder: 'current_holder',
  /** A task handed on to someone without the role it names (a reviewer's to a reviewer, the decider's to a decider). */
  ReassignWrongRole: 'wrong_role',
  /** A task handed on to someone of another organisation. */
  ReassignOtherOrganisation: 'other_organisation',
} as const satisfies Record<string, FieldErrorCode>;
export type NotaFlowFieldRefusalKind = keyof typeof NOTA_FLOW_FIELD_REFUSALS;

export type NotaFlowRefusalKind = NotaFlowStateRefusalKind | NotaFlowFieldRefusalKind;

export type NotaFlowRefusal =
  | { kind: NotaFlowStateRefusalKind; message: string }
  | { kind: NotaFlowFieldRefusalKind; message: string; field: FieldProblem };

/** A refusal of one field; its code follows from its kind. */
export function fieldRefusal(
  kind: NotaFlowFieldRefusalKind,
  field: Omit<FieldProblem, 'code'>,
  message: string = field.reason,
): NotaFlowRefusal {
  return { kind, message, field: { ...field, code: NOTA_FLOW_FIELD_REFUSALS[kind] } };
}

/** The failure a validator or handler throws: non-retryable, its type the kind, its details the field refused. */
export function refusalFailure(refusal: NotaFlowRefusal): ApplicationFailure {
  return ApplicationFailure.create({
    type: refusal.kind,
    message: refusal.message,
    nonRetryable: true,
    details: 'field' in refusal ? [refusal.field] : undefined,
  });
}

/**
 * The types the flow's refusals had before each refusal had a kind of its own. A worker of that release still sends
 * them during a rolling deploy (and the frozen v1 release in test/releases refuses with them), so clients accept them.
 */
export const FlowRefusal = {
  /** The actor may not act on this task (decide) or nota (new version, withdraw). */
  NOT_ALLOWED: 'NotAllowed',
  /** The task is done, cancelled or unknown to the flow. */
  TASK_NOT_OPEN: 'TaskNotOpen',
  /** Not now: a new version while in review (newVersion), or the flow has ended (withdraw). */
  INVALID_STATE: 'InvalidState',
  /** The decision does not fit the task, or its nextMeeting is wrong. */
  INVALID_DECISION: 'InvalidDecision',
  /** A text (remarks, note, reason) cannot be recorded as sent; the failure's details are [field, reason]. */
  INVALID_TEXT: 'InvalidText',
} as const;
export type FlowRefusalType = (typeof FlowRefusal)[keyof typeof FlowRefusal];

/** A refusal as a client receives it: of this release, or of the previous one during a rolling deploy. */
export type ReceivedFlowRefusal =
  | NotaFlowRefusal
  | { kind: Exclude<FlowRefusalType, NotaFlowRefusalKind | 'InvalidText'>; message: string }
  | { kind: 'InvalidText'; message: string; field: FieldProblem };

const STATE_KINDS: readonly string[] = NOTA_FLOW_STATE_REFUSALS;
const LEGACY_TYPES: readonly string[] = Object.values(FlowRefusal);

/**
 * The flow's refusal carried by an Update's failure, read from its type and details; undefined for any other
 * failure. A field refusal whose details are not a field (no flow of ours sends one) is no refusal of ours either.
 */
export function readFlowRefusal(failure: ApplicationFailure): ReceivedFlowRefusal | undefined {
  const { type, message } = failure;
  const details: unknown[] = failure.details ?? [];
  if (!type) return undefined;
  if (STATE_KINDS.includes(type)) return { kind: type as NotaFlowStateRefusalKind, message };
  if (Object.hasOwn(NOTA_FLOW_FIELD_REFUSALS, type)) {
    const kind = type as NotaFlowFieldRefusalKind;
    const field = details[0] as Partial<FieldProblem> | undefined;
    if (typeof field?.name !== 'string') return undefined;
    return fieldRefusal(
      kind,
      {
        name: field.name,
        reason: typeof field.reason === 'string' ? field.reason : message,
        ...paramsOf(field.params),
      },
      message,
    );
  }
  if (type === FlowRefusal.INVALID_TEXT) {
    const [name, reason] = details;
    if (typeof name !== 'string') return undefined;
    return {
      kind: 'InvalidText',
      message,
      field: { name, code: 'unstorable_text', reason: typeof reason === 'string' ? reason : message },
    };
  }
  if (LEGACY_TYPES.includes(type)) return { kind: type as 'NotAllowed' | 'InvalidState' | 'InvalidDecision', message };
  return undefined;
}

function paramsOf(params: unknown): { params?: FieldProblem['params'] } {
  if (typeof params !== 'object' || params === null) return {};
  const entries = Object.entries(params).filter(([, v]) => typeof v === 'string' || typeof v === 'number');
  return entries.length ? { params: Object.fromEntries(entries) as FieldProblem['params'] } : {};
}
