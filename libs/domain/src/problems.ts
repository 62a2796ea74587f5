/**
 * Every refusal the product gives, by a stable code in snake_case that clients switch on (API.md: every
 * problem+json carries one). Grouped by the feature that owns it; the API maps each code to its HTTP status in
 * one exhaustive switch, and the web app says each in Dutch. A code is never renamed once released: add one.
 */

/** Refusals any route may give, not owned by a feature. */
export const COMMON_PROBLEM_CODES = [
  /** One or more fields are wrong: `errors` names each. */
  'validation_failed',
  /** No route answers this path and method. */
  'route_not_found',
  'method_not_allowed',
  'not_acceptable',
  'payload_too_large',
  'unsupported_media_type',
  'too_many_requests',
  'uri_too_long',
  'request_header_fields_too_large',
  /** PostgreSQL, Temporal or the identity provider is away; `Retry-After` says when to try again. */
  'unavailable',
  /** The flow did not answer in time; a decision sent may still be taken. */
  'flow_timeout',
  'internal_error',
] as const;

export const AUTH_PROBLEM_CODES = [
  'token_missing',
  'token_invalid',
  'token_expired',
  'wrong_credentials',
  'sign_in_locked',
  'sign_in_refused',
  /** The caller's role may not use this route at all. */
  'role_not_allowed',
  /** The access token lacks a claim the product needs (a role, an organisation). */
  'token_claims_unfit',
  'organisation_unknown',
  'user_unknown',
  'demo_sign_in_off',
  'oidc_sign_in_off',
  /** The token's username belongs to another identity (issuer and subject) than the token's own. */
  'identity_conflict',
  /** The token shows no multi-factor authentication (acr/amr), which the configuration requires. */
  'mfa_required',
  /** The user was deactivated in the registry (users.deactivated_at): no token of theirs is taken. */
  'user_deactivated',
] as const;

export const NOTA_PROBLEM_CODES = [
  'nota_not_found',
  /** The nota exists but belongs to an organisation the caller may not see into. */
  'nota_not_visible',
  /** Only drafters of the nota's own organisation register, submit, withdraw or number it. */
  'nota_not_managed',
  'nota_already_submitted',
  'nota_not_awaiting_version',
  'nota_closed',
  'nota_changed',
  'flow_ended',
  'kamerstuk_before_dispatch',
  'kamerstuk_already_recorded',
  /** The Kamerstuk (dossier + nr.) is recorded for another nota already: one Kamerstuk, one nota. */
  'kamerstuk_taken',
  /** An `Idempotency-Key` sent again within 24 hours with another request than the one that registered its nota. */
  'idempotency_key_reused',
] as const;

export const TASK_PROBLEM_CODES = [
  'task_not_found',
  'task_not_open',
  'task_not_holder',
  /** A ministry's task (co-signing, the ministerraad, dispatch) is held by a role, not handed to a person. */
  'task_not_personal',
] as const;

export const DEADLINE_PROBLEM_CODES = [
  'deadline_not_found',
  'deadline_not_own',
  'deadline_closed',
  'postponement_not_found',
  'postponement_pending',
  'postponement_decided',
  /** Only a deadline with a standard term (Kamervragen, Woo) is extended by a notice. */
  'deadline_not_extendable',
  'deadline_already_extended',
  /** The uitstelbericht (or Woo verdaging) came after the first term had ended: it extends nothing. */
  'extension_notice_too_late',
] as const;

export const CALENDAR_PROBLEM_CODES = [
  'calendar_period_not_found',
  'calendar_period_overlap',
  'equated_day_exists',
  'equated_day_not_found',
  /** The ministerraad meets that day already (by the Friday rule or a recorded meeting). */
  'ministerraad_meeting_exists',
  'ministerraad_meeting_not_found',
  'kamer_event_overlap',
  'kamer_event_not_found',
] as const;

export const CALENDAR_FEED_PROBLEM_CODES = [
  'calendar_feed_not_found',
  'calendar_feed_limit',
  'calendar_feed_token_invalid',
] as const;

export const NOTIFICATION_PROBLEM_CODES = ['notification_not_found'] as const;

