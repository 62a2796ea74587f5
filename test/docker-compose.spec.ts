/**
 * Consistency of the production-like stack (docker-compose.yml, Dockerfile, deploy/). No Docker engine runs
 * here, so the files are parsed and cross-checked the way Compose would read them: YAML merge keys resolved,
 * `${VAR}` interpolation applied with a fixed set of test variables.
 */
import { access, readdir, readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { parse } from 'yaml';
import { loadStackConfig } from '@notaflow/config';
import { CLUSTER_TOPOLOGY, COMPOSE_LOAD_BALANCER } from '../scripts/lib/cluster-topology';
import { renderHaproxyConfig } from '../scripts/lib/haproxy';
import { VERSITYGW_VERSION } from '../scripts/lib/s3-server';
import { TEMPORAL_SERVER_VERSION } from '../scripts/lib/temporal-cluster';
import { TEMPORAL_UI_VERSION } from '../scripts/lib/temporal-ui';

const root = join(__dirname, '..');

type Env = Record<string, string>;

interface Service {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  command?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  ports?: (string | number | PortLong)[];
  expose?: (string | number)[];
  volumes?: (string | VolumeLong)[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  deploy?: { replicas?: number };
  container_name?: string;
}
interface PortLong {
  target: number | string;
  published?: number | string;
  host_ip?: string;
  protocol?: string;
}
interface VolumeLong {
  type?: string;
  source?: string;
  target: string;
}
interface ComposeFile {
  version?: unknown;
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

/** Variables an operator would put in the --env-file; the required ones have no default in the file. */
const testVariables: Env = {
  POSTGRES_PASSWORD: 'pg-admin-test-pw',
  TEMPORAL_DB_PASSWORD: 'temporal-test-pw',
  NOTAFLOW_DB_PASSWORD: 'notaflow-test-pw',
  OIDC_ISSUER: 'https://login.example.test/realms/rijk',
  OIDC_JWKS_URL: 'https://login.example.test/realms/rijk/protocol/openid-connect/certs',
  OIDC_AUDIENCE: 'notaflow-api',
  OIDC_CLIENT_ID: 'notaflow-web',
  METRICS_TOKEN: 'metrics-test-token-0123456789',
  S3_SECRET_ACCESS_KEY: 's3-test-secret',
};

/** Temporal's services, a container each, as the cluster runs them a process each. */
const TEMPORAL_SERVERS = CLUSTER_TOPOLOGY.temporalServices.map((service) => `temporal-${service}`);
const EXPECTED_SERVICES = [
  'postgres',
  'temporal-schema',
  ...TEMPORAL_SERVERS,
  'temporal-namespace',
  'temporal-ui',
  's3',
  's3-bucket',
  'migrate',
  'api',
  'lb',
  'worker',
];
/** The one-shot jobs: they run once per `up` and exit; what depends on them waits for their success. */
const JOBS = ['temporal-schema', 'temporal-namespace', 's3-bucket', 'migrate'];
const API_ENTRY = 'dist/apps/api/src/main.js';
const WORKER_ENTRY = 'dist/apps/worker/src/main.js';
const TEMPORAL_FRONTEND_PORT = '7233';
const POSTGRES_PORT = '5432';
/** Set by the postgres image's entrypoint for init scripts, not by the compose file. */
const POSTGRES_IMAGE_VARIABLES = new Set(['POSTGRES_USER', 'POSTGRES_PASSWORD', 'POSTGRES_DB', 'PGPASSWORD']);

/** Compose's interpolation: $$, $VAR, ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?err}, ${VAR?err}, ${VAR:+alt}. */
function interpolate(text: string, env: Env): string {
  return text.replace(
    /\$(\$|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g,
    (whole: string, ...groups: (string | undefined)[]) => {
      const [dollar, bracedName, colon, operator, argument, bareName] = groups;
      if (dollar === '$') return '$';
      const name = (bracedName ?? bareName) as string;
      const value = env[name];
      const set = colon === ':' ? value !== undefined && value !== '' : value !== undefined;
      switch (operator) {
        case undefined:
          return value ?? '';
        case '-':
          return set ? (value as string) : (argument ?? '');
        case '+':
          return set ? (argument ?? '') : '';
        case '?':
          if (!set) throw new Error(`required variable ${name} is missing: ${argument ?? ''} (in ${whole})`);
          return value as string;
        default:
          throw new Error(`unsupported interpolation ${whole}`);
      }
    },
  );
}

function interpolateTree(node: unknown, env: Env): unknown {
  if (typeof node === 'string') return interpolate(node, env);
  if (Array.isArray(node)) return node.map((item) => interpolateTree(item, env));
  if (node !== null && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, interpolateTree(value, env)]));
  }
  return node;
}

function environmentOf(service: Service): Env {
  const { environment } = service;
  if (environment === undefined) return {};
  if (Array.isArray(environment)) {
    return Object.fromEntries(
      environment.map((entry) => {
        const at = entry.indexOf('=');
        return at < 0 ? [entry, ''] : [entry.slice(0, at), entry.slice(at + 1)];
      }),
    );
  }
  return Object.fromEntries(
    Object.entries(environment).map(([key, value]) => [key, value == null ? '' : String(value)]),
  );
}

function dependenciesOf(service: Service): Record<string, string> {
  const { depends_on: dependsOn } = service;
  if (dependsOn === undefined) return {};
  if (Array.isArray(dependsOn)) return Object.fromEntries(dependsOn.map((name) => [name, 'service_started']));
  return Object.fromEntries(
    Object.entries(dependsOn).map(([name, spec]) => [name, spec?.condition ?? 'service_started']),
  );
}

interface PublishedPort {
  service: string;
  hostIp: string;
  hostPort: string;
  containerPort: string;
  protocol: string;
}

/** Short syntax `[[host_ip:]published:]target[/protocol]` (IPv4 host addresses) and the long syntax. */
function portsOf(name: string, service: Service): PublishedPort[] {
  return (service.ports ?? []).map((port) => {
    if (typeof port === 'object') {
      return {
        service: name,
        hostIp: port.host_ip ?? '0.0.0.0',
        hostPort: port.published === undefined ? '' : String(port.published),
        containerPort: String(port.target),
        protocol: port.protocol ?? 'tcp',
      };
    }
    const [spec, protocol = 'tcp'] = String(port).split('/');
    const parts = spec.split(':');
    const containerPort = parts.pop() as string;
    const hostPort = parts.pop() ?? '';
    const hostIp = parts.pop() ?? '0.0.0.0';
    return { service: name, hostIp, hostPort, containerPort, protocol };
  });
}

interface Mount {
  type: 'volume' | 'bind';
  source: string;
  target: string;
}

function mountsOf(service: Service): Mount[] {
  return (service.volumes ?? []).map((volume) => {
    if (typeof volume === 'object') {
      const source = volume.source ?? '';
      return { type: volume.type === 'bind' ? 'bind' : 'volume', source, target: volume.target };
    }
    const [source, target] = volume.split(':');
    const isPath = /^[./~]/.test(source);
    return { type: isPath ? 'bind' : 'volume', source, target: target ?? source };
  });
}

/** `name:tag`, `registry:5000/name:tag` or `name@sha256:...` -> { repository, tag, digest }. */
function splitImage(image: string): { repository: string; tag?: string; digest?: string } {
  const [withoutDigest, digest] = image.split('@');
  const colon = withoutDigest.lastIndexOf(':');
  if (colon > withoutDigest.lastIndexOf('/')) {
    return { repository: withoutDigest.slice(0, colon), tag: withoutDigest.slice(colon + 1), digest };
  }
  return { repository: withoutDigest, digest };
}

function hostAndPort(address: string): { host: string; port: string } {
  const colon = address.lastIndexOf(':');
  return colon < 0 ? { host: address, port: '' } : { host: address.slice(0, colon), port: address.slice(colon + 1) };
}

function commandOf(service: Service): string[] | undefined {
  const { command } = service;
  if (command === undefined) return undefined;
  return Array.isArray(command) ? command : command.split(/\s+/).filter(Boolean);
}

interface DockerfileStage {
  from: string;
  name?: string;
  instructions: { keyword: string; args: string }[];
}

/** Just enough of a Dockerfile parser: continuation lines joined, comments dropped, ARG defaults applied to FROM. */
function parseDockerfile(text: string): DockerfileStage[] {
  const logicalLines = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const globalArgs: Env = {};
  const stages: DockerfileStage[] = [];
  for (const line of logicalLines) {
    const [, keyword, args] = /^(\S+)\s*(.*)$/.exec(line) as RegExpExecArray;
    const upper = keyword.toUpperCase();
    if (upper === 'FROM') {
      const [image, , name] = args.split(/\s+/);
      stages.push({ from: interpolate(image, globalArgs), name, instructions: [] });
    } else if (stages.length === 0 && upper === 'ARG') {
      const [argName, value = ''] = args.split('=');
      globalArgs[argName] = value;
    } else if (stages.length > 0) {
      stages[stages.length - 1].instructions.push({ keyword: upper, args });
    }
  }
  return stages;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

describe('docker-compose.yml', () => {
  let raw: ComposeFile;
  let compose: ComposeFile;
  let services: Record<string, Service>;
  let dockerfile: DockerfileStage[];
  let dockerfileText: string;

  const env = (service: string): Env => environmentOf(services[service]);

  beforeAll(async () => {
    const text = await readFile(join(root, 'docker-compose.yml'), 'utf8');
    raw = parse(text, { merge: true }) as ComposeFile;
    compose = interpolateTree(raw, testVariables) as ComposeFile;
    services = compose.services;
    dockerfileText = await readFile(join(root, 'Dockerfile'), 'utf8');
    dockerfile = parseDockerfile(dockerfileText);
  });

  describe('shape', () => {
    it('follows the Compose specification (no obsolete version key)', () => {
      expect(raw).not.toHaveProperty('version');
    });

    it('has the database, the Temporal server and its jobs, the UI, the S3 store, the app and its load balancer', () => {
      expect(Object.keys(services).sort()).toEqual([...EXPECTED_SERVICES].sort());
    });

    it('keeps the shared app environment in one YAML anchor (api, worker and the app jobs agree on it)', () => {
      for (const name of ['worker', 'migrate', 's3-bucket'])
        expect({ name, env: env(name) }).toEqual({ name, env: env('api') });
    });

    it('runs the jobs once: no restart, and whatever needs them waits for them to succeed', () => {
      for (const name of JOBS) {
        expect({ name, restart: (services[name] as { restart?: string }).restart }).toEqual({ name, restart: 'no' });
        const waiting = Object.entries(services).filter(([, service]) => name in dependenciesOf(service));
        expect({ name, waited: waiting.length > 0 }).toEqual({ name, waited: true });
        for (const [other, service] of waiting) {
          expect({ other, name, condition: dependenciesOf(service)[name] }).toEqual({
            other,
            name,
            condition: 'service_completed_successfully',
          });
        }
      }
    });
  });

  describe('images', () => {
    it('pins every image to a tag or digest, never latest', () => {
      for (const [name, service] of Object.entries(services)) {
        expect({ name, hasImageOrBuild: service.image !== undefined || service.build !== undefined }).toEqual({
          name,
          hasImageOrBuild: true,
        });
        if (service.image === undefined) continue;
        const { tag, digest } = splitImage(service.image);
        expect({ name, pinned: tag !== undefined || digest !== undefined }).toEqual({ name, pinned: true });
        expect({ name, tag }).not.toEqual({ name, tag: 'latest' });
        if (service.build === undefined && digest === undefined) {
          // Images pulled from a registry carry a version, not a floating name like `lts` or `stable`.
          expect({ name, tag }).toEqual({ name, tag: expect.stringMatching(/^v?\d+(\.\d+)*([-.][\w.]+)*$/) });
        }
      }
    });

    it('uses the official postgres 16, Temporal server and admin-tools, Temporal UI and HAProxy images', () => {
      expect(splitImage(services.postgres.image as string)).toMatchObject({
        repository: 'postgres',
        tag: expect.stringMatching(/^16(\.\d+)?(-[\w]+)?$/),
      });
      for (const name of TEMPORAL_SERVERS) {
        expect({ name, ...splitImage(services[name].image as string) }).toMatchObject({
          name,
          repository: 'temporalio/server',
          tag: TEMPORAL_SERVER_VERSION.replace(/^v/, ''),
        });
      }
      for (const name of ['temporal-schema', 'temporal-namespace']) {
        expect({ name, ...splitImage(services[name].image as string) }).toMatchObject({
          name,
          repository: 'temporalio/admin-tools',
          tag: expect.stringMatching(
            new RegExp(`^${TEMPORAL_SERVER_VERSION.replace(/^v/, '').replace(/\./g, '\\.')}-`),
          ),
        });
      }
      expect(splitImage(services.lb.image as string)).toMatchObject({ repository: 'haproxy', tag: '2.6' });
      expect(splitImage(services['temporal-ui'].image as string)).toMatchObject({
        repository: 'temporalio/ui',
        tag: expect.stringMatching(/^2\.\d+\.\d+$/),
      });
    });
  });

  describe('api and worker image', () => {
    it('builds api and worker from the same Dockerfile into the same image', async () => {
      const { api, worker } = services;
      expect(api.build).toBeDefined();
      expect(worker.image).toBe(api.image);
      expect(worker.build).toEqual(api.build);
      const build = typeof api.build === 'string' ? { context: api.build } : (api.build ?? {});
      const dockerfilePath = join(root, build.context ?? '.', build.dockerfile ?? 'Dockerfile');
      await expect(exists(dockerfilePath)).resolves.toBe(true);
      expect(dockerfilePath).toBe(join(root, 'Dockerfile'));
    });

    it('has a multi-stage Dockerfile on node:20-bookworm-slim: npm ci + build, then production deps + dist/', () => {
      expect(dockerfile.length).toBeGreaterThanOrEqual(2);
      for (const stage of dockerfile) expect(stage.from).toBe('node:20-bookworm-slim');
      const [build, runtime] = [dockerfile[0], dockerfile[dockerfile.length - 1]];
      const runs = (stage: DockerfileStage): string =>
        stage.instructions
          .filter((i) => i.keyword === 'RUN')
          .map((i) => i.args)
          .join('\n');
      expect(runs(build)).toMatch(/\bnpm ci\b/);
      expect(runs(build)).toMatch(/\bnpm run build\b/);
      expect(runs(runtime)).toMatch(/\bnpm ci\b[^\n]*--omit=dev/);
      const copies = runtime.instructions.filter((i) => i.keyword === 'COPY').map((i) => i.args);
      expect(copies).toContainEqual(expect.stringMatching(new RegExp(`--from=${build.name}\\s.*/dist\\s+\\./dist$`)));
    });

    it('runs as a non-root user with NODE_ENV=production', () => {
      const runtime = dockerfile[dockerfile.length - 1];
      const users = runtime.instructions.filter((i) => i.keyword === 'USER').map((i) => i.args.split(':')[0]);
      expect(users.length).toBeGreaterThan(0);
      expect(['root', '0']).not.toContain(users[users.length - 1]);
      const envArgs = runtime.instructions.filter((i) => i.keyword === 'ENV').map((i) => i.args);
      expect(envArgs.join(' ')).toMatch(/\bNODE_ENV=production\b/);
    });

    it('starts the API by default and probes its health route with node (no curl in slim images)', () => {
      const runtime = dockerfile[dockerfile.length - 1];
      const cmd = runtime.instructions.filter((i) => i.keyword === 'CMD').pop();
      expect(cmd).toBeDefined();
      expect(JSON.parse((cmd as { args: string }).args)).toEqual(['node', API_ENTRY]);
      const healthcheck = runtime.instructions.filter((i) => i.keyword === 'HEALTHCHECK').pop();
      expect(healthcheck?.args).toMatch(/CMD \["node", "-e", ".*\/api\/v1\/health/);
      expect(healthcheck?.args).not.toMatch(/\bcurl\b|\bwget\b/);
    });

    it('starts the API with the Dockerfile entry and the worker with the worker entry', () => {
      const apiCommand = commandOf(services.api);
      if (apiCommand !== undefined) expect(apiCommand).toEqual(['node', API_ENTRY]);
      expect(commandOf(services.worker)).toEqual(['node', WORKER_ENTRY]);
    });

    it('keeps build output and local state out of the build context', async () => {
      const patterns = (await readFile(join(root, '.dockerignore'), 'utf8'))
        .split(/\r?\n/)
        .map((line) => line.trim().replace(/^\*\*\//, ''))
        .filter((line) => line !== '' && !line.startsWith('#'));
      expect(patterns).toEqual(
        expect.arrayContaining(['node_modules', 'dist', '.data', '.git', 'artifacts', 'coverage']),
      );
    });
  });

  describe('worker scaling', () => {
    it('runs several worker replicas on the task queue the API starts flows on', () => {
      const { worker } = services;
      expect(worker.deploy?.replicas).toBeGreaterThanOrEqual(2);
      expect(worker.container_name).toBeUndefined();
      expect(worker.ports ?? []).toEqual([]);
      expect(env('worker').TEMPORAL_TASK_QUEUE).toBe(env('api').TEMPORAL_TASK_QUEUE);
      expect(env('worker').TEMPORAL_TASK_QUEUE).toBeTruthy();
    });

    it('does not inherit the API health probe in the worker', () => {
      const { healthcheck } = services.worker;
      const overridden =
        healthcheck?.disable === true ||
        (healthcheck?.test !== undefined && !/api\/v1\/health/.test(String(healthcheck.test)));
      expect(overridden).toBe(true);
    });
  });

  describe('temporal', () => {
    it('persists every Temporal service to the postgres service with the postgres12 plugin', () => {
      for (const name of TEMPORAL_SERVERS) {
        const temporal = env(name);
        expect({ name, db: temporal.DB, port: temporal.DB_PORT }).toEqual({
          name,
          db: 'postgres12',
          port: POSTGRES_PORT,
        });
        const seeds = temporal.POSTGRES_SEEDS.split(',').map((seed) => seed.trim());
        expect(seeds).toContain('postgres');
        for (const seed of seeds) expect(Object.keys(services)).toContain(seed);
      }
      expect(dependenciesOf(services['temporal-schema'])).toMatchObject({ postgres: 'service_healthy' });
    });

    it('connects with the role the postgres init script creates for it', () => {
      const postgres = env('postgres');
      for (const name of TEMPORAL_SERVERS) {
        const temporal = env(name);
        expect({ name, user: temporal.POSTGRES_USER, password: temporal.POSTGRES_PWD }).toEqual({
          name,
          user: postgres.TEMPORAL_DB_USER,
          password: postgres.TEMPORAL_DB_PASSWORD,
        });
        expect(temporal.POSTGRES_USER).not.toBe(postgres.POSTGRES_USER);
      }
      const schema = env('temporal-schema');
      expect({ user: schema.SQL_USER, password: schema.SQL_PASSWORD }).toEqual({
        user: postgres.TEMPORAL_DB_USER,
        password: postgres.TEMPORAL_DB_PASSWORD,
      });
    });

    it('loads a dynamic config file that exists under deploy/ and parses', async () => {
      for (const name of TEMPORAL_SERVERS) {
        const path = env(name).DYNAMIC_CONFIG_FILE_PATH;
        expect(path).toBeTruthy();
        const inContainer = posix.isAbsolute(path) ? path : posix.join('/etc/temporal', path);
        const mount = mountsOf(services[name]).find((m) => inContainer.startsWith(`${m.target}/`));
        expect(mount).toMatchObject({ type: 'bind', source: expect.stringMatching(/^\.\/deploy\//) });
        const onHost = join(root, (mount as Mount).source, posix.relative((mount as Mount).target, inContainer));
        const config = parse(await readFile(onHost, 'utf8')) as Record<string, unknown>;
        expect(config['frontend.enableUpdateWorkflowExecution']).toEqual([expect.objectContaining({ value: true })]);
      }
    });

    it('points api, worker, temporal-ui and the namespace job at the frontend', () => {
      const frontendPorts = portsOf('temporal-frontend', services['temporal-frontend']).map((p) => p.containerPort);
      expect(frontendPorts).toContain(TEMPORAL_FRONTEND_PORT);
      for (const name of ['api', 'worker', 'temporal-ui', 'temporal-namespace']) {
        expect({ name, ...hostAndPort(env(name).TEMPORAL_ADDRESS ?? '') }).toEqual({
          name,
          host: 'temporal-frontend',
          port: TEMPORAL_FRONTEND_PORT,
        });
      }
    });

    it('starts history before the other services, and the worker service once the frontend answers', () => {
      expect(dependenciesOf(services['temporal-history'])).toEqual({
        'temporal-schema': 'service_completed_successfully',
      });
      expect(dependenciesOf(services['temporal-matching'])).toMatchObject({ 'temporal-history': 'service_started' });
      expect(dependenciesOf(services['temporal-frontend'])).toMatchObject({ 'temporal-matching': 'service_started' });
      expect(dependenciesOf(services['temporal-worker'])).toMatchObject({ 'temporal-frontend': 'service_healthy' });
    });

    it('uses the namespace the namespace job registers', () => {
      const { NAMESPACE: namespace } = env('temporal-namespace');
      expect(env('api').TEMPORAL_NAMESPACE).toBe(namespace);
      expect(env('worker').TEMPORAL_NAMESPACE).toBe(namespace);
      expect(env('temporal-ui').TEMPORAL_DEFAULT_NAMESPACE).toBe(namespace);
    });
  });

  describe('app database', () => {
    const initDir = '/docker-entrypoint-initdb.d';

    it('connects api and worker to their own database on the postgres service', () => {
      const postgres = env('postgres');
      for (const name of ['api', 'worker']) {
        const url = new URL(env(name).DATABASE_URL);
        expect(['postgres:', 'postgresql:']).toContain(url.protocol);
        expect({ name, host: url.hostname, port: url.port || POSTGRES_PORT }).toEqual({
          name,
          host: 'postgres',
          port: POSTGRES_PORT,
        });
        expect({
          user: decodeURIComponent(url.username),
          password: decodeURIComponent(url.password),
          database: url.pathname.slice(1),
        }).toEqual({
          user: postgres.NOTAFLOW_DB_USER,
          password: postgres.NOTAFLOW_DB_PASSWORD,
          database: postgres.NOTAFLOW_DB_NAME,
        });
      }
    });

    it("keeps the app's database and role apart from Temporal's and the superuser", () => {
      const postgres = env('postgres');
      for (const name of [...TEMPORAL_SERVERS, 'temporal-schema']) {
        const temporal = env(name);
        expect({ name, databases: [temporal.DBNAME, temporal.VISIBILITY_DBNAME] }).toEqual({
          name,
          databases: [postgres.TEMPORAL_DB_NAME, postgres.TEMPORAL_VISIBILITY_DB_NAME],
        });
      }
      expect([postgres.TEMPORAL_DB_NAME, postgres.TEMPORAL_VISIBILITY_DB_NAME]).not.toContain(
        postgres.NOTAFLOW_DB_NAME,
      );
      expect(postgres.NOTAFLOW_DB_NAME).not.toBe(postgres.POSTGRES_DB ?? postgres.POSTGRES_USER);
      expect([postgres.POSTGRES_USER, postgres.TEMPORAL_DB_USER]).not.toContain(postgres.NOTAFLOW_DB_USER);
    });

    it("creates the roles and the databases (the app's, Temporal's two) in an init script mounted into postgres", async () => {
      const mount = mountsOf(services.postgres).find((m) => m.target === initDir);
      expect(mount).toMatchObject({ type: 'bind', source: expect.stringMatching(/^\.\/deploy\//) });
      const dir = join(root, (mount as Mount).source);
      const scripts = (await readdir(dir)).filter((file) => /\.(sh|sql)$/.test(file));
      expect(scripts.length).toBeGreaterThan(0);
      const text = (await Promise.all(scripts.map((file) => readFile(join(dir, file), 'utf8')))).join('\n');
      expect(text).toMatch(/CREATE ROLE/);
      expect(text.match(/CREATE DATABASE/g)).toHaveLength(3);
      // Temporal's role owns its databases and may create no others.
      expect(text).not.toMatch(/\bCREATEDB\b/);
      // Every variable the script reads is either provided by the image or set on the postgres service.
      const postgres = env('postgres');
      const referenced = new Set([...text.matchAll(/\$\{?([A-Z][A-Z0-9_]*)/g)].map((m) => m[1]));
      for (const name of [
        'NOTAFLOW_DB_USER',
        'NOTAFLOW_DB_PASSWORD',
        'NOTAFLOW_DB_NAME',
        'TEMPORAL_DB_USER',
        'TEMPORAL_DB_NAME',
        'TEMPORAL_VISIBILITY_DB_NAME',
      ]) {
        expect(referenced).toContain(name);
      }
      for (const name of referenced) {
        if (POSTGRES_IMAGE_VARIABLES.has(name)) continue;
        expect({ name, set: postgres[name] !== undefined && postgres[name] !== '' }).toEqual({ name, set: true });
      }
    });

    it('checks readiness with pg_isready', () => {
      expect(String(services.postgres.healthcheck?.test)).toMatch(/pg_isready/);
    });
  });

  describe('production settings', () => {
    it('runs the API and workers with OIDC, no demo users and no demo signing key', () => {
      for (const name of ['api', 'worker']) {
        const app = env(name);
        expect({ name, authMode: app.AUTH_MODE, seedDemo: app.SEED_DEMO }).toEqual({
          name,
          authMode: 'oidc',
          seedDemo: 'false',
        });
        expect(app).not.toHaveProperty('JWT_SECRET');
        expect(app.OIDC_ISSUER).toBe(testVariables.OIDC_ISSUER);
        expect(app.OIDC_JWKS_URL).toBe(testVariables.OIDC_JWKS_URL);
        expect(app.OIDC_AUDIENCE).toBe(testVariables.OIDC_AUDIENCE);
      }
    });

    it('migrates once, in the migrate job, before any replica starts: no replica migrates', () => {
      expect(commandOf(services.migrate)).toEqual(['node', 'dist/libs/persistence/src/cli.js', 'run']);
      for (const name of ['api', 'worker']) {
        expect({ name, migrates: env(name).RUN_MIGRATIONS }).toEqual({ name, migrates: 'false' });
        expect(dependenciesOf(services[name])).toMatchObject({ migrate: 'service_completed_successfully' });
      }
    });

    it('publishes the load balancer, never a replica; the replicas listen on all interfaces of their container', () => {
      const api = env('api');
      expect(api.HOST).toBe('0.0.0.0');
      expect(services.api.ports ?? []).toEqual([]);
      expect((services.api.expose ?? []).map(String)).toContain(api.PORT);
      expect(portsOf('lb', services.lb).map((p) => p.containerPort)).toEqual([api.PORT]);
    });

    it('commits no secrets: every password is a required variable without default', () => {
      const secretKey = /(PASSWORD|PWD|SECRET|TOKEN)$/;
      for (const [name, service] of Object.entries(raw.services)) {
        for (const [key, value] of Object.entries(environmentOf(service))) {
          if (!secretKey.test(key)) continue;
          expect({ name, key, value }).toEqual({ name, key, value: expect.stringMatching(/^\$\{\w+:\?[^}]*\}$/) });
        }
      }
      const { NOTAFLOW_DB_PASSWORD: _omitted, ...withoutAppPassword } = testVariables;
      expect(() => interpolateTree(raw, withoutAppPassword)).toThrow(/NOTAFLOW_DB_PASSWORD/);
    });
  });

  describe('wiring', () => {
    it('depends only on existing services, without cycles, and waits for health only where a check exists', () => {
      const conditions = ['service_started', 'service_healthy', 'service_completed_successfully'];
      const hasHealthcheck = (name: string): boolean => {
        const service = services[name];
        if (service.healthcheck?.disable === true) return false;
        if (service.healthcheck?.test !== undefined) return true;
        return service.build !== undefined && /^HEALTHCHECK\s+/m.test(dockerfileText);
      };
      for (const [name, service] of Object.entries(services)) {
        for (const [dependency, condition] of Object.entries(dependenciesOf(service))) {
          expect({ name, dependency, exists: dependency in services }).toEqual({ name, dependency, exists: true });
          expect(dependency).not.toBe(name);
          expect(conditions).toContain(condition);
          if (condition === 'service_healthy') {
            expect({ dependency, healthcheck: hasHealthcheck(dependency) }).toEqual({ dependency, healthcheck: true });
          }
        }
      }
      const visiting = new Set<string>();
      const done = new Set<string>();
      const visit = (name: string, path: string[]): void => {
        if (done.has(name)) return;
        if (visiting.has(name)) throw new Error(`depends_on cycle: ${[...path, name].join(' -> ')}`);
        visiting.add(name);
        for (const dependency of Object.keys(dependenciesOf(services[name]))) visit(dependency, [...path, name]);
        visiting.delete(name);
        done.add(name);
      };
      for (const name of Object.keys(services)) visit(name, []);
    });

    it('starts api and worker after postgres and the Temporal frontend are healthy and the namespace is there', () => {
      for (const name of ['api', 'worker']) {
        expect(dependenciesOf(services[name])).toMatchObject({
          postgres: 'service_healthy',
          'temporal-frontend': 'service_healthy',
          'temporal-namespace': 'service_completed_successfully',
        });
      }
    });

    it('publishes no host port twice', () => {
      const published = Object.entries(services).flatMap(([name, service]) =>
        portsOf(name, service)
          .filter((port) => port.hostPort !== '')
          .flatMap((port) => Array.from({ length: service.deploy?.replicas ?? 1 }, () => port)),
      );
      const collides = (a: PublishedPort, b: PublishedPort): boolean =>
        a.hostPort === b.hostPort &&
        a.protocol === b.protocol &&
        (a.hostIp === b.hostIp || a.hostIp === '0.0.0.0' || b.hostIp === '0.0.0.0');
      const collisions = published.flatMap((a, i) =>
        published
          .slice(i + 1)
          .filter((b) => collides(a, b))
          .map((b) => [a, b]),
      );
      expect(collisions).toEqual([]);
    });

    it('declares every named volume it uses, uses every one it declares, and binds only existing paths', async () => {
      const mounts = Object.values(services).flatMap(mountsOf);
      const used = new Set(mounts.filter((m) => m.type === 'volume' && m.source !== '').map((m) => m.source));
      const declared = new Set(Object.keys(compose.volumes ?? {}));
      expect([...used].sort()).toEqual([...declared].sort());
      for (const bind of mounts.filter((m) => m.type === 'bind')) {
        await expect(exists(join(root, bind.source))).resolves.toBe(true);
      }
    });
  });

  /** `npm run start:cluster` runs this topology on loopback: the two are held to the same description here. */
  describe('the same topology as npm run start:cluster', () => {
    const clusterDefaults = loadStackConfig({});

    it("runs Temporal's services apart, one container each, as the cluster runs them one process each", () => {
      for (const service of CLUSTER_TOPOLOGY.temporalServices) {
        expect({ service, SERVICES: env(`temporal-${service}`).SERVICES }).toEqual({ service, SERVICES: service });
      }
      const running = Object.keys(services).filter((name) => services[name].image?.startsWith('temporalio/server:'));
      expect(running.sort()).toEqual([...TEMPORAL_SERVERS].sort());
    });

    it('fixes the same history shard count, on the same two databases', () => {
      for (const name of TEMPORAL_SERVERS) {
        const temporal = env(name);
        expect({ name, shards: Number(temporal.NUM_HISTORY_SHARDS) }).toEqual({
          name,
          shards: CLUSTER_TOPOLOGY.historyShards,
        });
        expect([temporal.DBNAME, temporal.VISIBILITY_DBNAME]).toEqual([
          CLUSTER_TOPOLOGY.temporalDatabases.persistence,
          CLUSTER_TOPOLOGY.temporalDatabases.visibility,
        ]);
      }
    });

    it("reads the dynamic config file the cluster's server reads, and sets up the schemas with its script", () => {
      for (const name of TEMPORAL_SERVERS) {
        const inContainer = posix.join('/etc/temporal', env(name).DYNAMIC_CONFIG_FILE_PATH);
        const mount = mountsOf(services[name]).find((m) => inContainer.startsWith(`${m.target}/`)) as Mount;
        expect(posix.join(mount.source, posix.relative(mount.target, inContainer))).toBe(
          CLUSTER_TOPOLOGY.dynamicConfig,
        );
      }
      const [entry, script] = (services['temporal-schema'] as { entrypoint?: string[] }).entrypoint ?? [];
      const mount = mountsOf(services['temporal-schema']).find((m) => script.startsWith(`${m.target}/`)) as Mount;
      expect(entry).toBe('sh');
      expect(posix.join(mount.source, posix.relative(mount.target, script))).toBe(CLUSTER_TOPOLOGY.schemaScript);
    });

    it("serves the Web UI of the cluster's version", () => {
      expect(splitImage(services['temporal-ui'].image as string)).toMatchObject({
        repository: 'temporalio/ui',
        tag: TEMPORAL_UI_VERSION.replace(/^v/, ''),
      });
    });

    it('registers the same namespace, retention and search attributes', () => {
      const job = env('temporal-namespace');
      expect(job.NAMESPACE).toBe(CLUSTER_TOPOLOGY.namespace);
      expect(job.RETENTION).toBe(`${CLUSTER_TOPOLOGY.retentionDays * 24}h`);
      expect(job.SEARCH_ATTRIBUTES.split(/\s+/)).toEqual([...CLUSTER_TOPOLOGY.keywordSearchAttributes]);
    });

    it('runs as many API and worker replicas as the cluster does by default', () => {
      expect(services.api.deploy?.replicas).toBe(clusterDefaults.API_REPLICAS);
      expect(services.worker.deploy?.replicas).toBe(clusterDefaults.WORKER_REPLICAS);
    });

    it("balances the API with the cluster's HAProxy configuration, the replicas found by DNS", async () => {
      const text = await readFile(join(root, 'deploy/haproxy/haproxy.cfg'), 'utf8');
      // Written from the same function as the cluster's; when this fails, write the file anew from it.
      expect(text).toBe(renderHaproxyConfig(COMPOSE_LOAD_BALANCER));
      const { backends, bind } = COMPOSE_LOAD_BALANCER;
      if (!('dns' in backends)) throw new Error('the compose load balancer finds its replicas by DNS');
      expect(backends.dns).toMatchObject({ name: 'api', port: Number(env('api').PORT) });
      expect(backends.dns.slots).toBeGreaterThanOrEqual(services.api.deploy?.replicas ?? 1);
      expect(portsOf('lb', services.lb).map((p) => p.containerPort)).toEqual([bind.split(':').pop()]);
      expect(mountsOf(services.lb)).toContainEqual({
        type: 'bind',
        source: './deploy/haproxy/haproxy.cfg',
        target: '/usr/local/etc/haproxy/haproxy.cfg',
      });
    });

    it("keeps the documents in the cluster's S3 store (versitygw), in the same bucket, made by the same code", () => {
      expect(splitImage(services.s3.image as string)).toMatchObject({
        repository: 'versity/versitygw',
        tag: VERSITYGW_VERSION,
      });
      const app = env('api');
      expect(app).toMatchObject({ DOCUMENT_STORE: 's3', S3_BUCKET: CLUSTER_TOPOLOGY.documentBucket });
      expect(hostAndPort(new URL(app.S3_ENDPOINT).host).host).toBe('s3');
      expect(env('s3').ROOT_ACCESS_KEY_ID).toBe(app.S3_ACCESS_KEY_ID);
      expect(env('s3').ROOT_SECRET_ACCESS_KEY).toBe(app.S3_SECRET_ACCESS_KEY);
      expect(commandOf(services['s3-bucket'])).toEqual(['node', 'dist/scripts/s3-bucket.js']);
      expect(dependenciesOf(services.api)).toMatchObject({ 's3-bucket': 'service_completed_successfully' });
    });

    it("sends email to the ministry's relay (SMTP_URL), where the cluster has a mail catcher", () => {
      expect(raw.services.api.environment).toMatchObject({ SMTP_URL: '${SMTP_URL:-}' });
    });
  });
});
