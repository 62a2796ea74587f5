import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from './config';
import { temporalTlsEnabled } from './temporal-boundary';

const valid = { DATABASE_URL: 'postgres://notaflow:pw@db:5432/notaflow', JWT_SECRET: 's'.repeat(32) };
const key = () => randomBytes(32).toString('base64');

describe('the Temporal boundary settings', () => {
  it('defaults to no encryption, no TLS and plaintext refused once keys are set', () => {
    const config = loadConfig(valid);
    expect(config.TEMPORAL_PAYLOAD_KEYS).toBeUndefined();
    expect(config.TEMPORAL_PAYLOAD_PLAINTEXT).toBe('refuse');
    expect(temporalTlsEnabled(config)).toBe(false);
    expect(config.TEMPORAL_CODEC_ORIGINS).toEqual([]);
  });

  it('reads payload keys as id:base64key pairs, in order, the first sealing', () => {
    const [a, b] = [key(), randomBytes(32).toString('base64url')];
    const config = loadConfig({ ...valid, TEMPORAL_PAYLOAD_KEYS: ` 2026-06:${a}, 2025.q4:${b} ` });
    expect(config.TEMPORAL_PAYLOAD_KEYS?.map((k) => k.id)).toEqual(['2026-06', '2025.q4']);
    expect(config.TEMPORAL_PAYLOAD_KEYS?.[0].key.equals(Buffer.from(a, 'base64'))).toBe(true);
    expect(config.TEMPORAL_PAYLOAD_KEYS?.[1].key).toHaveLength(32);
  });

  it.each([
    [`nocolon`, /TEMPORAL_PAYLOAD_KEYS must be id:base64key pairs separated by commas \(entry 1/],
    [`a:${randomBytes(16).toString('base64')}`, /key a must be 32 bytes in base64.*\(it is 16\)/],
    [`a:${key()},a:${key()}`, /names key a twice/],
    [`bad id:${key()}`, /entry 1 is not/],
    [',', /names no key/],
  ])('refuses the keys %s without showing them', (keys, message) => {
    const load = () => loadConfig({ ...valid, TEMPORAL_PAYLOAD_KEYS: keys });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(message);
    expect(load).not.toThrow(/got "/);
  });

  it('wants a client certificate and its key together, in the worker too', () => {
    for (const reader of ['api', 'worker'] as const) {
      expect(() => loadConfig({ ...valid, TEMPORAL_TLS_CERT: '/etc/notaflow/api.pem' }, reader)).toThrow(
        'TEMPORAL_TLS_KEY is required with TEMPORAL_TLS_CERT',
      );
      expect(() => loadConfig({ ...valid, TEMPORAL_TLS_KEY: '/etc/notaflow/api.key' }, reader)).toThrow(
        'TEMPORAL_TLS_CERT is required with TEMPORAL_TLS_KEY',
      );
    }
  });

  it('turns TLS on with a certificate, a CA, a server name, or by itself', () => {
    expect(temporalTlsEnabled(loadConfig({ ...valid, TEMPORAL_TLS: 'true' }))).toBe(true);
    expect(temporalTlsEnabled(loadConfig({ ...valid, TEMPORAL_TLS_CA: '/ca.pem' }))).toBe(true);
    expect(temporalTlsEnabled(loadConfig({ ...valid, TEMPORAL_TLS_SERVER_NAME: 'temporal' }))).toBe(true);
    expect(
      temporalTlsEnabled(loadConfig({ ...valid, TEMPORAL_TLS_CERT: '/api.pem', TEMPORAL_TLS_KEY: '/api.key' })),
    ).toBe(true);
  });

  it('wants a long codec token and origins for the Web UI', () => {
    expect(() => loadConfig({ ...valid, TEMPORAL_CODEC_TOKEN: 'hunter2' })).toThrow(
      /^Invalid configuration: TEMPORAL_CODEC_TOKEN must be at least 32 characters$/,
    );
    expect(() => loadConfig({ ...valid, TEMPORAL_CODEC_ORIGINS: 'temporal.example' })).toThrow(
      /TEMPORAL_CODEC_ORIGINS must be comma-separated origins/,
    );
    expect(
      loadConfig({ ...valid, TEMPORAL_CODEC_ORIGINS: 'https://temporal.example, http://127.0.0.1:8233' })
        .TEMPORAL_CODEC_ORIGINS,
    ).toEqual(['https://temporal.example', 'http://127.0.0.1:8233']);
  });
});
