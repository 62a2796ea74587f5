import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Payload } from '@temporalio/common';
import type { Request, Response } from 'express';
import type { AppConfig } from '@notaflow/config';
import type { Actor, ProblemCode } from '@notaflow/domain';
import { AuditRepository } from '@notaflow/persistence';
import { PayloadEncryptionCodec, payloadsFromJson, payloadToJson } from '@notaflow/temporal-connection';
import { AccessTokenVerifier } from '../auth/access-token.verifier';
import { AppException } from '../common/app.exception';
import { problem, PROBLEM_CONTENT_TYPE, statusOf } from '../common/problem';
import { APP_CONFIG } from '../config/config.module';
import { bearerMatches } from '../metrics/metrics-token';
import { RateLimiter } from '../security/rate-limiter';

export const CODEC_PATH = '/codec';
const OPERATIONS = ['encode', 'decode'] as const;
type Operation = (typeof OPERATIONS)[number];
/** Who may read and seal flow payloads: an admin named in TEMPORAL_CODEC_USERS, or whoever holds the operator token. */
const CODEC_ROLE = 'admin';
const OPERATOR = 'codec-operator';
/** The callers found to be Temporal's operators: by identity, so no username can pass for one. */
const operators = new WeakSet<object>();
const REALM = 'Bearer realm="notaflow-codec"';

/**
 * The codec server the Temporal Web UI and CLI call to show flow payloads in clear text (`POST /codec/decode`) and to
 * seal what an operator sends a flow (`POST /codec/encode`), JSON `{ payloads: [...] }` both ways. Outside /api/v1:
 * its contract is Temporal's, not the API's. Both operations need the access token of an admin named as Temporal's
 * operator (TEMPORAL_CODEC_USERS) or the operator token,
 * since decoding reads every title and remark and encoding forges input the worker trusts; every call is audited.
 * CORS only for TEMPORAL_CODEC_ORIGINS (the Web UI's pages), with credentials and the UI's X-Namespace header.
 */
