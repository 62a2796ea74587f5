import { z } from 'zod';
import { DEFAULT_TASK_QUEUE } from '@notaflow/temporal';
import { bool, originList } from './settings';
import { checkTemporalBoundary, temporalBoundarySettings } from './temporal-boundary';

const port = z.coerce
  .number({ error: 'must be a port number' })
  .int('must be a whole number')
  .min(0, 'must be between 0 and 65535')
  .max(65535, 'must be between 0 and 65535');

const url = (protocols: string[]) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    `must be a URL (${protocols.join(' or ')})`,
  );

/**
 * Every environment variable the processes read, with its default. Nothing else reads process.env:
 * a wrong setting stops start-up with a message naming it.
 */
const settings = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: url(['postgres:', 'postgresql:']),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  RUN_MIGRATIONS: bool.default(true),
  TEMPORAL_ADDRESS: z
    .string()
    .regex(/^[^\s:/]+:\d{1,5}$/, 'must be host:port')
    .default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default(DEFAULT_TASK_QUEUE),
  AUTH_MODE: z.enum(['demo', 'oidc']).default('demo'),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_TTL_SECONDS: z.coerce.number().int().min(60).max(86400).default(3600),
  OIDC_ISSUER: url(['https:', 'http:']).optional(),
  OIDC_JWKS_URL: url(['https:', 'http:']).optional(),
  OIDC_AUDIENCE: z.string().min(1).optional(),
  /** The web app's client id at the identity provider (authorization code flow with PKCE); AUTH_MODE=oidc. */
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  SEED_DEMO: bool.default(false),
  SMTP_URL: url(['smtp:', 'smtps:']).optional(),
  MAIL_FROM: z.string().min(3).default('notaflow <notaflow@notaflow.example>'),
  WEB_DIST_DIR: z.string().optional(),
  /** Origins (comma-separated) whose pages may call the API from a browser; none by default (same origin only). */
  CORS_ORIGINS: originList('https://notaflow.minjenv.nl').default([]),
  /** Requests one user may make in any 60 seconds; beyond it 429 until earlier ones age out. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(1200),
  /** Sign-in attempts per minute from one IP address. */
  SIGN_IN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(30),
  /** Consecutive failed sign-ins after which a username is locked out, and for how long. */
  SIGN_IN_LOCKOUT_AFTER: z.coerce.number().int().min(1).max(100).default(5),
  SIGN_IN_LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  /**
   * Where users reach the API and the web app it serves (`https://notaflow.minjenv.nl`): for links handed out, in
   * calendar feeds (the API) and in emails (the worker).
   */
  PUBLIC_URL: url(['https:', 'http:']).optional(),
  /** How often the API refreshes the analytics view; 0: only when asked (tests), the live tail then grows. */
  ANALYTICS_REFRESH_MINUTES: z.coerce.number().int().min(0).max(1440).default(60),
  /** When set, GET /metrics wants `Authorization: Bearer <METRICS_TOKEN>`; unset, it is open. */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Where the nota's documents are kept: `fs` under DOCUMENTS_DIR, or an S3-compatible store. */
  DOCUMENT_STORE: z.enum(['fs', 's3']).default('fs'),
  DOCUMENTS_DIR: z.string().min(1).default('.data/documents'),
  /** The largest file one upload may bring; a larger one is refused with 413 as soon as it passes the limit. */
  DOCUMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(10 * 1024 ** 3)
    .default(50 * 1024 ** 2),
  S3_ENDPOINT: url(['https:', 'http:']).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_BUCKET: z.string().min(3).optional(),
  S3_PREFIX: z.string().default(''),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Path-style addressing (`<endpoint>/<bucket>/<key>`), which S3-compatible servers other than AWS expect. */
  S3_FORCE_PATH_STYLE: bool.default(true),
  /** host:port where the worker serves Temporal's Prometheus metrics; unset, it serves none. */
  WORKER_METRICS_ADDRESS: z
    .string()
    .regex(/^[^\s/]+:\d{1,5}$/, 'must be host:port')
    .optional(),
  ...temporalBoundarySettings,
});

