import { randomKey } from './random-key';

describe(randomKey.name, () => {
  it('gives a new key each time, printable ASCII as the API takes it, also where randomUUID is missing', () => {
    const keys = new Set(Array.from({ length: 100 }, () => randomKey()));
    expect(keys.size).toBe(100);
    const { randomUUID } = crypto;
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      expect(randomKey()).toMatch(/^[0-9a-f]{32}$/);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: randomUUID, configurable: true });
    }
    for (const key of keys) expect(key).toMatch(/^[\x21-\x7e]{1,255}$/);
  });
});
