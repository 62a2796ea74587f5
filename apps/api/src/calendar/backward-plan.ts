import type { StageDuration } from '@notaflow/calendar';
import { DEFAULT_STAGE_SLA_WORKING_DAYS, type FieldErrorCode } from '@notaflow/domain';
import { AppException } from '../common/app.exception';

export const PLANNABLE_STAGES = ['initialling', 'decision', 'co-signing', 'ministerraad', 'dispatch'] as const;
export type PlannableStage = (typeof PLANNABLE_STAGES)[number];
export const DEFAULT_PLAN_ROUTE = PLANNABLE_STAGES.join(',');
const MAX_STAGE_WORKING_DAYS = 250;

const invalidRoute = (code: FieldErrorCode, reason: string, params?: Record<string, string | number>) =>
  AppException.field('route', code, reason, params);

/**
 * `initialling,decision,co-signing:15,ministerraad,dispatch` -> the stages to plan, each with its working days
 * (the route's default service level unless given) or, for the ministerraad, on its meeting; else a 400 naming
 * `route`.
 */
export function parseRoute(route: string): StageDuration[] {
  const steps: StageDuration[] = [];
  for (const part of route.split(',').map((p) => p.trim())) {
    const match = /^([a-z-]+)(?::(\S+))?$/.exec(part);
    const stage = match?.[1] as PlannableStage | undefined;
    if (!match || !stage || !PLANNABLE_STAGES.includes(stage))
      throw invalidRoute(
        'not_one_of',
        `"${part}" is not a stage; use ${PLANNABLE_STAGES.join(', ')}, optionally as stage:days`,
        { value: part, allowed: PLANNABLE_STAGES.join(', ') },
      );
    if (steps.some((step) => step.stage === stage))
      throw invalidRoute('duplicate', `names the stage ${stage} twice`, { value: stage });
    if (stage === 'ministerraad') {
      if (match[2] !== undefined)
        throw invalidRoute('bad_format', 'ministerraad takes no working days: it is planned on a meeting Friday', {
          value: part,
        });
      steps.push({ stage, onMeeting: true });
      continue;
    }
    const days = match[2] === undefined ? DEFAULT_STAGE_SLA_WORKING_DAYS[stage] : Number(match[2]);
    if (!Number.isInteger(days) || days < 1 || days > MAX_STAGE_WORKING_DAYS)
      throw invalidRoute(
        'out_of_range',
        `the working days of ${stage} must be a whole number from 1 to ${MAX_STAGE_WORKING_DAYS}`,
        { value: part, min: 1, max: MAX_STAGE_WORKING_DAYS },
      );
    steps.push({ stage, workingDays: days });
  }
  return steps;
}
