import { createHash } from 'node:crypto';
import { AppException } from '../common/app.exception';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
/** Said on an answer that is the nota an earlier request with the same key registered, as Stripe's API says it. */
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';
const MAX_LENGTH = 255;

/**
 * The `Idempotency-Key` header as a client sends it: a token (a UUID, as most do) or, as the IETF draft writes it, a
 * quoted string. Undefined when absent; a 400 naming the header when it is empty, too long or not printable ASCII.
 */
export function parseIdempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const quoted = /^"((?:[^"\\]|\\["\\])*)"$/.exec(header);
  const key = quoted ? quoted[1].replace(/\\(["\\])/g, '$1') : header;
  if (key.length === 0) {
    throw AppException.field(IDEMPOTENCY_KEY_HEADER, 'too_short', 'is empty', { min: 1 });
  }
  if (key.length > MAX_LENGTH) {
    throw AppException.field(IDEMPOTENCY_KEY_HEADER, 'too_long', `is longer than ${MAX_LENGTH} characters`, {
      max: MAX_LENGTH,
    });
  }
  if (!/^[\x20-\x7e]+$/.test(key)) {
    throw AppException.field(IDEMPOTENCY_KEY_HEADER, 'bad_format', 'holds other characters than printable ASCII');
  }
  return key;
}

/**
 * What a registration asked, as a digest: the request body as validated, its keys in order, so that a client sending
 * the same request again (in another key order, say) is recognised, and another request under the same key is not.
 */
export function requestDigest(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
