import type { FieldErrorCode, FieldProblem, ProblemCode } from '@notaflow/domain';

export type { FieldProblem } from '@notaflow/domain';

/**
 * A refusal the API gives on purpose: a domain code (libs/domain problems.ts) that the problem filter turns into
 * problem+json with the status statusOf gives it. The message is English, for developers; clients switch on
 * `code` and say it in their own words.
 */
export class AppException extends Error {
  constructor(
    readonly code: ProblemCode,
    message: string,
    readonly extras: { errors?: FieldProblem[]; retryAfterSeconds?: number; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'AppException';
  }

  static validation(errors: FieldProblem[], message = 'The request has invalid fields.'): AppException {
    return new AppException('validation_failed', message, { errors });
  }

  /** A 400 for one field: `AppException.field('nextMeeting', 'not_a_meeting_day', 'is no day the ...')`. */
  static field(name: string, code: FieldErrorCode, reason: string, params?: FieldProblem['params']): AppException {
    return AppException.validation([{ name, code, reason, ...(params ? { params } : {}) }]);
  }
}
