import type { StageDuration } from '@notaflow/calendar';
import { DEFAULT_STAGE_SLA_WORKING_DAYS } from '@notaflow/domain';
import { AppException } from '../common/app.exception';

export const PLANNABLE_STAGES = ['initialling', 'decision', 'co-signing', 'ministerraad', 'dispatch'] as const;
export type PlannableStage = (typeof PLANNABLE_STAGES)[number];
export const DEFAULT_PLAN_ROUTE = PLANNABLE_STAGES.join(',');
const MAX_STAGE_WORKING_DAYS = 250;

const invalidRoute = (reason: string) => AppException.validation([{ name: 'route', reason }]);

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
      throw invalidRoute(`"${part}" is not a stage; use ${PLANNABLE_STAGES.join(', ')}, optionally as stage:days`);
    if (steps.some((step) => step.stage === stage)) throw invalidRoute(`names the stage ${stage} twice`);
    if (stage === 'ministerraad') {
      if (match[2] !== undefined)
        throw invalidRoute('ministerraad takes no working days: it is planned on a meeting Friday');
      steps.push({ stage, onMeeting: true });
      continue;
    }
    const days = match[2] === undefined ? DEFAULT_STAGE_SLA_WORKING_DAYS[stage] : Number(match[2]);
    if (!Number.isInteger(days) || days < 1 || days > MAX_STAGE_WORKING_DAYS)
      throw invalidRoute(`the working days of ${stage} must be a whole number from 1 to ${MAX_STAGE_WORKING_DAYS}`);
    steps.push({ stage, workingDays: days });
  }
  return steps;
}
