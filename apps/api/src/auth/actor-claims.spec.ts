import { AppException } from '../common/app.exception';
import { identityFromClaims } from './actor-claims';

describe(identityFromClaims.name, () => {
  const claims = { sub: 'b1946ac9', role: 'reviewer', organisation: 'JENV', name: 'Directeur RRC' };

  it('prefers preferred_username over sub', () => {
    expect(identityFromClaims({ ...claims, preferred_username: 'jenv.directeur' })).toEqual({
      actor: { username: 'jenv.directeur', role: 'reviewer', organisation: 'JENV' },
      displayName: 'Directeur RRC',
    });
  });

  it('falls back to sub, and to the username for a missing name', () => {
    expect(identityFromClaims({ sub: 'jenv.dg', role: 'reviewer', organisation: 'JENV' })).toEqual({
      actor: { username: 'jenv.dg', role: 'reviewer', organisation: 'JENV' },
      displayName: 'jenv.dg',
    });
  });

  it.each([
    ['an unknown role', { ...claims, role: 'minister' }, /role/],
    ['a role that is not text', { ...claims, role: ['reviewer'] }, /role/],
    ['no organisation', { ...claims, organisation: undefined }, /organisation/],
    ['an organisation that is no code', { ...claims, organisation: 'Justitie' }, /organisation/],
    ['no username', { ...claims, sub: undefined }, /username/],
    ['a username the registry refuses', { ...claims, preferred_username: 'Jan@minjenv.nl' }, /username/],
  ])('refuses %s with a 403', (_name, payload, detail) => {
    let thrown: unknown;
    try {
      identityFromClaims(payload);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppException);
    expect(thrown).toMatchObject({ code: 'token_claims_unfit', message: expect.stringMatching(detail) });
  });
});
