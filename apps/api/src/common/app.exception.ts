/** Every refusal the API knows by name. The HTTP status of each lives in one place: problem.ts. */
export enum AppErrorCode {
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  UNAVAILABLE = 'UNAVAILABLE',
}

export interface FieldError {
  /** The JSON path of the field, e.g. `route.reviewers[1]`. */
  name: string;
  reason: string;
}

export class AppException extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly extras: { errors?: FieldError[]; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'AppException';
  }

  static validation(errors: FieldError[], message = 'The request has invalid fields.'): AppException {
    return new AppException(AppErrorCode.VALIDATION_FAILED, message, { errors });
  }
}