@Injectable()
export class CodecEndpoint implements OnModuleInit {
  private readonly logger = new Logger(CodecEndpoint.name);
  private readonly codec: PayloadEncryptionCodec | undefined;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly tokens: AccessTokenVerifier,
    private readonly limiter: RateLimiter,
    private readonly audit: AuditRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    const keys = config.TEMPORAL_PAYLOAD_KEYS;
    // An operator also reads flows begun before the keys were set, and what a key no longer held sealed: as they are.
    this.codec = keys?.length
      ? new PayloadEncryptionCodec(keys, { acceptPlaintext: true, unreadable: 'throw' })
      : undefined;
  }

  onModuleInit(): void {
    const http = this.adapterHost.httpAdapter;
    for (const operation of OPERATIONS) {
      const path = `${CODEC_PATH}/${operation}`;
      http.options(path, (request: Request, response: Response) => this.preflight(request, response));
      // serve() answers every failure itself, as problem+json.
      http.post(path, (request: Request, response: Response) => void this.serve(operation, request, response));
    }
  }

  /** Whether the page calling is one of the Web UI's; its origin is echoed, never `*`, since credentials may come. */
  private allowOrigin(request: Request, response: Response): void {
    const origin = request.headers.origin;
    if (!origin || !this.config.TEMPORAL_CODEC_ORIGINS.includes(origin)) return;
    response.setHeader('Access-Control-Allow-Origin', origin);
    response.setHeader('Access-Control-Allow-Credentials', 'true');
    response.vary('Origin');
  }

  private preflight(request: Request, response: Response): void {
    this.allowOrigin(request, response);
    response.setHeader('Access-Control-Allow-Methods', 'POST');
    response.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, X-Namespace');
    response.setHeader('Access-Control-Max-Age', '600');
    response.status(204).end();
  }

  private async serve(operation: Operation, request: Request, response: Response): Promise<void> {
    const arrived = new Date().toISOString();
    this.allowOrigin(request, response);
    response.setHeader('Cache-Control', 'no-store');
    let caller: Pick<Actor, 'username' | 'role' | 'organisation'> | undefined;
    try {
      caller = await this.caller(request, response);
      if (!operators.has(caller)) {
        throw new AppException(
          'role_not_allowed',
          `Only Temporal's operators (an admin named in TEMPORAL_CODEC_USERS) may read or seal flow payloads.`,
        );
      }
      await this.limiter.consume(`user:${caller.username}`, this.config.RATE_LIMIT_PER_MINUTE, 'requests');
      const parsed = payloadsFromJson(request.body);
      if ('problem' in parsed) {
        throw AppException.field('payloads', 'bad_format', parsed.problem);
      }
      const payloads = operation === 'encode' ? await this.encode(parsed.payloads) : await this.decode(parsed.payloads);
      response.status(200).json({ payloads: payloads.map(payloadToJson) });
    } catch (error) {
      if (!(error instanceof AppException)) {
        this.logger.error({ err: error }, `codec: ${operation} failed`);
      }
      const code: ProblemCode = error instanceof AppException ? error.code : 'internal_error';
      const status = statusOf(code);
      const detail = error instanceof AppException ? error.message : 'The codec failed; it has been logged.';
      const extras = error instanceof AppException ? error.extras : {};
      if (extras.retryAfterSeconds) response.setHeader('Retry-After', String(extras.retryAfterSeconds));
      response
        .status(status)
        .type(PROBLEM_CONTENT_TYPE)
        .send(JSON.stringify(problem(status, detail, code, { ...extras, instance: request.path })));
    } finally {
      await this.record(operation, request, response.statusCode, caller, arrived);
    }
  }

  /** The caller: the operator, or whoever the access token names; the realm of their challenge on a 401. */
  private async caller(
    request: Request,
    response: Response,
  ): Promise<Pick<Actor, 'username' | 'role' | 'organisation'>> {
    const authorization = request.headers.authorization;
    const token = /^Bearer +(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) {
      response.setHeader('WWW-Authenticate', REALM);
      throw new AppException(
        'token_missing',
        "The codec wants an admin's access token or the operator token: Authorization: Bearer <token>.",
      );
    }
    const operatorToken = this.config.TEMPORAL_CODEC_TOKEN;
    if (operatorToken && bearerMatches(authorization, operatorToken)) {
      const operator = { username: OPERATOR, role: CODEC_ROLE, organisation: '' } as const;
      operators.add(operator);
      return operator;
    }
    try {
      const actor = await this.tokens.verify(token);
      if (actor.role === CODEC_ROLE && this.config.TEMPORAL_CODEC_USERS.includes(actor.username)) operators.add(actor);
      return actor;
    } catch (error) {
      if (error instanceof AppException && ['token_invalid', 'token_expired'].includes(error.code)) {
        response.setHeader('WWW-Authenticate', `${REALM}, error="invalid_token"`);
      }
      throw error;
    }
  }

  private encode(payloads: Payload[]): Promise<Payload[]> {
    return this.codec ? this.codec.encode(payloads) : Promise.resolve(payloads);
  }

  /** One by one: a payload that does not open (a key no longer held) is shown as it is, the others in clear text. */
  private async decode(payloads: Payload[]): Promise<Payload[]> {
    const codec = this.codec;
    if (!codec) return payloads;
    return Promise.all(
      payloads.map((payload) =>
        codec.decode([payload]).then(
          ([opened]) => opened,
          () => payload,
        ),
      ),
    );
  }

  /** Decoding reads what the registry protects: every call is in the audit log, refused or not. */
  private async record(
    operation: Operation,
    request: Request,
    status: number,
    caller: Pick<Actor, 'username' | 'role' | 'organisation'> | undefined,
    at: string,
  ): Promise<void> {
    const path = `${CODEC_PATH}/${operation}`;
    try {
      await this.audit.append({
        actor: caller?.username ?? null,
        role: caller?.role ?? null,
        organisation: caller?.organisation || null,
        action: `POST ${path}`,
        object: path,
        result: status < 400 ? 'success' : status < 500 ? 'refused' : 'failed',
        status,
        origin: request.ip ?? null,
        userAgent: request.headers['user-agent']?.slice(0, 300) ?? null,
        requestId: null,
        at,
      });
    } catch (error) {
      this.logger.error({ err: error, action: `POST ${path}`, status }, 'audit entry not written');
    }
  }
}
