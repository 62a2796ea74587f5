import { ROLES } from '@notaflow/domain';
import { NAVIGATION, homeFor } from './navigation';

describe('navigation by role', () => {
  it('gives every role a home page and no item twice', () => {
    for (const role of ROLES) {
      expect(NAVIGATION[role].length).toBeGreaterThan(0);
      expect(new Set(NAVIGATION[role].map((item) => item.to)).size).toBe(NAVIGATION[role].length);
    }
  });

  it('starts each role where its work is', () => {
    expect(homeFor('drafter')).toBe('/taken');
    expect(homeFor('cosigner')).toBe('/taken');
    expect(homeFor('manager')).toBe('/dashboard');
    expect(homeFor('admin')).toBe('/kalender');
    expect(NAVIGATION.drafter.map((item) => item.to)).toContain('/notas/nieuw');
    expect(NAVIGATION.reviewer.map((item) => item.to)).not.toContain('/notas/nieuw');
  });
});
