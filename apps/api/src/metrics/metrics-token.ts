import { createHash, timingSafeEqual } from 'node:crypto';

/** Compares hashes, not the strings: equal length, constant time, so the token leaks through no timing. */
export function bearerMatches(authorization: string | undefined, token: string): boolean {
  const presented = /^Bearer +(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!presented) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(presented), digest(token));
}
