import type { NotaStage } from './nota';

/** Service levels per stage, in working days (Algemene termijnenwet), unless a route says otherwise. */
export const DEFAULT_STAGE_SLA_WORKING_DAYS = {
  initialling: 2,
  decision: 3,
  'co-signing': 10,
  dispatch: 2,
} as const;

/** A reminder goes out this many working days before a task is due; an escalation when it is overdue. */
export const DEFAULT_REMINDER_WORKING_DAYS_BEFORE = 2;

interface StageBase {
  slaWorkingDays: number;
  reminderWorkingDaysBefore: number;
}
export interface InitiallingStage extends StageBase {
  stage: 'initialling';
  reviewers: string[];
}
export interface DecisionStage extends StageBase {
  stage: 'decision';
  decider: string;
}
export interface CoSigningStage extends StageBase {
  stage: 'co-signing';
  ministries: string[];
}
/** Its tasks are due on the meeting day, not after a number of working days. */
export interface MinisterraadStage {
  stage: 'ministerraad';
}
export interface DispatchStage extends StageBase {
  stage: 'dispatch';
}
export type StageTemplate = InitiallingStage | DecisionStage | CoSigningStage | MinisterraadStage | DispatchStage;

/**
 * A route as data, snapshotted into the workflow input when the flow starts: a running flow never changes
 * under its feet when templates or defaults change later.
 */
export interface RouteTemplate {
  stages: StageTemplate[];
  /** After a new version, co-signers who had approved an older one approve again. */
  coSignersReapproveAfterNewVersion: boolean;
}

/** The route as the drafter chooses it on `POST /notas`. */
export interface RouteChoice {
  reviewers: string[];
  decider: string;
  coSigners: string[];
  ministerraad: boolean;
  coSignersReapproveAfterNewVersion?: boolean;
}

export function buildRouteTemplate(choice: RouteChoice): RouteTemplate {
  const sla = (stage: keyof typeof DEFAULT_STAGE_SLA_WORKING_DAYS) => ({
    slaWorkingDays: DEFAULT_STAGE_SLA_WORKING_DAYS[stage],
    reminderWorkingDaysBefore: DEFAULT_REMINDER_WORKING_DAYS_BEFORE,
  });
  const stages: StageTemplate[] = [];
  if (choice.reviewers.length)
    stages.push({ stage: 'initialling', reviewers: [...choice.reviewers], ...sla('initialling') });
  stages.push({ stage: 'decision', decider: choice.decider, ...sla('decision') });
  if (choice.coSigners.length)
    stages.push({ stage: 'co-signing', ministries: [...choice.coSigners], ...sla('co-signing') });
  if (choice.ministerraad) stages.push({ stage: 'ministerraad' });
  stages.push({ stage: 'dispatch', ...sla('dispatch') });
  return { stages, coSignersReapproveAfterNewVersion: choice.coSignersReapproveAfterNewVersion ?? true };
}

/** The route in the shape of `POST /notas`, read back from a template. */
export function routeChoiceOf(template: RouteTemplate): RouteChoice {
  const find = <S extends StageTemplate['stage']>(stage: S) =>
    template.stages.find((s): s is Extract<StageTemplate, { stage: S }> => s.stage === stage);
  return {
    reviewers: find('initialling')?.reviewers ?? [],
    decider: find('decision')?.decider ?? '',
    coSigners: find('co-signing')?.ministries ?? [],
    ministerraad: Boolean(find('ministerraad')),
    coSignersReapproveAfterNewVersion: template.coSignersReapproveAfterNewVersion,
  };
}

export function firstStage(template: RouteTemplate): NotaStage {
  return template.stages[0]?.stage ?? 'done';
}
