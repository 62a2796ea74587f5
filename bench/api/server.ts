/**
 * The API as apps/api/src/main.ts builds it (createApp with the configuration from the environment), in a process of
 * its own started by tasks.bench.ts, plus the bench-only bare route (bare-route.ts). Sends its port to the parent
 * over IPC; SIGTERM closes it through the shutdown hooks createApp enables.
 */
import 'reflect-metadata';
import { loadConfig } from '@notaflow/config';
import { createApp } from '../../apps/api/src/bootstrap';
import { registerBareRoute } from './bare-route';

async function main(): Promise<void> {
  const app = await createApp(loadConfig());
  registerBareRoute(app);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  process.send?.({ port });
}

main().catch((error: unknown) => {
  process.stderr.write(`bench API server failed: ${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});
