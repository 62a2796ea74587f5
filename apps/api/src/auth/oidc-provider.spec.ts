import { parseDiscovery } from './oidc-provider';

describe(parseDiscovery.name, () => {
  const issuer = 'https://login.minjenv.nl/realms/rijk';
  const document = {
    issuer,
    authorization_endpoint: `${issuer}/protocol/openid-connect/auth`,
    token_endpoint: `${issuer}/protocol/openid-connect/token`,
    end_session_endpoint: `${issuer}/protocol/openid-connect/logout`,
    jwks_uri: `${issuer}/protocol/openid-connect/certs`,
  };

  it('takes the endpoints of the configured issuer, a trailing slash aside', () => {
    expect(parseDiscovery(document, `${issuer}/`)).toEqual({
      issuer,
      authorizationEndpoint: `${issuer}/protocol/openid-connect/auth`,
      tokenEndpoint: `${issuer}/protocol/openid-connect/token`,
      endSessionEndpoint: `${issuer}/protocol/openid-connect/logout`,
    });
    expect(parseDiscovery({ ...document, end_session_endpoint: undefined }, issuer)).not.toHaveProperty(
      'endSessionEndpoint',
    );
  });

  it.each([
    ['another issuer', { ...document, issuer: 'https://evil.example' }],
    ['no token endpoint', { ...document, token_endpoint: undefined }],
    ['an endpoint that is no http(s) URL', { ...document, authorization_endpoint: 'javascript:alert(1)' }],
    ['no document at all', undefined],
  ])('refuses %s as the provider being unusable (503)', (_what, doc) => {
    expect(() => parseDiscovery(doc, issuer)).toThrow(expect.objectContaining({ code: 'unavailable' }));
  });
});
