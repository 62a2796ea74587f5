import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';

/**
 * How long requests in flight get to finish on SIGTERM: below the `stop_grace_period` the compose file gives the api
 * service (30 s), after which the container is killed.
 */
export const SHUTDOWN_GRACE_MS = 25_000;

/**
 * Stops on SIGTERM or SIGINT in the order that keeps requests whole: take no new connections, let the requests in
 * flight finish (a decision waits for its workflow's answer), and only then close the database pool and the Temporal
 * client. Nest's own shutdown hooks close those first, failing whatever was still running.
 */
export function closeGracefullyOnSignals(app: INestApplication, graceMs = SHUTDOWN_GRACE_MS): void {
  const server = app.getHttpServer() as Server;
  let inFlight = 0;
  let drained: (() => void) | undefined;
  server.on('request', (_request, response) => {
    inFlight += 1;
    response.once('close', () => {
      inFlight -= 1;
      if (inFlight === 0) drained?.();
    });
  });

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeIdleConnections();
    if (inFlight > 0) {
      await new Promise<void>((resolve) => {
        drained = resolve;
        setTimeout(resolve, graceMs).unref();
      });
    }
    server.closeAllConnections();
    await app.close();
    process.exit(0);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      stop().catch((error: unknown) => {
        process.stderr.write(`notaflow api did not stop cleanly: ${String(error)}\n`);
        process.exit(1);
      });
    });
  }
}
