import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { answer, client, onUnauthorized, setTokenSource } from '../api/client';
import type { AuthConfig, Profile, TokenAnswer } from '../api/types';
import { authorizationUrl, codeChallenge, randomUrlSafe } from './pkce';
import { clearSession, loadSession, saveSession, savePendingSignIn, takePendingSignIn, type Session } from './session';

export const SIGN_IN_PATH = '/inloggen';
export const CALLBACK_PATH = '/inloggen/terug';

interface AuthContextValue {
  session: Session | undefined;
  /** Set when the API refused the token: the sign-in page says the session has ended. */
  expired: boolean;
  signInDemo(username: string, password: string): Promise<void>;
  startOidcSignIn(config: AuthConfig, returnTo: string): Promise<void>;
  completeOidcSignIn(params: URLSearchParams): Promise<string>;
  signOut(): void;
}

const AuthContext = createContext<AuthContextValue | undefined>(undefined);

// Set before any page renders: pages fetch in their effects, which run before this provider's own.
setTokenSource(() => loadSession()?.accessToken);

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside <AuthProvider>');
  return value;
}

/** The signed-in user; only inside pages that require a session. */
export function useProfile(): Profile {
  const { session } = useAuth();
  if (!session) throw new Error('useProfile without a session');
  return session.profile;
}

function profileFor(accessToken: string): Promise<Profile> {
  // Asked with this token explicitly: the session is not stored until the profile is known.
  return answer(client.GET('/api/v1/auth/me', { headers: { authorization: `Bearer ${accessToken}` } }));
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | undefined>(() => loadSession());
  const [expired, setExpired] = useState(false);

  useEffect(
    () =>
      onUnauthorized(() => {
        clearSession();
        setSession(undefined);
        setExpired(true);
      }),
    [],
  );

  // The token runs out while the tab is open: end the session at that moment rather than at the next failed call.
  useEffect(() => {
    if (!session) return;
    const timer = setTimeout(
      () => {
        clearSession();
        setSession(undefined);
        setExpired(true);
      },
      Math.max(0, session.expiresAt - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [session]);

  const establish = useCallback(async (tokens: TokenAnswer, mode: Session['mode'], endSessionEndpoint?: string) => {
    const profile = await profileFor(tokens.accessToken);
    const next: Session = {
      accessToken: tokens.accessToken,
      expiresAt: Date.now() + tokens.expiresIn * 1000,
      profile,
      mode,
      ...(tokens.idToken ? { idToken: tokens.idToken } : {}),
      ...(endSessionEndpoint ? { endSessionEndpoint } : {}),
    };
    saveSession(next);
    setExpired(false);
    setSession(next);
  }, []);

  const signInDemo = useCallback(
    async (username: string, password: string) => {
      const tokens = await answer(client.POST('/api/v1/auth/token', { body: { username, password } }));
      await establish(tokens, 'demo');
    },
    [establish],
  );

  const startOidcSignIn = useCallback(async (config: AuthConfig, returnTo: string) => {
    const oidc = config.oidc;
    if (!oidc) throw new Error('no OIDC client configured');
    const verifier = randomUrlSafe(48);
    const state = randomUrlSafe(16);
    const nonce = randomUrlSafe(16);
    const redirectUri = `${window.location.origin}${CALLBACK_PATH}`;
    savePendingSignIn({ state, nonce, verifier, redirectUri, returnTo });
    const url = authorizationUrl({
      authorizationEndpoint: oidc.authorizationEndpoint,
      clientId: oidc.clientId,
      redirectUri,
      scopes: oidc.scopes,
      state,
      nonce,
      challenge: await codeChallenge(verifier),
      ...(oidc.acrValues?.length ? { acrValues: oidc.acrValues } : {}),
    });
    // A top-level navigation: the identity provider's own pages, outside our Content-Security-Policy's reach.
    window.location.assign(url);
  }, []);

  const completeOidcSignIn = useCallback(
    async (params: URLSearchParams) => {
      const pending = takePendingSignIn();
      const error = params.get('error');
      if (error) throw new Error(`De identiteitsprovider weigerde de aanmelding (${error}).`);
      const code = params.get('code');
      if (!pending || !code || params.get('state') !== pending.state) {
        throw new Error('Deze aanmelding hoort niet bij dit venster. Meld u opnieuw aan.');
      }
      const config = await answer(client.GET('/api/v1/auth/config'));
      const tokens = await answer(
        client.POST('/api/v1/auth/oidc/token', {
          body: { code, codeVerifier: pending.verifier, redirectUri: pending.redirectUri },
        }),
      );
      await establish(tokens, 'oidc', config.oidc?.endSessionEndpoint);
      return pending.returnTo;
    },
    [establish],
  );

  const signOut = useCallback(() => {
    const ending = loadSession();
    clearSession();
    setSession(undefined);
    setExpired(false);
    if (ending?.mode === 'oidc' && ending.endSessionEndpoint) {
      const url = new URL(ending.endSessionEndpoint);
      if (ending.idToken) url.searchParams.set('id_token_hint', ending.idToken);
      url.searchParams.set('post_logout_redirect_uri', `${window.location.origin}${SIGN_IN_PATH}`);
      window.location.assign(url.toString());
    }
  }, []);

  const value = useMemo(
    () => ({ session, expired, signInDemo, startOidcSignIn, completeOidcSignIn, signOut }),
    [session, expired, signInDemo, startOidcSignIn, completeOidcSignIn, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
