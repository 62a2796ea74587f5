import { AppErrorCode } from './app.exception';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const TYPE_BASE = 'https://notaflow.example/problems/';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: { name: string; reason: string }[];
  [extension: string]: unknown;
}

function assertUnreachable(value: never): never {
  throw new Error(`unhandled error code ${String(value)}`);
}

export function statusOf(code: AppErrorCode): number {
  switch (code) {
    case AppErrorCode.VALIDATION_FAILED:
      return 400;
    case AppErrorCode.UNAUTHENTICATED:
      return 401;
    case AppErrorCode.FORBIDDEN:
      return 403;
    case AppErrorCode.NOT_FOUND:
      return 404;
    case AppErrorCode.CONFLICT:
      return 409;
    case AppErrorCode.PAYLOAD_TOO_LARGE:
      return 413;
    case AppErrorCode.TOO_MANY_REQUESTS:
      return 429;
    case AppErrorCode.UNAVAILABLE:
      return 503;
    default:
      return assertUnreachable(code);
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
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problem(status: number, detail: string, extensions: Record<string, unknown> = {}): Problem {
  const title = titles[status] ?? (status >= 500 ? 'Server Error' : 'Client Error');
  return {
    type: `${TYPE_BASE}${title.toLowerCase().replace(/\s+/g, '-')}`,
    title,
    status,
    detail,
    ...extensions,
  };
}
