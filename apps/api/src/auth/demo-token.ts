import type { AppConfig } from '@notaflow/config';

/** Claims of the tokens the demo identity provider signs; the guard insists on both. */
export const DEMO_ISSUER = 'notaflow-demo';
export const DEMO_AUDIENCE = 'notaflow';
export const DEMO_ALGORITHM = 'HS256';

export function demoSigningKey(config: AppConfig): Uint8Array {
  // The config schema already demands it in demo mode; this keeps the type honest.
  if (!config.JWT_SECRET) throw new Error('JWT_SECRET is required when AUTH_MODE=demo');
  return new TextEncoder().encode(config.JWT_SECRET);
}
