/**
 * Errors that mean a part the API depends on is away (PostgreSQL restarting, the Temporal server unreachable), not
 * that the request or the code is wrong: the caller gets 503 with Retry-After and can try again; nothing was done.
 */
export type Dependency = 'database' | 'temporal';

/** Node's socket errors when a server is not (or no longer) there. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);

/**
 * PostgreSQL's SQLSTATE classes and codes for a server that is going or gone: 08 connection exception, 57P01-57P03
 * (admin or crash shutdown, cannot connect now), 53300 too many connections.
 */
function isPostgresOutageCode(code: string): boolean {
  return code.startsWith('08') || ['57P01', '57P02', '57P03', '53300'].includes(code);
}

/** pg's own messages for a connection that went away under it or could not be had from the pool. */
const PG_MESSAGES =
  /Connection terminated|terminating connection|is not queryable|the database system is (shutting down|starting up|in recovery mode)|timeout exceeded when trying to connect|Client has encountered a connection error/i;

/** gRPC status codes: 14 UNAVAILABLE (server not reachable), 4 DEADLINE_EXCEEDED is the flow's, not an outage. */
const GRPC_UNAVAILABLE = 14;

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let current = error; current && chain.length < 6; current = (current as { cause?: unknown }).cause) {
    chain.push(current);
    const driverError = (current as { driverError?: unknown }).driverError;
    if (driverError && driverError !== current) chain.push(driverError);
  }
  return chain;
}

/** Which dependency is away, by the error it caused; undefined for any other error. */
export function outageOf(error: unknown): Dependency | undefined {
  for (const link of causes(error)) {
    const { code, message, name } = (link ?? {}) as { code?: unknown; message?: unknown; name?: unknown };
    const text = typeof message === 'string' ? message : '';
    const isTemporal = /ServiceError|TransportError|ConnectionError/.test(String(name)) || /grpc|temporal/i.test(text);
    if (code === GRPC_UNAVAILABLE || (isTemporal && /UNAVAILABLE|failed to connect|connection refused/i.test(text))) {
      return 'temporal';
    }
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && isPostgresOutageCode(code)) return 'database';
    if (PG_MESSAGES.test(text)) return 'database';
    if (typeof code === 'string' && SOCKET_CODES.has(code)) return isTemporal ? 'temporal' : 'database';
  }
  return undefined;
}
