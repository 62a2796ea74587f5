import type { WorkingDayCalendar } from './equated-days';
import { addWorkingDays, previousWorkingDayOnOrBefore } from './working-days';
import { requireInteger, type IsoDate } from './iso-date';
import { latestMinisterraadOnOrBefore, type MinisterraadCalendar } from './ministerraad';

/** A stage that takes a number of working days, or one that takes its meeting day (the ministerraad). */
export type StageDuration = { stage: string; workingDays: number } | { stage: string; onMeeting: true };

export interface PlannedStage {
  stage: string;
  /** Working days the stage is given: 1, its meeting day, for a stage on a meeting. */
  workingDays: number;
  /** First working day the stage must have started on. */
  latestStart: IsoDate;
  /** Last working day the stage may still take. */
  latestEnd: IsoDate;
}

/**
 * Plans a route backwards from its target date: per stage, in route order, the latest working days it can run on
 * so that the last stage is finished on the target (or the working day before it, when the target is not one).
 * Each earlier stage ends the working day before the next one starts; a stage on a meeting lands on the latest
 * ministerraad meeting that leaves the stages after it their working days. Working days skip the equated days in
 * `calendar`; the meeting days follow the ministerraad's own calendar (see MinisterraadCalendar).
 */
export function backwardPlan(
  target: IsoDate,
  stages: readonly StageDuration[],
  ministerraad: MinisterraadCalendar = {},
  calendar?: WorkingDayCalendar,
): PlannedStage[] {
  const plan: PlannedStage[] = [];
  let latestEnd = previousWorkingDayOnOrBefore(target, calendar);
  for (const step of stages.toReversed()) {
    if ('onMeeting' in step) {
      const meeting = latestMinisterraadOnOrBefore(latestEnd, ministerraad);
      plan.unshift({ stage: step.stage, workingDays: 1, latestStart: meeting, latestEnd: meeting });
      latestEnd = addWorkingDays(meeting, -1, calendar);
      continue;
    }
    requireInteger(step.workingDays, `workingDays of stage ${step.stage}`, 1);
    const latestStart = addWorkingDays(latestEnd, 1 - step.workingDays, calendar);
    plan.unshift({ stage: step.stage, workingDays: step.workingDays, latestStart, latestEnd });
    latestEnd = addWorkingDays(latestStart, -1, calendar);
  }
  return plan;
}
