import { ConfigError, loadConfig, loadStackConfig } from './config';

const valid = { DATABASE_URL: 'postgres://notaflow:pw@db:5432/notaflow', JWT_SECRET: 's'.repeat(32) };
/** What production needs: OIDC over https, an audience, a metrics token. */
const production = {
  NODE_ENV: 'production',
  AUTH_MODE: 'oidc',
  OIDC_ISSUER: 'https://login.example/realms/rijk',
  OIDC_JWKS_URL: 'https://login.example/realms/rijk/certs',
  OIDC_AUDIENCE: 'notaflow-api',
  METRICS_TOKEN: 'm'.repeat(24),
};

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
      DOCUMENT_STORE: 'fs',
      DOCUMENT_MAX_BYTES: 50 * 1024 * 1024,
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
    [{ SMTP_URL: 'mailhost:25' }, /SMTP_URL must be a URL \(smtp: or smtps:\)/],
    [{ PUBLIC_URL: 'notaflow.example' }, /PUBLIC_URL must be a URL/],
    [{ ANALYTICS_REFRESH_MINUTES: '-5' }, /ANALYTICS_REFRESH_MINUTES/],
    [{ WORKER_METRICS_ADDRESS: 'http://0.0.0.0:9464' }, /WORKER_METRICS_ADDRESS must be host:port/],
    [{ METRICS_TOKEN: 'short' }, /METRICS_TOKEN must be at least 16 characters$/],
    [{ NODE_ENV: 'production' }, /^Invalid configuration: AUTH_MODE must be oidc when NODE_ENV=production/],
    [{ DOCUMENT_STORE: 's3' }, /S3_ENDPOINT is required when DOCUMENT_STORE=s3; S3_BUCKET is required/],
    [{ ...production, SEED_DEMO: 'users' }, /^Invalid configuration: SEED_DEMO must be false when NODE_ENV=production/],
    [{ ...production, SEED_DEMO: 'true' }, /^Invalid configuration: SEED_DEMO must be false/],
    [
      { ...production, METRICS_TOKEN: '' },
      /^Invalid configuration: METRICS_TOKEN is required when NODE_ENV=production/,
    ],
    [
      { ...production, OIDC_ISSUER: 'http://login.example' },
      /^Invalid configuration: OIDC_ISSUER must be an https URL/,
    ],
    [
      { ...production, OIDC_JWKS_URL: 'http://login.example/jwks' },
      /^Invalid configuration: OIDC_JWKS_URL must be an https/,
    ],
    [{ ...production, OIDC_AUDIENCE: '' }, /^Invalid configuration: OIDC_AUDIENCE is required when AUTH_MODE=oidc$/],
    [
      { ...production, OIDC_REQUIRE_MFA: 'true', OIDC_MFA_AMR_VALUES: ',' },
      /OIDC_MFA_AMR_VALUES or OIDC_MFA_ACR_VALUES/,
    ],
    [{ TRUST_PROXY_HOPS: '-1' }, /TRUST_PROXY_HOPS/],
    [{ DATABASE_OWNER_URL: 'mysql://x' }, /DATABASE_OWNER_URL must be a URL/],
    [{ DOCUMENT_MAX_BYTES: '10' }, /DOCUMENT_MAX_BYTES/],
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

  it('asks the worker and the migration commands for no sign-in settings', () => {
    for (const reader of ['worker', 'migrations'] as const) {
      expect(loadConfig({ DATABASE_URL: valid.DATABASE_URL }, reader)).toMatchObject({ AUTH_MODE: 'demo' });
      expect(loadConfig({ DATABASE_URL: valid.DATABASE_URL, AUTH_MODE: 'oidc' }, reader)).toMatchObject({
        AUTH_MODE: 'oidc',
      });
      expect(() => loadConfig({}, reader)).toThrow('Invalid configuration: DATABASE_URL is required');
      expect(() => loadConfig({ ...valid, PORT: 'abc' }, reader)).toThrow(/PORT must be a port number/);
    }
    expect(() => loadConfig({ DATABASE_URL: valid.DATABASE_URL, AUTH_MODE: 'oidc' })).toThrow(
      'OIDC_ISSUER is required when AUTH_MODE=oidc',
    );
  });

  it('never echoes a secret in its message', () => {
    expect(() => loadConfig({ ...valid, JWT_SECRET: 'hunter2' })).toThrow(/^(?!.*hunter2)/);
    expect(() => loadConfig({ ...valid, METRICS_TOKEN: 'hunter2' })).toThrow(/^(?!.*hunter2)/);
  });

  it('defaults email, metrics and analytics settings', () => {
    expect(loadConfig(valid)).toMatchObject({
      MAIL_FROM: 'notaflow <notaflow@notaflow.example>',
      ANALYTICS_REFRESH_MINUTES: 60,
    });
    const config = loadConfig(valid);
    for (const unset of ['SMTP_URL', 'PUBLIC_URL', 'METRICS_TOKEN', 'WORKER_METRICS_ADDRESS'] as const) {
      expect(config[unset]).toBeUndefined();
    }
  });

  it('takes SEED_DEMO=users for the demo users alone, and a production configuration as is', () => {
    expect(loadConfig({ ...valid, SEED_DEMO: 'users' }).SEED_DEMO).toBe('users');
    expect(loadConfig({ ...valid, SEED_DEMO: 'true' }).SEED_DEMO).toBe(true);
    expect(loadConfig({ ...valid, SEED_DEMO: 'no' }).SEED_DEMO).toBe(false);
    expect(loadConfig({ ...valid, ...production })).toMatchObject({
      SEED_DEMO: false,
      TRUST_PROXY_HOPS: 0,
      OIDC_REQUIRE_MFA: false,
      OIDC_MFA_AMR_VALUES: ['mfa'],
      OIDC_MFA_ACR_VALUES: [],
    });
    expect(loadConfig({ ...valid, ...production, OIDC_MFA_ACR_VALUES: 'eherkenning3, eherkenning4' })).toMatchObject({
      OIDC_MFA_ACR_VALUES: ['eherkenning3', 'eherkenning4'],
    });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ ...valid, PORT: '' }).PORT).toBe(3000);
  });
});

describe(loadStackConfig.name, () => {
  it('needs nothing: embedded defaults', () => {
    expect(loadStackConfig({})).toMatchObject({
      DATA_DIR: '.data',
      PORT: 3000,
      EMBEDDED_POSTGRES_PORT: 5433,
      EMBEDDED_MAIL_SMTP_PORT: 1025,
      EMBEDDED_MAIL_UI_PORT: 1080,
      WORKER_METRICS_PORT: 9464,
    });
  });
});
