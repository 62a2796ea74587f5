import { assertNever, type ProblemCode } from '@notaflow/domain';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const TYPE_BASE = 'https://notaflow.example/problems/';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ProblemCode;
  instance?: string;
  errors?: { name: string; code: string; reason: string; params?: Record<string, string | number> }[];
  [extension: string]: unknown;
}

/** The one mapping of a refusal to its HTTP status. */
export function statusOf(code: ProblemCode): number {
  switch (code) {
    case 'validation_failed':
      return 400;
    case 'token_missing':
    case 'token_invalid':
    case 'token_expired':
    case 'wrong_credentials':
    case 'sign_in_refused':
    case 'calendar_feed_token_invalid':
    case 'mfa_required':
      return 401;
    case 'role_not_allowed':
    case 'token_claims_unfit':
    case 'organisation_unknown':
    case 'user_unknown':
    case 'identity_conflict':
    case 'user_deactivated':
    case 'nota_not_visible':
    case 'nota_not_managed':
    case 'task_not_holder':
    case 'deadline_not_own':
      return 403;
    case 'route_not_found':
    case 'demo_sign_in_off':
    case 'oidc_sign_in_off':
    case 'nota_not_found':
    case 'task_not_found':
    case 'deadline_not_found':
    case 'postponement_not_found':
    case 'calendar_period_not_found':
    case 'equated_day_not_found':
    case 'ministerraad_meeting_not_found':
    case 'kamer_event_not_found':
    case 'calendar_feed_not_found':
    case 'notification_not_found':
    case 'document_not_found':
    case 'version_not_found':
      return 404;
    case 'method_not_allowed':
      return 405;
    case 'not_acceptable':
      return 406;
    case 'nota_already_submitted':
    case 'nota_not_awaiting_version':
    case 'nota_closed':
    case 'nota_changed':
    case 'flow_ended':
    case 'kamerstuk_before_dispatch':
    case 'kamerstuk_already_recorded':
    case 'kamerstuk_taken':
    case 'deadline_not_extendable':
    case 'deadline_already_extended':
    case 'extension_notice_too_late':
    case 'task_not_open':
    case 'task_not_personal':
    case 'deadline_closed':
    case 'postponement_pending':
    case 'postponement_decided':
    case 'calendar_period_overlap':
    case 'equated_day_exists':
    case 'ministerraad_meeting_exists':
    case 'kamer_event_overlap':
    case 'calendar_feed_limit':
    case 'document_missing':
    case 'stale_version':
    case 'version_sealed':
    case 'document_not_comparable':
    case 'nota_not_dispatched':
      return 409;
    case 'payload_too_large':
      return 413;
    case 'uri_too_long':
      return 414;
    case 'request_header_fields_too_large':
      return 431;
    case 'idempotency_key_reused':
      return 422;
    case 'unsupported_media_type':
    case 'document_encrypted':
      return 415;
    case 'too_many_requests':
    case 'sign_in_locked':
      return 429;
    case 'internal_error':
    case 'integrity_error':
      return 500;
    case 'unavailable':
    case 'flow_timeout':
      return 503;
    default:
      return assertNever(code);
  }
}

/** The problem code of a status that no refusal of ours named (a framework's 404, body-parser's 413). */
export function codeOfStatus(status: number): ProblemCode {
  switch (status) {
    case 400:
      return 'validation_failed';
    case 401:
      return 'token_invalid';
    case 404:
      return 'route_not_found';
    case 405:
      return 'method_not_allowed';
    case 406:
      return 'not_acceptable';
    case 413:
      return 'payload_too_large';
    case 414:
      return 'uri_too_long';
    case 415:
      return 'unsupported_media_type';
    case 431:
      return 'request_header_fields_too_large';
    case 429:
      return 'too_many_requests';
    case 503:
      return 'unavailable';
    default:
      return status >= 500 ? 'internal_error' : 'validation_failed';
  }
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The reason phrase of a status, as the problem's `title` and an HTTP status line say it. */
export function titleOf(status: number): string {
  return titles[status] ?? (status >= 500 ? 'Server Error' : 'Client Error');
}

export function problem(
  status: number,
  detail: string,
  code: ProblemCode,
  extensions: Record<string, unknown> = {},
): Problem {
  const title = titleOf(status);
  return {
    type: `${TYPE_BASE}${title.toLowerCase().replace(/\s+/g, '-')}`,
    title,
    status,
    detail,
    code,
    ...extensions,
  };
}
