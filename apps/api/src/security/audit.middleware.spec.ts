import { isoMicroseconds } from './audit.middleware';

describe('isoMicroseconds', () => {
  it('writes all six digits of the second fraction', () => {
    expect(isoMicroseconds(1_764_397_696_123_456n)).toBe('2025-11-29T06:28:16.123456Z');
    expect(isoMicroseconds(1_764_397_696_000_007n)).toBe('2025-11-29T06:28:16.000007Z');
  });

  it('orders as the instants it names', () => {
    const instants = [1_764_397_696_999_999n, 1_764_397_697_000_000n, 1_764_397_697_000_001n];
    const written = instants.map(isoMicroseconds);
    expect([...written].sort()).toEqual(written);
  });
});
