/**
 * A key no other request will carry, for an Idempotency-Key. `crypto.randomUUID` exists only in a secure context
 * (https, or localhost); on a plain-http intranet address the same randomness comes from getRandomValues.
 */
export function randomKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
