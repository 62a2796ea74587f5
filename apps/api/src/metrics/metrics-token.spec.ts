import { bearerMatches } from './metrics-token';

describe(bearerMatches.name, () => {
  const token = 'scrape-me-if-you-can-0123456789';

  it('accepts the configured token as a bearer token', () => {
    expect(bearerMatches(`Bearer ${token}`, token)).toBe(true);
    expect(bearerMatches(`bearer ${token}`, token)).toBe(true);
  });

  it.each([undefined, '', token, `Bearer ${token}x`, 'Bearer ', `Basic ${token}`, `Bearer ${token.slice(1)}`])(
    'refuses %j',
    (header) => {
      expect(bearerMatches(header, token)).toBe(false);
    },
  );
});
