import type { JWTPayload } from 'jose';
import { AppException } from '../common/app.exception';
import { assertAccessToken, assertMultiFactor, identityFromClaims, oidcIdentityFromClaims } from './actor-claims';

function refusal(step: () => void): unknown {
  try {
    step();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe(identityFromClaims.name, () => {
  it('names the demo token’s subject, and the username for a missing name', () => {
    expect(identityFromClaims({ sub: 'jenv.dg', role: 'reviewer', organisation: 'JENV' })).toEqual({
      actor: { username: 'jenv.dg', role: 'reviewer', organisation: 'JENV' },
      displayName: 'jenv.dg',
    });
  });
});

describe(oidcIdentityFromClaims.name, () => {
  const claims = {
    iss: 'https://login.example',
    sub: 'b1946ac9',
    role: 'reviewer',
    organisation: 'JENV',
    name: 'Directeur RRC',
  };

  it('keeps issuer and subject as the identity, and proposes preferred_username as the username', () => {
    expect(oidcIdentityFromClaims({ ...claims, preferred_username: 'jenv.directeur' })).toEqual({
      issuer: 'https://login.example',
      subject: 'b1946ac9',
      username: 'jenv.directeur',
      displayName: 'Directeur RRC',
      role: 'reviewer',
      organisation: 'JENV',
    });
    expect(oidcIdentityFromClaims(claims)).toMatchObject({ subject: 'b1946ac9', username: 'b1946ac9' });
  });

  it.each([
    ['an unknown role', { ...claims, role: 'minister' }, /role/],
    ['a role that is not text', { ...claims, role: ['reviewer'] }, /role/],
    ['no organisation', { ...claims, organisation: undefined }, /organisation/],
    ['an organisation that is no code', { ...claims, organisation: 'Justitie' }, /organisation/],
    ['no subject', { ...claims, sub: undefined, preferred_username: 'jenv.directeur' }, /subject/],
    ['a username the registry refuses', { ...claims, preferred_username: 'Jan@minjenv.nl' }, /username/],
  ])('refuses %s with a 403', (_name, payload, detail) => {
    const thrown = refusal(() => oidcIdentityFromClaims(payload as JWTPayload));
    expect(thrown).toBeInstanceOf(AppException);
    expect(thrown).toMatchObject({ code: 'token_claims_unfit', message: expect.stringMatching(detail) });
  });
});

describe(assertAccessToken.name, () => {
  const distinct = { audienceIsClientId: false };
  const same = { audienceIsClientId: true };

  it.each([
    ['RFC 9068 (typ at+jwt)', { alg: 'RS256', typ: 'at+jwt' }, {}, same],
    ['RFC 9068 with its media type', { alg: 'RS256', typ: 'application/at+jwt' }, {}, same],
    ["Cognito's token_use", { alg: 'RS256' }, { token_use: 'access' }, same],
    ["Keycloak's typ claim", { alg: 'RS256', typ: 'JWT' }, { typ: 'Bearer' }, same],
    ['nothing said, the audience not the client', { alg: 'RS256', typ: 'JWT' }, {}, distinct],
  ])('takes an access token by %s', (_name, header, claims, options) => {
    expect(refusal(() => assertAccessToken(header, claims, options))).toBeUndefined();
  });

  it.each([
    ["an ID token by Cognito's token_use", { alg: 'RS256' }, { token_use: 'id' }, distinct],
    ["an ID token by Keycloak's typ claim", { alg: 'RS256', typ: 'JWT' }, { typ: 'ID' }, distinct],
    ["a refresh token by Keycloak's typ claim", { alg: 'RS256' }, { typ: 'Refresh' }, distinct],
    ['a logout token', { alg: 'RS256', typ: 'logout+jwt' }, {}, distinct],
    ['at+jwt contradicted by token_use', { alg: 'RS256', typ: 'at+jwt' }, { token_use: 'id' }, distinct],
    ['nothing said, and the audience is the client id', { alg: 'RS256' }, {}, same],
  ])('refuses %s with 401 token_invalid', (_name, header, claims, options) => {
    expect(refusal(() => assertAccessToken(header, claims, options))).toMatchObject({ code: 'token_invalid' });
  });
});

describe(assertMultiFactor.name, () => {
  const rule = { acrValues: ['urn:rijk:loa:substantial'], amrValues: ['mfa', 'hwk'] };

  it.each([
    ['amr mfa', { amr: ['pwd', 'mfa'] }],
    ['a hardware key', { amr: ['hwk'] }],
    ['an acr of the list', { acr: 'urn:rijk:loa:substantial' }],
  ])('takes %s', (_name, claims) => {
    expect(refusal(() => assertMultiFactor(claims, rule))).toBeUndefined();
  });

  it.each([
    ['no acr or amr', {}],
    ['a password alone', { amr: ['pwd'] }],
    ['a lower acr', { acr: 'urn:rijk:loa:low' }],
    ['amr that is no list', { amr: 'mfa' }],
  ])('refuses %s with mfa_required', (_name, claims) => {
    expect(refusal(() => assertMultiFactor(claims, rule))).toMatchObject({ code: 'mfa_required' });
  });
});
