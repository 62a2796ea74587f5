import type { Actor } from './roles';

export const NOTA_STATUSES = [
  'draft',
  'in_review',
  'changes_requested',
  'rejected',
  'withdrawn',
  'dispatched',
] as const;
export type NotaStatus = (typeof NOTA_STATUSES)[number];

export const NOTA_STAGES = ['initialling', 'decision', 'co-signing', 'ministerraad', 'dispatch', 'done'] as const;
export type NotaStage = (typeof NOTA_STAGES)[number];

/**
 * Uw kenmerk: the Kamer's zaak and document numbers of the request being answered, `2023Z13980/2023D36886`,
 * or either half alone.
 */
export const UW_KENMERK_PATTERN = /^(?:\d{4}Z\d{5}(?:\/\d{4}D\d{5})?|\d{4}D\d{5})$/;

/** Ons kenmerk: the ministry's 7-digit registration number. */
export const ONS_KENMERK_PATTERN = /^\d{7}$/;

/** A Kamerstuk dossier number as the Kamer writes it: `28 638`, `36 410-VI`. */
export const KAMERSTUK_DOSSIER_PATTERN = /^\d{2}(?: ?\d{3})(?:-[A-Z0-9]{1,6})?$/;

/**
 * Who manages a nota (registers, submits, answers with a new version, withdraws, records its Kamerstuk): the
 * drafters of the organisation that registered it. The flow's validators and the API apply this one rule.
 */
export function mayManageNota(actor: Actor, notaOrganisation: string): boolean {
  return actor.role === 'drafter' && actor.organisation === notaOrganisation;
}