export const DOCUMENT_PROBLEM_CODES = [
  'document_not_found',
  /** The version has no `nota` document: it cannot be submitted (or answered) without one. */
  'document_missing',
  /** The decision names another text than the current version's: nothing was recorded. */
  'stale_version',
  /** No version of the nota takes uploads now (it has been submitted or answered). */
  'version_sealed',
  'version_not_found',
  /** An encrypted PDF: the text could not be read or checked by anyone without its password. */
  'document_encrypted',
  /** Only PDF and DOCX text can be compared between versions. */
  'document_not_comparable',
  /** The package of what went to the Kamer exists once the nota is dispatched. */
  'nota_not_dispatched',
  /** A stored object no longer matches its SHA-256: it is never served. */
  'integrity_error',
] as const;

export const PROBLEM_CODES = [
  ...COMMON_PROBLEM_CODES,
  ...AUTH_PROBLEM_CODES,
  ...NOTA_PROBLEM_CODES,
  ...TASK_PROBLEM_CODES,
  ...DEADLINE_PROBLEM_CODES,
  ...CALENDAR_PROBLEM_CODES,
  ...CALENDAR_FEED_PROBLEM_CODES,
  ...NOTIFICATION_PROBLEM_CODES,
  ...DOCUMENT_PROBLEM_CODES,
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export function isProblemCode(value: unknown): value is ProblemCode {
  return typeof value === 'string' && (PROBLEM_CODES as readonly string[]).includes(value);
}

/**
 * Why one field of a request is wrong (each entry of a 400's `errors`). `params` carries what the words need:
 * `{ max: 200 }` for too_long, `{ value: 'jenv.staff' }` for unknown_user.
 */
export const FIELD_ERROR_CODES = [
  'required',
  'unknown_field',
  'not_text',
  'not_integer',
  'not_number',
  'not_boolean',
  'not_array',
  'not_object',
  'too_short',
  'too_long',
  'too_small',
  'too_large',
  'out_of_range',
  'too_few',
  'too_many',
  'not_one_of',
  'bad_format',
  'not_a_date',
  'date_out_of_range',
  'not_a_period',
  'unstorable_text',
  'invalid_json',
  'empty_file',
  'incomplete_upload',
  'too_deep',
  'duplicate',
  'unknown_user',
  'wrong_role',
  /** A task handed on to the person who holds it already. */
  'current_holder',
  'other_organisation',
  'unknown_ministry',
  'does_not_co_sign',
  'own_ministry',
  'unknown_nota',
  'decision_not_allowed',
  'only_with_hold',
  'only_with_granted',
  'not_after_today',
  'not_after_current_due',
  'not_after_current_meeting',
  'not_a_meeting_day',
  'before_start',
  'after_end',
  'outside_period',
  'preset_incomplete',
  'preset_mismatch',
  'no_meeting_to_plan_on',
  'bad_host',
  /** `route.stages` names a stage whose people the route does not have (no reviewers, no coSigners). */
  'stage_without_participants',
  'dispatch_not_last',
  /** `route.stages` leaves out decision, dispatch, or a stage whose people the route names. */
  'stage_missing',
  /** A term given for a ministry that is not among the route's coSigners. */
  'not_a_co_signer',
  /** An equated day must be one that would count otherwise: not a weekend day or a public holiday. */
  'not_a_working_day',
  'only_with_begrotingsbehandeling',
  /** Two fields that say the same thing differently (a dueOn and an anchor): give one. */
  'conflicts_with',
  /** The calendar data holds two such events in that year: `anchor.vergaderjaar` says which. */
  'anchor_ambiguous',
  /** A notice cannot predate the receipt of what it answers. */
  'before_receipt',
  /** The uitstelbericht always extends the Kamervragen term by three weeks, never by less. */
  'extension_fixed',
  /** Something that happened (a letter sent, a request made) cannot be dated after today. */
  'in_the_future',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

export interface FieldProblem {
  /** The JSON path of the field, e.g. `route.reviewers[1]`. */
  name: string;
  code: FieldErrorCode;
  /** In English, for a developer reading the answer; clients say it from `code` and `params`. */
  reason: string;
  params?: Record<string, string | number>;
}