/** The API signs users in: it needs the settings of its AUTH_MODE, and of its document store. */
export const configSchema = settings.superRefine((c, ctx) => {
  checkTemporalBoundary(c, ctx);
  if (c.NODE_ENV === 'production' && c.AUTH_MODE === 'demo') {
    ctx.addIssue({
      code: 'custom',
      path: ['AUTH_MODE'],
      message: "must be oidc when NODE_ENV=production: the demo sign-in's users and password are public",
    });
  }
  if (c.DOCUMENT_STORE === 's3') {
    for (const key of ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const) {
      if (!c[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required when DOCUMENT_STORE=s3' });
    }
  }
  if (c.AUTH_MODE === 'demo' && !c.JWT_SECRET) {
    ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'is required when AUTH_MODE=demo' });
  }
  if (c.AUTH_MODE === 'oidc') {
    for (const key of ['OIDC_ISSUER', 'OIDC_JWKS_URL'] as const) {
      if (!c[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required when AUTH_MODE=oidc' });
    }
  }
});

export type AppConfig = z.infer<typeof configSchema>;

/** The worker and the migration commands: no sign-in settings, but the same way to Temporal. */
const workerSchema = settings.superRefine(checkTemporalBoundary);

/** Who reads the configuration: the worker and the migration commands sign nobody in, so need no auth settings. */
export type ConfigReader = 'api' | 'worker' | 'migrations';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Parses the environment; throws a ConfigError whose message names every wrong variable on one line. */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  reader: ConfigReader = 'api',
): AppConfig {
  return parseEnv(reader === 'api' ? configSchema : workerSchema, env);
}

function parseEnv<S extends z.ZodType>(schema: S, env: Record<string, string | undefined>): z.infer<S> {
  // Empty strings count as unset, as in most shells' `VAR= cmd`.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const key = issue.path.join('.') || 'environment';
      const value = cleaned[key];
      if (value === undefined && issue.code === 'invalid_type') return `${key} is required`;
      const shown = value === undefined || /SECRET|PASSWORD|TOKEN|KEY/.test(key) ? '' : ` (got "${value}")`;
      return `${key} ${issue.message}${shown}`;
    });
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  return result.data;
}

/** Settings of `npm start`'s embedded stack (scripts/stack.ts) and of `npm run start:cluster` (scripts/cluster.ts). */
export const stackConfigSchema = z.object({
  DATA_DIR: z.string().min(1).default('.data'),
  PORT: port.default(3000),
  EMBEDDED_POSTGRES_PORT: port.default(5433),
  EMBEDDED_TEMPORAL_PORT: port.default(7233),
  EMBEDDED_TEMPORAL_UI_PORT: port.default(8233),
  EMBEDDED_MAIL_SMTP_PORT: port.default(1025),
  EMBEDDED_MAIL_UI_PORT: port.default(1080),
  SMTP_URL: url(['smtp:', 'smtps:']).optional(),
  /** The worker's Temporal metrics; WORKER_METRICS_ADDRESS, when set, wins. */
  WORKER_METRICS_PORT: port.default(9464),
  WORKER_METRICS_ADDRESS: z
    .string()
    .regex(/^[^\s/]+:\d{1,5}$/, 'must be host:port')
    .optional(),
  DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
  TEMPORAL_ADDRESS: z
    .string()
    .regex(/^[^\s:/]+:\d{1,5}$/, 'must be host:port')
    .optional(),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** `npm run start:cluster`: API processes behind the load balancer at PORT, on PORT+1, PORT+2, ... */
  API_REPLICAS: z.coerce.number().int().min(1).max(16).default(2),
  /** `npm run start:cluster`: worker processes on the task queue, with metrics on WORKER_METRICS_PORT, +1, ... */
  WORKER_REPLICAS: z.coerce.number().int().min(1).max(16).default(2),
  /** `npm run start:cluster`: the S3-compatible document store on loopback. */
  EMBEDDED_S3_PORT: port.default(7070),
});

export type StackConfig = z.infer<typeof stackConfigSchema>;

export function loadStackConfig(env: Record<string, string | undefined> = process.env): StackConfig {
  return parseEnv(stackConfigSchema, env);
}
