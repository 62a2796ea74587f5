import { isProblemCode } from '@notaflow/domain';
import type { components } from '../api/schema.gen';
import { FIELD_MESSAGES, FIELD_SPECIFIC_MESSAGES, PROBLEM_MESSAGES } from './problem-messages';

/** An RFC 9457 problem as the API answers every refusal, with `code` and, for a 400, `errors` naming each field. */
export type Problem = components['schemas']['ProblemDto'];
export type FieldProblem = components['schemas']['FieldProblemDto'];

export function isProblem(value: unknown): value is Problem {
  const v = value as Partial<Problem> | null;
  return typeof v === 'object' && v !== null && typeof v.status === 'number' && typeof v.title === 'string';
}

/** Field errors by field name (`title`, `route.reviewers[1]`), in Dutch, as the form shows them at each field. */
export type FieldErrors = Record<string, string>;

/**
 * One field error in Dutch, from its code and params. A code this build does not know yet (a newer API) keeps the
 * API's own reason, which beats hiding it.
 */
export function fieldMessage({ name, code, reason, params }: FieldProblem): string {
  if (!(code in FIELD_MESSAGES)) return reason;
  return FIELD_SPECIFIC_MESSAGES[name.replace(/\[\d+\]/g, '')]?.[code] ?? FIELD_MESSAGES[code](params ?? {});
}

/** The problem's field errors in Dutch; the first per field wins, as a field shows one message. */
export function fieldErrorsOf(problem: Problem | undefined): FieldErrors {
  const errors: FieldErrors = {};
  for (const error of problem?.errors ?? []) errors[error.name] ??= fieldMessage(error);
  return errors;
}

/** What went wrong, in Dutch, for a message above a form or on a page: by the problem's code, else by the status. */
export function describeProblem(status: number, problem?: Problem): string {
  if (isProblemCode(problem?.code)) return PROBLEM_MESSAGES[problem.code];
  switch (status) {
    case 0:
      return 'De server is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.';
    case 400:
      return PROBLEM_MESSAGES.validation_failed;
    case 401:
      return PROBLEM_MESSAGES.token_invalid;
    case 403:
      return PROBLEM_MESSAGES.role_not_allowed;
    case 404:
      return PROBLEM_MESSAGES.route_not_found;
    case 409:
      return 'Dit kan niet meer: de situatie is intussen veranderd.';
    case 429:
      return PROBLEM_MESSAGES.too_many_requests;
    case 503:
      return PROBLEM_MESSAGES.unavailable;
    default:
      return status >= 500 ? PROBLEM_MESSAGES.internal_error : 'Er ging iets mis.';
  }
}
