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
  web: { enabled: boolean; image: { repository: string; tag: string } };
  schema: { createDatabase: { enabled: boolean }; setup: { enabled: boolean }; update: { enabled: boolean } };
  extraObjects: {
    spec: {
      template: {
        spec: { containers: { command: string[]; env: { name: string; value: string }[] }[] };
      };
    };
  }[];
} & Record<string, { enabled?: boolean }>;

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
