import { AppException } from '../common/app.exception';
import { parseIdempotencyKey, requestDigest } from './idempotency-key';

describe('parseIdempotencyKey', () => {
  it('takes a bare token and a quoted string alike, and nothing when absent', () => {
    expect(parseIdempotencyKey('8e0f6a4c-1d2b-4c3e-9f00-0a1b2c3d4e5f')).toBe('8e0f6a4c-1d2b-4c3e-9f00-0a1b2c3d4e5f');
    expect(parseIdempotencyKey('"8e0f6a4c"')).toBe('8e0f6a4c');
    expect(parseIdempotencyKey('"a \\"b\\" c"')).toBe('a "b" c');
    expect(parseIdempotencyKey(undefined)).toBeUndefined();
  });

  it.each([
    ['""', 'too_short'],
    ['k'.repeat(256), 'too_long'],
    ['sleutel-\u00e9', 'bad_format'],
  ])('refuses %j as a field error %s on the header', (header, code) => {
    let refusal: unknown;
    try {
      parseIdempotencyKey(header);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(AppException);
    expect((refusal as AppException).code).toBe('validation_failed');
    expect((refusal as AppException).extras.errors).toEqual([
      expect.objectContaining({ name: 'Idempotency-Key', code }),
    ]);
  });

  it('takes a key of 255 characters', () => {
    expect(parseIdempotencyKey('k'.repeat(255))).toHaveLength(255);
  });
});

describe('requestDigest', () => {
  it('is the same for the same request in another key order, and without absent fields', () => {
    const a = { title: 'Kamerbrief', route: [{ stage: 'decision', organisation: 'JENV' }], dossier: undefined };
    const b = { route: [{ organisation: 'JENV', stage: 'decision' }], title: 'Kamerbrief' };
    expect(requestDigest(a)).toBe(requestDigest(b));
    expect(requestDigest(a)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differs for another request, down to the order of the route', () => {
    const route = [
      { stage: 'initialling', organisation: 'JENV' },
      { stage: 'decision', organisation: 'JENV' },
    ];
    expect(requestDigest({ title: 'Kamerbrief', route })).not.toBe(requestDigest({ title: 'Kamerbrief.', route }));
    expect(requestDigest({ title: 'Kamerbrief', route })).not.toBe(
      requestDigest({ title: 'Kamerbrief', route: [...route].reverse() }),
    );
  });
});
