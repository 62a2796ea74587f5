import type { LoadBalancerOptions } from './haproxy';
import { TEMPORAL_SERVICES } from './temporal-cluster';

/**
 * What `npm run start:cluster` runs and docker-compose.yml describes, said once: test/docker-compose.spec.ts holds
 * the compose file to these, the cluster script starts them.
 */
export const CLUSTER_TOPOLOGY = {
  /** Temporal's services, one process (a container in compose) each. */
  temporalServices: TEMPORAL_SERVICES,
  namespace: 'default',
  /** Closed flows stay in Temporal this long; the record itself lives in PostgreSQL. */
  retentionDays: 30,
  /**
   * Registered at set-up, so that an operator finds a nota's flow by its kenmerk, organisation or stage
   * (`OnsKenmerk = "5552554"`). Keywords: exact values.
   */
  keywordSearchAttributes: ['OnsKenmerk', 'Organisation', 'Stage'],
  /**
   * Temporal's history shards: fixed when the databases are first used and never changed after; sized for ten
   * years in docs/SCALING.md.
   */
  historyShards: 128,
  /** Temporal's two databases, apart from the product's own (`notaflow`). */
  temporalDatabases: { persistence: 'temporal', visibility: 'temporal_visibility' },
  /** The product's documents: an S3-compatible bucket with versioning. */
  documentBucket: 'notaflow-documents',
  /** Read live by the server; docker-compose mounts the same file. */
  dynamicConfig: 'deploy/temporal/dynamicconfig/production-sql.yaml',
  /** Temporal's schemas set up and upgraded: the cluster and docker-compose's temporal-schema job run it. */
  schemaScript: 'deploy/temporal/setup/schema.sh',
} as const;

/**
 * docker-compose's load balancer (deploy/haproxy/haproxy.cfg is this, rendered): the cluster's configuration, with the
 * replicas found through Docker's DNS, as many as there are up to the slots.
 */
export const COMPOSE_LOAD_BALANCER: LoadBalancerOptions = {
  bind: ':3000',
  backends: { dns: { name: 'api', port: 3000, slots: 8, nameserver: '127.0.0.11:53' } },
};
