import type {
  Decision,
  DeadlineKind,
  DeadlineStatus,
  NotaStage,
  NotaStatus,
  PostponementStatus,
  Role,
  TaskType,
} from '@notaflow/domain';

export const STAGE_LABELS: Record<NotaStage, string> = {
  initialling: 'Parafering',
  decision: 'Besluit bewindspersoon',
  'co-signing': 'Medeondertekening',
  ministerraad: 'Ministerraad',
  dispatch: 'Verzending',
  done: 'Afgerond',
};

export const STATUS_LABELS: Record<NotaStatus, string> = {
  draft: 'Concept',
  in_review: 'In behandeling',
  changes_requested: 'Wijzigingen gevraagd',
  rejected: 'Afgewezen',
  withdrawn: 'Ingetrokken',
  dispatched: 'Verzonden aan de Kamer',
};

export const TASK_TYPE_LABELS: Record<TaskType, string> = {
  initial: 'Paraferen',
  decide: 'Besluiten',
  'co-sign': 'Medeondertekenen',
  ministerraad: 'Ministerraad',
  dispatch: 'Verzenden aan de Kamer',
};

/** What each decision means on each kind of task: the words the parafenlijn and the ministerraad use. */
export const DECISION_LABELS: Record<TaskType, Partial<Record<Decision, string>>> = {
  initial: { approve: 'Paraferen', request_changes: 'Terugsturen met opmerkingen', reject: 'Afwijzen' },
  decide: { approve: 'Akkoord', request_changes: 'Akkoord na aanpassingen (terugsturen)', reject: 'Niet akkoord' },
  'co-sign': { approve: 'Medeondertekenen', request_changes: 'Wijzigingen vragen', reject: 'Niet medeondertekenen' },
  ministerraad: { approve: 'Akkoord bevonden', hold: 'Aanhouden tot een volgende vergadering', reject: 'Niet akkoord' },
  dispatch: { approve: 'Verzonden aan de Tweede Kamer' },
};

/** A decision as the timeline shows it, without knowing the kind of task. */
export const DECISION_SHORT: Record<Decision, string> = {
  approve: 'akkoord',
  request_changes: 'wijzigingen gevraagd',
  reject: 'afgewezen',
  hold: 'aangehouden',
};

export function decisionLabel(type: TaskType | undefined, decision: string): string {
  const byType = type ? DECISION_LABELS[type][decision as Decision] : undefined;
  return byType ?? DECISION_SHORT[decision as Decision] ?? decision;
}

export const EVENT_LABELS: Record<string, string> = {
  submitted: 'Ingediend: de route is gestart',
  stage_started: 'Fase gestart',
  task_opened: 'Taak uitgezet',
  task_decided: 'Besluit genomen',
  task_cancelled: 'Taak vervallen',
  task_reminded: 'Herinnering verstuurd',
  task_escalated: 'Termijn verstreken: geëscaleerd',
  changes_requested: 'Teruggestuurd voor wijzigingen',
  version_submitted: 'Nieuwe versie ingediend',
  rejected: 'Afgewezen',
  withdrawn: 'Ingetrokken',
  dispatched: 'Verzonden aan de Tweede Kamer',
};

export const ROLE_LABELS: Record<Role, string> = {
  drafter: 'Beleidsmedewerker',
  reviewer: 'Parafeerder',
  decider: 'Bewindspersoon',
  cosigner: 'Medeondertekenaar',
  ministerraad: 'Secretariaat ministerraad',
  manager: 'Management',
  admin: 'Functioneel beheer',
};

export const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = {
  toezegging: 'Toezegging',
  commissiedebat: 'Commissiedebat',
  motie: 'Motie',
  kamervragen: 'Kamervragen',
  begrotingsbehandeling: 'Begrotingsbehandeling',
  reporting: 'Periodieke rapportage',
  other: 'Overig',
};

export const DEADLINE_STATUS_LABELS: Record<DeadlineStatus, string> = {
  open: 'Open',
  met: 'Gehaald',
  missed: 'Gemist',
  cancelled: 'Vervallen',
};

export const POSTPONEMENT_STATUS_LABELS: Record<PostponementStatus, string> = {
  requested: 'Aangevraagd',
  granted: 'Toegekend',
  refused: 'Geweigerd',
};

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
