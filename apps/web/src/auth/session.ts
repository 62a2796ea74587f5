import type { Profile } from '../api/types';

/**
 * Who is signed in, kept in sessionStorage: it survives a reload but not closing the tab, and no other site can
 * read it. The access token is a bearer token; the Content-Security-Policy (scripts from our own origin only)
 * is what keeps it out of reach of injected code.
 */
export interface Session {
  accessToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  profile: Profile;
  mode: 'demo' | 'oidc';
  idToken?: string;
  /** Where signing out ends the session at the identity provider too (oidc). */
  endSessionEndpoint?: string;
}

const KEY = 'notaflow.session';
// A token about to expire would fail halfway through a form; treat it as gone a little early.
const EXPIRY_MARGIN_MS = 30_000;

export function loadSession(now = Date.now()): Session | undefined {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return undefined;
    const session = JSON.parse(raw) as Session;
    if (typeof session.accessToken !== 'string' || session.expiresAt - EXPIRY_MARGIN_MS <= now) {
      sessionStorage.removeItem(KEY);
      return undefined;
    }
    return session;
  } catch {
    return undefined;
  }
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}

/** What the sign-in with the identity provider must remember across the redirect. */
export interface PendingOidcSignIn {
  state: string;
  nonce: string;
  verifier: string;
  redirectUri: string;
  returnTo: string;
}

const PENDING_KEY = 'notaflow.oidc';

export function savePendingSignIn(pending: PendingOidcSignIn): void {
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
}

/** Read once: a code can be exchanged only once, and a second callback with the same state is refused. */
export function takePendingSignIn(): PendingOidcSignIn | undefined {
  const raw = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as PendingOidcSignIn;
  } catch {
    return undefined;
  }
}
