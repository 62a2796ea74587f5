import { createHash, randomBytes } from 'node:crypto';

const TOKEN_BYTES = 32;
// 32 bytes in base64url without padding.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** A new feed token: 256 random bits, URL-safe as it is. */
export function newFeedToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/**
 * What the database keeps and looks up. A plain SHA-256 suffices: the token is 256 random bits, so there is nothing
 * to guess or to precompute, and an exact-match lookup of the hash leaks no timing about the token.
 */
export function hashFeedToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** Whether a value can be a token at all: anything else is refused without a database round trip. */
export function isFeedTokenShape(value: unknown): value is string {
  return typeof value === 'string' && TOKEN_SHAPE.test(value);
}
