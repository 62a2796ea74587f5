import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '@notaflow/config';

// Query parameters that carry credentials: a feed token, or a token someone put where it does not belong.
const SECRET_PARAMETER = /token|password|secret|key|code|auth/i;

/** The URL with the value of every credential-like query parameter replaced. */
export function redactQuery(url: string): string {
  const [path, query] = url.split(/\?(.*)/s, 2);
  if (query === undefined) return url;
  const redacted = query
    .split('&')
    .map((pair) => {
      const name = decodeURIComponentSafe(pair.split('=', 1)[0]);
      return SECRET_PARAMETER.test(name) ? `${pair.split('=', 1)[0]}=[redacted]` : pair;
    })
    .join('&');
  return `${path}?${redacted}`;
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Structured JSON logs; credentials never reach a log line. */
export function loggerOptions(config: AppConfig): Params {
  return {
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: config.LOG_LEVEL,
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'req.query.token', '*.password', '*.accessToken'],
        censor: '[redacted]',
      },
      // Health probes every few seconds would drown the log.
      autoLogging: { ignore: (req) => req.url === '/api/v1/health' },
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: redactQuery(req.url),
        }),
      },
    },
  };
}
