import { jwtVerify } from 'jose';
import { ROLES, type Actor, type Role } from '@notaflow/domain';

/**
 * The token check a hand-written server does with the product's demo key: jose's jwtVerify (HS256, the same
 * secret, issuer and audience), then the caller from the claims. Answers undefined for any token it refuses.
 */
export function demoTokenVerifier(secret: string): (authorization: string | undefined) => Promise<Actor | undefined> {
  const key = new TextEncoder().encode(secret);
  const options = { issuer: 'notaflow-demo', audience: 'notaflow', algorithms: ['HS256'] };
  return async (authorization) => {
    const token = /^Bearer +(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) return undefined;
    try {
      const { payload } = await jwtVerify(token, key, options);
      const username = String(payload.preferred_username ?? payload.sub ?? '');
      if (!username || !(ROLES as readonly unknown[]).includes(payload.role)) return undefined;
      return { username, role: payload.role as Role, organisation: String(payload.organisation) };
    } catch {
      return undefined;
    }
  };
}
