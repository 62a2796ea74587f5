/**
 * The product's one vocabulary: every stage, status, task type, decision, event, role and deadline kind with the
 * Dutch words users see for it, in the web app, in emails and in calendar feeds alike. A value added to one of the
 * lists in this library is a type error here until it has its words.
 */
import type { DeadlineKind, DeadlineStatus, PostponementStatus } from './deadlines';
import type { NotaStage, NotaStatus } from './nota';
import type { Role } from './roles';
import type { Decision, TaskType } from './tasks';

export const STAGE_LABELS: Readonly<Record<NotaStage, string>> = {
  initialling: 'Parafering',
  decision: 'Besluit bewindspersoon',
  'co-signing': 'Medeondertekening',
  ministerraad: 'Ministerraad',
  dispatch: 'Verzending',
  done: 'Afgerond',
};

export const STATUS_LABELS: Readonly<Record<NotaStatus, string>> = {
  draft: 'Concept',
  in_review: 'In behandeling',
  changes_requested: 'Wijzigingen gevraagd',
  rejected: 'Afgewezen',
  withdrawn: 'Ingetrokken',
  dispatched: 'Verzonden aan de Kamer',
};

/** What the holder of a task is asked to do, as a button or an inbox line says it. */
export const TASK_TYPE_LABELS: Readonly<Record<TaskType, string>> = {
  initial: 'Paraferen',
  decide: 'Besluiten',
  'co-sign': 'Medeondertekenen',
  ministerraad: 'Ministerraad',
  dispatch: 'Verzenden aan de Kamer',
};

/** The same, as a noun in running text: "wacht op medeondertekening door VWS". */
export const TASK_TYPE_NOUNS: Readonly<Record<TaskType, string>> = {
  initial: 'parafering',
  decide: 'besluit',
  'co-sign': 'medeondertekening',
  ministerraad: 'ministerraad',
  dispatch: 'verzending aan de Kamer',
};

/** What each decision means on each kind of task: the words the parafenlijn and the ministerraad use. */
export const DECISION_LABELS: Readonly<Record<TaskType, Partial<Record<Decision, string>>>> = {
  initial: { approve: 'Paraferen', request_changes: 'Terugsturen met opmerkingen', reject: 'Afwijzen' },
  decide: { approve: 'Akkoord', request_changes: 'Akkoord na aanpassingen (terugsturen)', reject: 'Niet akkoord' },
  'co-sign': { approve: 'Medeondertekenen', request_changes: 'Wijzigingen vragen', reject: 'Niet medeondertekenen' },
  ministerraad: { approve: 'Akkoord bevonden', hold: 'Aanhouden tot een volgende vergadering', reject: 'Niet akkoord' },
  dispatch: { approve: 'Verzonden aan de Tweede Kamer' },
};

/** A decision as a timeline shows it, without knowing the kind of task. */
export const DECISION_SHORT: Readonly<Record<Decision, string>> = {
  approve: 'akkoord',
  request_changes: 'wijzigingen gevraagd',
  reject: 'afgewezen',
  hold: 'aangehouden',
};

export function decisionLabel(type: TaskType | undefined, decision: string): string {
  const byType = type ? DECISION_LABELS[type][decision as Decision] : undefined;
  return byType ?? DECISION_SHORT[decision as Decision] ?? decision;
}

export const FLOW_EVENT_TYPES = [
  'submitted',
  'stage_started',
  'task_opened',
  'task_decided',
  'task_cancelled',
  'task_reminded',
  'task_escalated',
  'task_reassigned',
  'changes_requested',
  'version_submitted',
  'rejected',
  'withdrawn',
  'dispatched',
] as const;
export type FlowEventType = (typeof FLOW_EVENT_TYPES)[number];

export const EVENT_LABELS: Readonly<Record<FlowEventType, string>> = {
  submitted: 'Ingediend: de route is gestart',
  stage_started: 'Fase gestart',
  task_opened: 'Taak uitgezet',
  task_decided: 'Besluit genomen',
  task_cancelled: 'Taak vervallen',
  task_reminded: 'Herinnering verstuurd',
  task_escalated: 'Termijn verstreken: geëscaleerd',
  task_reassigned: 'Taak overgedragen',
  changes_requested: 'Teruggestuurd voor wijzigingen',
  version_submitted: 'Nieuwe versie ingediend',
  rejected: 'Afgewezen',
  withdrawn: 'Ingetrokken',
  dispatched: 'Verzonden aan de Tweede Kamer',
};

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  drafter: 'Beleidsmedewerker',
  reviewer: 'Parafeerder',
  decider: 'Bewindspersoon',
  cosigner: 'Medeondertekenaar',
  ministerraad: 'Secretariaat ministerraad',
  manager: 'Management',
  admin: 'Functioneel beheer',
};

export const DEADLINE_KIND_LABELS: Readonly<Record<DeadlineKind, string>> = {
  toezegging: 'Toezegging',
  commissiedebat: 'Commissiedebat',
  motie: 'Motie',
  kamervragen: 'Kamervragen',
  begrotingsbehandeling: 'Begrotingsbehandeling',
  reporting: 'Periodieke rapportage',
  schriftelijk_overleg: 'Schriftelijk overleg',
  tweeminutendebat: 'Tweeminutendebat',
  commissieverzoek: 'Commissieverzoek',
  other: 'Overig',
};

export const DEADLINE_STATUS_LABELS: Readonly<Record<DeadlineStatus, string>> = {
  open: 'Open',
  met: 'Gehaald',
  missed: 'Gemist',
  cancelled: 'Vervallen',
};

export const POSTPONEMENT_STATUS_LABELS: Readonly<Record<PostponementStatus, string>> = {
  requested: 'Aangevraagd',
  granted: 'Toegekend',
  refused: 'Geweigerd',
};

export const NOTIFICATION_KINDS = [
  'task_assigned',
  'task_reminder',
  'task_escalation',
  'deadline_reminder',
  'deadline_missed',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS: Readonly<Record<NotificationKind, string>> = {
  task_assigned: 'Nieuwe taak',
  task_reminder: 'Herinnering',
  task_escalation: 'Termijn verstreken',
  deadline_reminder: 'Kamertermijn nadert',
  deadline_missed: 'Kamertermijn gemist',
};

/** The statuses after which a nota's flow has ended for good. */
export const TERMINAL_STATUSES: readonly NotaStatus[] = ['rejected', 'withdrawn', 'dispatched'];

export function isTerminalStatus(status: NotaStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}
