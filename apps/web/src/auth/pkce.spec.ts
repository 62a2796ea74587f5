import { authorizationUrl, codeChallenge, randomUrlSafe } from './pkce';

describe('PKCE', () => {
  it('computes the S256 challenge of RFC 7636 appendix B', async () => {
    await expect(codeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).resolves.toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('makes verifiers of the allowed characters and length, each one new', () => {
    const verifier = randomUrlSafe(32);
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomUrlSafe(48)).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(randomUrlSafe(32)).not.toBe(verifier);
  });

  it('asks the identity provider for a code bound to the challenge', () => {
    const url = new URL(
      authorizationUrl({
        authorizationEndpoint: 'https://login.minjenv.nl/realms/rijk/protocol/openid-connect/auth?kc_idp_hint=rijk',
        clientId: 'notaflow-web',
        redirectUri: 'https://notaflow.minjenv.nl/inloggen/terug',
        scopes: ['openid', 'profile'],
        state: 'state-1',
        nonce: 'nonce-1',
        challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      }),
    );
    expect(url.origin + url.pathname).toBe('https://login.minjenv.nl/realms/rijk/protocol/openid-connect/auth');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      kc_idp_hint: 'rijk',
      response_type: 'code',
      client_id: 'notaflow-web',
      redirect_uri: 'https://notaflow.minjenv.nl/inloggen/terug',
      scope: 'openid profile',
      state: 'state-1',
      nonce: 'nonce-1',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    });
  });

  it('asks for the levels of authentication the API requires, when it names them', () => {
    const url = new URL(
      authorizationUrl({
        authorizationEndpoint: 'https://login.minjenv.nl/auth',
        clientId: 'notaflow-web',
        redirectUri: 'https://notaflow.minjenv.nl/inloggen/terug',
        scopes: ['openid'],
        state: 's',
        nonce: 'n',
        challenge: 'c',
        acrValues: ['urn:rijk:loa:substantial', 'urn:rijk:loa:high'],
      }),
    );
    expect(url.searchParams.get('acr_values')).toBe('urn:rijk:loa:substantial urn:rijk:loa:high');
  });
});
