import { requireInteger, type IsoDate } from './iso-date';
import { addWorkingDays, previousWorkingDayOnOrBefore } from './working-days';

export interface StageDuration {
  stage: string;
  workingDays: number;
}

export interface PlannedStage {
  stage: string;
  /** First working day the stage must have started on. */
  latestStart: IsoDate;
  /** Last working day the stage may still take. */
  latestEnd: IsoDate;
}

/**
 * Plans a route backwards from its target date: per stage, in route order, the latest working days it can run on
 * so that the last stage is finished on the target (or the working day before it, when the target is not one).
 */
export function backwardPlan(target: IsoDate, stages: readonly StageDuration[]): PlannedStage[] {
  const plan: PlannedStage[] = [];
  let latestEnd = previousWorkingDayOnOrBefore(target);
  for (const { stage, workingDays } of stages.toReversed()) {
    requireInteger(workingDays, `workingDays of stage ${stage}`, 1);
    const latestStart = addWorkingDays(latestEnd, 1 - workingDays);
    plan.unshift({ stage, latestStart, latestEnd });
    latestEnd = addWorkingDays(latestStart, -1);
  }
  return plan;
}
