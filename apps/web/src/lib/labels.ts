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
import type { Anchor, AnchorEvent, Deadline } from '../api/types';

type DeadlinePreset = Deadline['preset'];

/** `1 werkdag`, `2,5 werkdagen`: Dutch decimal comma. */
export function workingDays(value: number | null): string {
  if (value === null) return '–';
  const text = value.toLocaleString('nl-NL', { maximumFractionDigits: 1 });
  return `${text} ${value === 1 ? 'werkdag' : 'werkdagen'}`;
}

/** The Kamer's events a deadline can be tied to, as a sentence names them: "vóór het zomerreces". */
export const ANCHOR_EVENT_LABELS = {
  zomerreces: 'het zomerreces',
  kerstreces: 'het kerstreces',
  voorjaarsreces: 'het voorjaarsreces',
  meireces: 'het meireces',
  herfstreces: 'het herfstreces',
  prinsjesdag: 'Prinsjesdag',
  algemene_politieke_beschouwingen: 'de Algemene Politieke Beschouwingen',
  begrotingsbehandeling: 'de begrotingsbehandeling van het eigen ministerie',
} as const satisfies Record<AnchorEvent, string>;

/** "vóór het zomerreces 2025", "na het kerstreces 2023 (vergaderjaar 2023-2024)". */
export function anchorLabel(anchor: Anchor): string {
  const relation = anchor.relation === 'before' ? 'vóór' : 'na';
  const year = anchor.vergaderjaar ? `${anchor.year} (vergaderjaar ${anchor.vergaderjaar})` : String(anchor.year);
  return `${relation} ${ANCHOR_EVENT_LABELS[anchor.event]} ${year}`;
}

/** The statutory terms a deadline can be counted by. */
export const PRESET_LABELS = {
  kamervragen: 'Kamervragen, 3 weken',
  woo: 'Woo-verzoek, 4 weken',
} as const satisfies Record<NonNullable<DeadlinePreset>, string>;
