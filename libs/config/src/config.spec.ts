import { ConfigError, loadConfig, loadStackConfig } from './config';

const valid = { DATABASE_URL: 'postgres://notaflow:pw@db:5432/notaflow', JWT_SECRET: 's'.repeat(32) };

describe(loadConfig.name, () => {
  it('applies the documented defaults', () => {
    expect(loadConfig(valid)).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      TEMPORAL_ADDRESS: '127.0.0.1:7233',
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: 'notaflow',
      AUTH_MODE: 'demo',
      RUN_MIGRATIONS: true,
      SEED_DEMO: false,
    });
  });

  it.each([
    [{ PORT: 'abc' }, /^Invalid configuration: PORT .* \(got "abc"\)$/],
    [{ PORT: '70000' }, /PORT must be between 0 and 65535/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must be a URL \(postgres: or postgresql:\)/],
    [{ TEMPORAL_ADDRESS: 'http://temporal:7233' }, /TEMPORAL_ADDRESS must be host:port/],
    [{ JWT_SECRET: 'short' }, /JWT_SECRET must be at least 32 characters$/],
    [{ AUTH_MODE: 'oidc' }, /OIDC_ISSUER is required when AUTH_MODE=oidc; OIDC_JWKS_URL is required/],
    [{ SEED_DEMO: 'maybe' }, /SEED_DEMO/],
  ])('refuses %j with a message naming the variable', (override, message) => {
    expect(() => loadConfig({ ...valid, ...override })).toThrow(ConfigError);
    expect(() => loadConfig({ ...valid, ...override })).toThrow(message);
  });

  it('requires DATABASE_URL and, in demo mode, a JWT secret', () => {
    expect(() => loadConfig({})).toThrow('Invalid configuration: DATABASE_URL is required');
    expect(() => loadConfig({ DATABASE_URL: valid.DATABASE_URL })).toThrow(
      'JWT_SECRET is required when AUTH_MODE=demo',
    );
  });

  it('never echoes a secret in its message', () => {
    expect(() => loadConfig({ ...valid, JWT_SECRET: 'hunter2' })).toThrow(/^(?!.*hunter2)/);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ ...valid, PORT: '' }).PORT).toBe(3000);
  });
});

describe(loadStackConfig.name, () => {
  it('needs nothing: embedded defaults', () => {
    expect(loadStackConfig({})).toMatchObject({ DATA_DIR: '.data', PORT: 3000, EMBEDDED_POSTGRES_PORT: 5433 });
  });
});
