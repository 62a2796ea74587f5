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

/** The ministries of the registry (migration 1763900000000); the API refuses unknown codes anyway. */
export const ORGANISATIONS: { code: string; name: string; coSigns: boolean }[] = [
  { code: 'JENV', name: 'Justitie en Veiligheid', coSigns: true },
  { code: 'VWS', name: 'Volksgezondheid, Welzijn en Sport', coSigns: true },
  { code: 'BZ', name: 'Buitenlandse Zaken', coSigns: true },
  { code: 'BHO', name: 'Buitenlandse Handel en Ontwikkelingssamenwerking', coSigns: true },
  { code: 'SZW', name: 'Sociale Zaken en Werkgelegenheid', coSigns: true },
  { code: 'BZK', name: 'Binnenlandse Zaken en Koninkrijksrelaties', coSigns: true },
  { code: 'OCW', name: 'Onderwijs, Cultuur en Wetenschap', coSigns: true },
  { code: 'FIN', name: 'Financiën', coSigns: true },
  { code: 'AZ', name: 'Algemene Zaken', coSigns: false },
];

export function organisationName(code: string): string {
  return ORGANISATIONS.find((o) => o.code === code)?.name ?? code;
}

/** `1 werkdag`, `2,5 werkdagen`: Dutch decimal comma. */
export function workingDays(value: number | null): string {
  if (value === null) return '–';
  const text = value.toLocaleString('nl-NL', { maximumFractionDigits: 1 });
  return `${text} ${value === 1 ? 'werkdag' : 'werkdagen'}`;
}
