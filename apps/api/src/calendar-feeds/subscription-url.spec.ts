import { hashFeedToken, isFeedTokenShape, newFeedToken } from './calendar-feed-token';
import { publicOrigin, requestOrigin, subscriptionUrls } from './subscription-url';

describe(requestOrigin.name, () => {
  it.each([
    ['https', 'notaflow.example', 'https://notaflow.example'],
    ['https', 'notaflow.example:443', 'https://notaflow.example'],
    ['http', '127.0.0.1:3000', 'http://127.0.0.1:3000'],
    ['http', 'LOCALHOST:8080', 'http://localhost:8080'],
    ['http', '[::1]:3000', 'http://[::1]:3000'],
  ])('accepts %s://%s', (protocol, host, origin) => {
    expect(requestOrigin(protocol, host)).toBe(origin);
  });

  it.each([
    ['http', undefined],
    ['http', ''],
    ['http', 'evil.example/path?'],
    ['http', 'user@evil.example'],
    ['http', 'evil.example#'],
    ['http', 'a b'],
    ['http', 'host:99999'],
    ['http', '[zz::1]'],
    ['http', 'notaflow.example, evil.example'],
    ['javascript', 'notaflow.example'],
  ])('refuses %s://%s', (protocol, host) => {
    expect(requestOrigin(protocol, host)).toBeUndefined();
  });
});

describe(publicOrigin.name, () => {
  const request = { protocol: 'http', host: '127.0.0.1:3000' };

  it("takes PUBLIC_URL's origin behind a proxy, else the request's own", () => {
    expect(publicOrigin({ PUBLIC_URL: 'https://notaflow.minjenv.example/' }, request)).toBe(
      'https://notaflow.minjenv.example',
    );
    expect(publicOrigin({}, request)).toBe('http://127.0.0.1:3000');
    expect(publicOrigin({}, { protocol: 'http', host: 'evil.example/x?' })).toBeUndefined();
  });
});

describe(subscriptionUrls.name, () => {
  it('puts the token in the query of the feed URL, and offers webcal://', () => {
    expect(subscriptionUrls('https://notaflow.example', 'abc_-123')).toEqual({
      url: 'https://notaflow.example/api/v1/deadlines.ics?token=abc_-123',
      webcalUrl: 'webcal://notaflow.example/api/v1/deadlines.ics?token=abc_-123',
    });
  });
});

describe('feed tokens', () => {
  it('are 256 random bits in base64url, different each time, hashed with SHA-256', () => {
    const [a, b] = [newFeedToken(), newFeedToken()];
    expect(a).not.toBe(b);
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(isFeedTokenShape(a)).toBe(true);
    expect(hashFeedToken(a)).toHaveLength(32);
    expect(hashFeedToken(a).equals(hashFeedToken(a))).toBe(true);
  });

  it.each([undefined, '', 'short', `${'a'.repeat(43)}=`, `${'a'.repeat(42)}+`, ['x'], 42])(
    'refuses %j without a lookup',
    (value) => {
      expect(isFeedTokenShape(value)).toBe(false);
    },
  );
});
