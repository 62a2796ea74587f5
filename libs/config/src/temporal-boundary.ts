import { z } from 'zod';
import { bool, originList, usernameList } from './settings';

const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;
const KEY_BYTES = 32;

/** One AES-256 key of the payload codec and the id its payloads name it by. */
export interface PayloadKeySetting {
  id: string;
  key: Buffer;
}

/**
 * `id:base64key,id:base64key`: the first seals new payloads, the others only open what they sealed before a rotation.
 * No message ever shows a key, only its id or its position.
 */
const payloadKeys = z.string().transform((value, ctx): PayloadKeySetting[] => {
  const keys: PayloadKeySetting[] = [];
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  entries.forEach((entry, index) => {
    const colon = entry.indexOf(':');
    const id = colon < 0 ? '' : entry.slice(0, colon);
    const encoded = colon < 0 ? '' : entry.slice(colon + 1);
    if (!KEY_ID.test(id) || !BASE64.test(encoded)) {
      ctx.addIssue({
        code: 'custom',
        message: `must be id:base64key pairs separated by commas (entry ${index + 1} is not; an id is 1-64 of A-Z a-z 0-9 . _ -)`,
      });
      return;
    }
    const key = Buffer.from(encoded, 'base64');
    if (key.length !== KEY_BYTES) {
      ctx.addIssue({
        code: 'custom',
        message: `key ${id} must be ${KEY_BYTES} bytes in base64, e.g. from \`openssl rand -base64 32\` (it is ${key.length})`,
      });
      return;
    }
    if (keys.some((known) => known.id === id)) {
      ctx.addIssue({ code: 'custom', message: `names key ${id} twice` });
      return;
    }
    keys.push({ id, key });
  });
  if (!entries.length) ctx.addIssue({ code: 'custom', message: 'names no key' });
  return keys;
});

/**
 * How the API and the workers meet Temporal: over mutual TLS when configured, and with flow payloads encrypted by the
 * payload codec when keys are configured. Both read these; the API also serves the codec endpoint for operators.
 */
export const temporalBoundarySettings = {
  /** AES-256 keys of the payload codec, `id:base64key,...`, the first sealing; unset: payloads as they are. */
  TEMPORAL_PAYLOAD_KEYS: payloadKeys.optional(),
  /** `refuse`: a payload that is not encrypted is refused; `accept`: taken, for flows begun before the keys were set. */
  TEMPORAL_PAYLOAD_PLAINTEXT: z.enum(['refuse', 'accept']).default('refuse'),
  /** TLS to the Temporal frontend; on by itself when a certificate, a CA or a server name is configured. */
  TEMPORAL_TLS: bool.default(false),
  /** The client certificate (PEM file) presented to Temporal for mutual TLS; with TEMPORAL_TLS_KEY. */
  TEMPORAL_TLS_CERT: z.string().min(1).optional(),
  /** Its private key (PEM file). */
  TEMPORAL_TLS_KEY: z.string().min(1).optional(),
  /** The CA (PEM file) that issued the frontend's certificate; unset: the system's trusted roots. */
  TEMPORAL_TLS_CA: z.string().min(1).optional(),
  /** The name the frontend's certificate must carry, when it is not the host of TEMPORAL_ADDRESS. */
  TEMPORAL_TLS_SERVER_NAME: z.string().min(1).optional(),
  /**
   * The administrators (comma-separated usernames) whose access token /codec takes: the operators of Temporal. Being
   * an admin is not enough, since an admin keeps the calendar and would otherwise read every ministry's flows.
   */
  TEMPORAL_CODEC_USERS: usernameList.default([]),
  /** A bearer token for /codec besides a named operator's access token: for the Temporal CLI or a Web UI without sign-in. */
  TEMPORAL_CODEC_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Origins (comma-separated) of the Temporal Web UI, whose pages may call /codec from the browser. */
  TEMPORAL_CODEC_ORIGINS: originList('https://temporal.minjenv.nl').default([]),
};

type BoundarySettings = z.infer<z.ZodObject<typeof temporalBoundarySettings>>;

/** The rules between the boundary's settings, for every process that reads them. */
export function checkTemporalBoundary(c: BoundarySettings, ctx: z.RefinementCtx): void {
  if (Boolean(c.TEMPORAL_TLS_CERT) !== Boolean(c.TEMPORAL_TLS_KEY)) {
    const missing = c.TEMPORAL_TLS_CERT ? 'TEMPORAL_TLS_KEY' : 'TEMPORAL_TLS_CERT';
    const other = c.TEMPORAL_TLS_CERT ? 'TEMPORAL_TLS_CERT' : 'TEMPORAL_TLS_KEY';
    ctx.addIssue({ code: 'custom', path: [missing], message: `is required with ${other}` });
  }
}

/** Whether the connection to Temporal is TLS: asked for, or implied by a certificate or CA. */
export function temporalTlsEnabled(
  c: Pick<BoundarySettings, 'TEMPORAL_TLS' | 'TEMPORAL_TLS_CERT' | 'TEMPORAL_TLS_CA' | 'TEMPORAL_TLS_SERVER_NAME'>,
): boolean {
  return c.TEMPORAL_TLS || Boolean(c.TEMPORAL_TLS_CERT || c.TEMPORAL_TLS_CA || c.TEMPORAL_TLS_SERVER_NAME);
}
