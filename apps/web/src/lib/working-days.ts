/** Two working days ahead is when the flow sends its reminder: from then on a task counts as due soon. */
export const DUE_SOON_WORKING_DAYS = 2;

export type DueTone = 'overdue' | 'soon' | 'ok';

export interface DueLabel {
  tone: DueTone;
  text: string;
}

/**
 * How urgent something due is, in working days (Algemene termijnenwet) as the API counts them:
 * `workingDaysLeft` is GET /calendar/working-days from today to the due day (0 on the day itself, negative once
 * working days have passed). `overdue` says whether the due moment itself has passed, which on the due day the
 * count alone cannot tell. Null: the count is unknown (outside the years the calendar knows).
 */
export function dueLabel(workingDaysLeft: number | null, overdue: boolean): DueLabel {
  if (workingDaysLeft === null) return overdue ? { tone: 'overdue', text: 'Te laat' } : { tone: 'ok', text: '' };
  if (overdue || workingDaysLeft < 0) {
    const late = Math.max(0, -workingDaysLeft);
    if (late === 0) return { tone: 'overdue', text: 'Termijn vandaag verstreken' };
    return { tone: 'overdue', text: `${late} ${late === 1 ? 'werkdag' : 'werkdagen'} te laat` };
  }
  if (workingDaysLeft === 0) return { tone: 'soon', text: 'Vandaag' };
  const text = `Nog ${workingDaysLeft} ${workingDaysLeft === 1 ? 'werkdag' : 'werkdagen'}`;
  return { tone: workingDaysLeft <= DUE_SOON_WORKING_DAYS ? 'soon' : 'ok', text };
}
