import type { NotaStage } from './nota';
import type { FieldProblem } from './problems';

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
  /**
   * A ministry's own term where the route gives one (`route.coSigningDueWorkingDays`); the others take
   * `slaWorkingDays`. Absent from the input of flows started before routes could say so.
   */
  slaWorkingDaysByMinistry?: Record<string, number>;
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

/** The stages a route can name, in the order a route takes when it names none (the design card's). */
export const ROUTE_STAGES = ['initialling', 'decision', 'co-signing', 'ministerraad', 'dispatch'] as const;
export type RouteStage = (typeof ROUTE_STAGES)[number];

/** The most working days a stage or a ministry can be given: a year of them. */
export const MAX_STAGE_SLA_WORKING_DAYS = 250;

/** The route as the drafter chooses it on `POST /notas`. */
export interface RouteChoice {
  reviewers: string[];
  decider: string;
  coSigners: string[];
  ministerraad: boolean;
  coSignersReapproveAfterNewVersion?: boolean;
  /**
   * The order of the stages, when it is not the design card's: in the nota of 17 June 2024 the ministerraad had
   * agreed before the bewindspersoon was asked to send the letter. Checked by routeChoiceProblems.
   */
  stages?: RouteStage[];
  /** A co-signing ministry's own term in working days, e.g. `{ VWS: 10, BZ: 5 }`; the others take the default. */
  coSigningDueWorkingDays?: Record<string, number>;
}

/** Whether the route has the people (or, for the ministerraad, the choice) a stage needs. */
function hasPeople(choice: RouteChoice, stage: RouteStage): boolean {
  switch (stage) {
    case 'initialling':
      return choice.reviewers.length > 0;
    case 'co-signing':
      return choice.coSigners.length > 0;
    case 'ministerraad':
      return choice.ministerraad;
    case 'decision':
    case 'dispatch':
      return true;
  }
}

/** The stages of the route in the order it runs them. */
export function routeStagesOf(choice: RouteChoice): RouteStage[] {
  return choice.stages ? [...choice.stages] : ROUTE_STAGES.filter((stage) => hasPeople(choice, stage));
}

/**
 * What is wrong with the order and the terms a route states (API.md: each stage at most once, `dispatch` last,
 * `decision` present, a stage named only when the route has its people, and every stage that has them named;
 * a ministry's term only for a ministry that co-signs). Field names as the request's: `route.stages[2]`.
 */
export function routeChoiceProblems(choice: RouteChoice): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (choice.stages) {
    const stages = choice.stages;
    stages.forEach((stage, i) => {
      const name = `route.stages[${i}]`;
      if (stages.indexOf(stage) !== i) {
        problems.push({ name, code: 'duplicate', reason: `names the stage ${stage} twice`, params: { value: stage } });
      } else if (!hasPeople(choice, stage)) {
        problems.push({
          name,
          code: 'stage_without_participants',
          reason: `names ${stage}, but the route has no ${participantsOf(stage)}`,
          params: { value: stage },
        });
      } else if (stage === 'dispatch' && i !== stages.length - 1) {
        problems.push({ name, code: 'dispatch_not_last', reason: 'dispatch is the last stage of every route' });
      }
    });
    for (const stage of ROUTE_STAGES) {
      if (hasPeople(choice, stage) && !stages.includes(stage)) {
        problems.push({
          name: 'route.stages',
          code: 'stage_missing',
          reason:
            stage === 'decision' || stage === 'dispatch'
              ? `must name ${stage}: every route has it`
              : `must name ${stage}: the route has its ${participantsOf(stage)}`,
          params: { value: stage },
        });
      }
    }
  }
  for (const [ministry, days] of Object.entries(choice.coSigningDueWorkingDays ?? {})) {
    const name = `route.coSigningDueWorkingDays.${ministry}`;
    if (!choice.coSigners.includes(ministry)) {
      problems.push({
        name,
        code: 'not_a_co_signer',
        reason: `${ministry} is not among the route's coSigners`,
        params: { value: ministry },
      });
    } else if (!Number.isInteger(days) || days < 1 || days > MAX_STAGE_SLA_WORKING_DAYS) {
      problems.push({
        name,
        code: 'out_of_range',
        reason: `must be a whole number of working days from 1 to ${MAX_STAGE_SLA_WORKING_DAYS}`,
        params: { min: 1, max: MAX_STAGE_SLA_WORKING_DAYS },
      });
    }
  }
  return problems;
}

function participantsOf(stage: RouteStage): string {
  return stage === 'initialling' ? 'reviewers' : stage === 'co-signing' ? 'coSigners' : 'ministerraad: true';
}

export function buildRouteTemplate(choice: RouteChoice): RouteTemplate {
  const sla = (stage: keyof typeof DEFAULT_STAGE_SLA_WORKING_DAYS) => ({
    slaWorkingDays: DEFAULT_STAGE_SLA_WORKING_DAYS[stage],
    reminderWorkingDaysBefore: DEFAULT_REMINDER_WORKING_DAYS_BEFORE,
  });
  const template = (stage: RouteStage): StageTemplate => {
    switch (stage) {
      case 'initialling':
        return { stage, reviewers: [...choice.reviewers], ...sla(stage) };
      case 'decision':
        return { stage, decider: choice.decider, ...sla(stage) };
      case 'co-signing': {
        const own = choice.coSigningDueWorkingDays;
        // Only when given: the template of a route without own terms stays as flows have always had it.
        return {
          stage,
          ministries: [...choice.coSigners],
          ...sla(stage),
          ...(own && Object.keys(own).length ? { slaWorkingDaysByMinistry: { ...own } } : {}),
        };
      }
      case 'ministerraad':
        return { stage };
      case 'dispatch':
        return { stage, ...sla(stage) };
    }
  };
  // A stage without its people is left out even when named (routeChoiceProblems refuses that before).
  const stages = routeStagesOf(choice)
    .filter((stage) => hasPeople(choice, stage))
    .map(template);
  return { stages, coSignersReapproveAfterNewVersion: choice.coSignersReapproveAfterNewVersion ?? true };
}

/** The route in the shape of `POST /notas`, read back from a template. */
export function routeChoiceOf(template: RouteTemplate): RouteChoice {
  const find = <S extends StageTemplate['stage']>(stage: S) =>
    template.stages.find((s): s is Extract<StageTemplate, { stage: S }> => s.stage === stage);
  const coSigning = find('co-signing');
  return {
    reviewers: find('initialling')?.reviewers ?? [],
    decider: find('decision')?.decider ?? '',
    coSigners: coSigning?.ministries ?? [],
    ministerraad: Boolean(find('ministerraad')),
    coSignersReapproveAfterNewVersion: template.coSignersReapproveAfterNewVersion,
    stages: template.stages.map((s) => s.stage),
    ...(coSigning?.slaWorkingDaysByMinistry
      ? { coSigningDueWorkingDays: { ...coSigning.slaWorkingDaysByMinistry } }
      : {}),
  };
}

export function firstStage(template: RouteTemplate): NotaStage {
  return template.stages[0]?.stage ?? 'done';
}
