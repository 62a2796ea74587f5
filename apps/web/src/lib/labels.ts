export {
  DEADLINE_KIND_LABELS,
  DEADLINE_STATUS_LABELS,
  DECISION_LABELS,
  DECISION_SHORT,
  EVENT_LABELS,
  NOTIFICATION_KIND_LABELS,
  POSTPONEMENT_STATUS_LABELS,
  ROLE_LABELS,
  STAGE_LABELS,
  STATUS_LABELS,
  TASK_TYPE_LABELS,
  decisionLabel,
} from '@notaflow/domain';

/** `1 werkdag`, `2,5 werkdagen`: Dutch decimal comma. */
export function workingDays(value: number | null): string {
  if (value === null) return '–';
  const text = value.toLocaleString('nl-NL', { maximumFractionDigits: 1 });
  return `${text} ${value === 1 ? 'werkdag' : 'werkdagen'}`;
}
