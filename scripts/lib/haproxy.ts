import { mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ensureDebianPackage } from './apt';
import { startChild, type Child } from './child';
import { waitFor } from './ports';

/** Debian's HAProxy (2.6 in bookworm): the load balancer in front of the API replicas. */
export const DEBIAN_HAPROXY = '/usr/sbin/haproxy';

export function ensureHaproxy(log: (line: string) => void = () => undefined): string {
  const configured = process.env.HAPROXY_PATH;
  if (configured) return configured;
  return ensureDebianPackage(
    {
      name: 'haproxy',
      executable: DEBIAN_HAPROXY,
      neededBy: 'npm run start:cluster',
      check: ['-v'],
      override: 'HAPROXY_PATH',
    },
    log,
  );
}

/** The route every replica answers without a database or a token: HAProxy asks it each second. */
export const HEALTH_PATH = '/api/v1/health';

export type Backends =
  /** Replicas at known addresses (the cluster on loopback). */
  | { servers: { name: string; address: string }[] }
  /** Replicas found by DNS: every address a name resolves to, up to `slots` (docker-compose's `api`). */
  | { dns: { name: string; port: number; slots: number; nameserver: string } };

export interface LoadBalancerOptions {
  /** `127.0.0.1:3000`, or `:3000` on every interface of a container. */
  bind: string;
  backends: Backends;
  /** An admin socket (`show stat`, `disable server`), for operators and the tests. */
  statsSocket?: string;
}

/**
 * The load balancer's configuration, the same for the cluster on loopback and for docker-compose (which commits it
 * rendered, as deploy/haproxy/haproxy.cfg): only where the replicas are differs.
 *
 * What a dead replica costs: a request that could not be sent to it (its connection refused) is sent to another,
 * whatever its method. One that reached the replica and got no answer (the replica died
 * while working on it) is sent again only when its method is safe (GET, HEAD, OPTIONS): a POST may have done its
 * work, and doing it twice could hand out a second ons kenmerk or take a decision twice. The health check asks
 * whether the replica answers at all: 503 (its database or Temporal is down) is up, because every replica shares
 * those, and taking all of them out would only swap the API's problem+json (with Retry-After, naming the part)
 * for HAProxy's own bare 503.
 */
export function renderHaproxyConfig(options: LoadBalancerOptions): string {
  const { backends } = options;
  const servers =
    'servers' in backends
      ? backends.servers.map((s) => `    server ${s.name} ${s.address} check`)
      : [
          `    server-template ${backends.dns.name}- ${backends.dns.slots} ${backends.dns.name}:${backends.dns.port} ` +
            'check resolvers dns resolve-prefer ipv4 init-addr none',
        ];
  const resolvers =
    'dns' in backends
      ? [
          '',
          'resolvers dns',
          `    nameserver dns ${backends.dns.nameserver}`,
          '    hold valid 5s',
          '    hold obsolete 10s',
        ]
      : [];
  return [
    '# The load balancer in front of the API replicas; written by scripts/lib/haproxy.ts (renderHaproxyConfig).',
    'global',
    '    maxconn 4096',
    '    log stderr format raw local0 notice',
    ...(options.statsSocket ? [`    stats socket ${options.statsSocket} mode 600 level admin`] : []),
    '',
    'defaults',
    '    mode http',
    '    log global',
    '    option httplog',
    '    option dontlog-normal',
    // A failed request is logged as an error, so that it passes the notice level the log keeps.
    '    option log-separate-errors',
    '    option forwardfor',
    // A new connection to a replica for every request: one that died is then refused at once, and its request goes
    // to another whatever the method. Reusing a kept-alive connection to a replica that had just died loses the
    // request silently (HAProxy closes the client's connection, leaving the retry to the client).
    '    option http-server-close',
    '    timeout connect 2s',
    '    timeout http-request 10s',
    '    timeout queue 10s',
    // A decision waits up to 30 s for the flow to take it; an upload of 50 MiB takes a while on a slow link.
    '    timeout client 90s',
    '    timeout server 90s',
    '    retries 3',
    '    option redispatch 1',
    '    retry-on conn-failure empty-response response-timeout 502 504',
    // Checked each second: a dead replica is out after two missed checks, back after two answered ones.
    '    default-server inter 1s fall 2 rise 2',
    ...resolvers,
    '',
    'frontend api',
    `    bind ${options.bind}`,
    '    http-request disable-l7-retry unless METH_GET || METH_HEAD || METH_OPTIONS',
    '    default_backend api',
    '',
    'backend api',
    '    balance roundrobin',
    `    option httpchk GET ${HEALTH_PATH}`,
    '    http-check expect rstatus ^(200|503)$',
    ...servers,
    '',
  ].join('\n');
}

export interface RunningLoadBalancer {
  url: string;
  child: Child;
  stop(): Promise<void>;
}

/** HAProxy in the foreground on its rendered configuration; ready once it accepts connections on its port. */
export async function startLoadBalancer(options: {
  binary: string;
  dir: string;
  port: number;
  servers: { name: string; address: string }[];
  logFile: string;
}): Promise<RunningLoadBalancer> {
  mkdirSync(options.dir, { recursive: true });
  const config = path.join(options.dir, 'haproxy.cfg');
  writeFileSync(
    config,
    renderHaproxyConfig({
      bind: `127.0.0.1:${options.port}`,
      backends: { servers: options.servers },
      statsSocket: haproxySocket(options.dir),
    }),
  );
  // -db: stay in the foreground, as every part of the cluster does; -W would add a master process to watch.
  const child = startChild('haproxy', options.binary, ['-db', '-f', config], {
    logFile: options.logFile,
    stopWithParent: 'SIGTERM',
  });
  try {
    // Asked over HTTP: a bare TCP probe would be logged as a bad request.
    await waitFor(
      'the load balancer',
      async () => ((await fetch(`http://127.0.0.1:${options.port}${HEALTH_PATH}`)).status > 0 ? true : undefined),
      {
        gone: () =>
          child.process.exitCode !== null
            ? `haproxy exited (${child.process.exitCode}); see ${options.logFile}`
            : undefined,
        timeoutMs: 15_000,
        intervalMs: 100,
      },
    );
  } catch (error) {
    await child.stop('SIGKILL');
    throw error;
  }
  return { url: `http://127.0.0.1:${options.port}`, child, stop: () => child.stop('SIGTERM', 5_000) };
}

/** Where the admin socket of the load balancer in dir is. */
export function haproxySocket(dir: string): string {
  return path.join(dir, 'haproxy.sock');
}

/** Each replica as HAProxy sees it: its state (`UP`, `DOWN`, `UP 1/2`...) and the requests it was sent. */
export function replicaStats(socketPath: string): Promise<Record<string, { status: string; requests: number }>> {
  return new Promise((resolve, reject) => {
    let text = '';
    const socket = net.connect(socketPath, () => socket.end('show stat\n'));
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    socket.once('error', reject);
    socket.once('end', () => {
      const [header, ...rows] = text.trim().split('\n');
      const columns = header.replace(/^# /, '').split(',');
      const at = (name: string) => columns.indexOf(name);
      const stats: Record<string, { status: string; requests: number }> = {};
      for (const row of rows.map((line) => line.split(','))) {
        if (row[at('pxname')] === 'api' && !['FRONTEND', 'BACKEND'].includes(row[at('svname')])) {
          stats[row[at('svname')]] = { status: row[at('status')], requests: Number(row[at('stot')]) };
        }
      }
      resolve(stats);
    });
  });
}
