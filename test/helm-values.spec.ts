/**
 * deploy/helm/temporal-values.yaml, for Temporal's official chart, describes the Temporal of docker-compose.yml and
 * `npm run start:cluster`: the same server, shard count, databases, dynamic config, namespace and search attributes.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CLUSTER_TOPOLOGY } from '../scripts/lib/cluster-topology';
import { TEMPORAL_SERVER_VERSION } from '../scripts/lib/temporal-cluster';
import { TEMPORAL_UI_VERSION } from '../scripts/lib/temporal-ui';

const root = join(__dirname, '..');

interface SqlStore {
  driver: string;
  sql: { driver: string; database: string; user: string; existingSecret?: string; password?: string };
}

type Values = {
  server: {
    image: { repository: string; tag: string };
    config: {
      numHistoryShards: number;
      persistence: { default: SqlStore; visibility: SqlStore };
      namespaces: { create: boolean; namespace: { name: string; retention: string }[] };
    };
    dynamicConfig: Record<string, unknown>;
  } & Record<string, { replicaCount?: number; resources?: { requests?: Record<string, string> } }>;
  admintools: { image: { tag: string } };
  web: { enabled: boolean; image: { repository: string; tag: string }; replicaCount?: number; resources?: Resources };
  schema: { createDatabase: { enabled: boolean }; setup: { enabled: boolean }; update: { enabled: boolean } };
  extraObjects: {
    spec: {
      template: {
        spec: { containers: { command: string[]; env: { name: string; value: string }[] }[] };
      };
    };
  }[];
} & Record<string, { enabled?: boolean }>;

type Resources = { requests?: Record<string, string>; limits?: Record<string, string> };

/** 250m -> 0.25, '2' -> 2; 512Mi -> '512 MiB', 1Gi -> '1 GiB': the chart's units as SCALING.md writes them. */
const cores = (cpu = '') => (cpu.endsWith('m') ? Number(cpu.slice(0, -1)) / 1000 : Number(cpu));
const bytes = (memory = '') => memory.replace(/^(\d+)([MG]i)$/, '$1 $2B');

function fromChart(chart: { replicaCount?: number; resources?: Resources } | undefined) {
  const { requests = {}, limits = {} } = chart?.resources ?? {};
  return {
    replicas: chart?.replicaCount,
    cpuRequest: cores(requests.cpu),
    cpuLimit: cores(limits.cpu),
    memoryRequest: bytes(requests.memory),
    memoryLimit: bytes(limits.memory),
  };
}

/** The table "Cores and memory per component" of docs/SCALING.md, by component. */
function plannedResources(markdown: string): Map<string, ReturnType<typeof fromChart>> {
  const section = markdown.split('## Cores and memory per component')[1]?.split('\n## ')[0] ?? '';
  const planned = new Map<string, ReturnType<typeof fromChart>>();
  for (const line of section.split('\n').filter((l) => /^\| [A-Z]/.test(l))) {
    const [component, replicas, cpuRequest, cpuLimit, memoryRequest, memoryLimit] = line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
    planned.set(component, {
      replicas: Number(replicas),
      cpuRequest: Number(cpuRequest),
      cpuLimit: Number(cpuLimit),
      memoryRequest,
      memoryLimit,
    });
  }
  return planned;
}

describe('deploy/helm/temporal-values.yaml', () => {
  let values: Values;

  beforeAll(async () => {
    values = parse(await readFile(join(root, 'deploy/helm/temporal-values.yaml'), 'utf8')) as Values;
  });

  it("runs the cluster's server version, with the admin tools of the same version", () => {
    const version = TEMPORAL_SERVER_VERSION.replace(/^v/, '');
    expect(values.server.image).toEqual({ repository: 'temporalio/server', tag: version });
    expect(values.admintools.image.tag.startsWith(`${version}-`)).toBe(true);
    expect(values.web).toMatchObject({
      enabled: true,
      image: { repository: 'temporalio/ui', tag: TEMPORAL_UI_VERSION.replace(/^v/, '') },
    });
  });

  it('runs each of the four services twice, with the cores and memory it asks for', () => {
    for (const service of CLUSTER_TOPOLOGY.temporalServices) {
      expect({ service, replicas: values.server[service]?.replicaCount }).toEqual({ service, replicas: 2 });
      expect(values.server[service]?.resources?.requests).toEqual({
        cpu: expect.any(String),
        memory: expect.any(String),
      });
    }
  });

  it('asks for the replicas, cores and memory of the Temporal rows of docs/SCALING.md', async () => {
    const planned = plannedResources(await readFile(join(root, 'docs/SCALING.md'), 'utf8'));
    const rows: [string, { replicaCount?: number; resources?: Resources } | undefined][] = [
      ['Temporal frontend', values.server.frontend],
      ['Temporal history', values.server.history],
      ['Temporal matching', values.server.matching],
      ['Temporal worker service', values.server.worker],
      ['Temporal Web UI', values.web],
    ];
    for (const [component, chart] of rows) {
      expect({ component, ...fromChart(chart) }).toEqual({ component, ...planned.get(component) });
    }
  });

  it('fixes the same history shard count, on the same two PostgreSQL databases, with the password in a secret', () => {
    const { config } = values.server;
    expect(config.numHistoryShards).toBe(CLUSTER_TOPOLOGY.historyShards);
    const { persistence } = config;
    for (const [store, database] of [
      [persistence.default, CLUSTER_TOPOLOGY.temporalDatabases.persistence],
      [persistence.visibility, CLUSTER_TOPOLOGY.temporalDatabases.visibility],
    ] as const) {
      expect(store).toMatchObject({ driver: 'sql', sql: { driver: 'postgres12', database, user: 'temporal' } });
      expect(store.sql.existingSecret).toBeTruthy();
      expect(store.sql.password).toBeUndefined();
    }
    // Made by the database's administration, as deploy/postgres/initdb does; the schemas by the chart's jobs.
    expect(values.schema).toMatchObject({
      createDatabase: { enabled: false },
      setup: { enabled: true },
      update: { enabled: true },
    });
  });

  it('sets the dynamic config of docker-compose and the cluster', async () => {
    const file = parse(await readFile(join(root, CLUSTER_TOPOLOGY.dynamicConfig), 'utf8')) as Record<string, unknown>;
    expect(values.server.dynamicConfig).toEqual(file);
  });

  it('registers the same namespace, retention and search attributes, with the same script', () => {
    expect(values.server.config.namespaces).toEqual({
      create: true,
      namespace: [{ name: CLUSTER_TOPOLOGY.namespace, retention: `${CLUSTER_TOPOLOGY.retentionDays}d` }],
    });
    const [job] = values.extraObjects;
    const [container] = job.spec.template.spec.containers;
    expect(container.command).toEqual(['sh', '/etc/temporal/setup/namespace.sh']);
    const env = Object.fromEntries(container.env.map(({ name, value }) => [name, value]));
    expect(env).toMatchObject({
      TEMPORAL_ADDRESS: 'temporal-frontend:7233',
      NAMESPACE: CLUSTER_TOPOLOGY.namespace,
      RETENTION: `${CLUSTER_TOPOLOGY.retentionDays * 24}h`,
    });
    expect(env.SEARCH_ATTRIBUTES.split(/\s+/)).toEqual([...CLUSTER_TOPOLOGY.keywordSearchAttributes]);
  });

  it('brings no database, search engine or monitoring of its own', () => {
    for (const name of ['cassandra', 'mysql', 'postgresql', 'elasticsearch', 'prometheus', 'grafana']) {
      expect({ name, enabled: values[name]?.enabled }).toEqual({ name, enabled: false });
    }
  });
});
