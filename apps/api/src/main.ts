import 'reflect-metadata';
import { ConfigError, loadConfig } from '@notaflow/config';
import { waitForDatabase } from '@notaflow/persistence';
import { createApp } from './bootstrap';
import { closeGracefullyOnSignals } from './shutdown';

async function main(): Promise<void> {
  const config = loadConfig();
  await waitForDatabase(config.DATABASE_URL);
  const app = await createApp(config);
  closeGracefullyOnSignals(app);
  await app.listen(config.PORT, config.HOST);
}

main().catch((error: unknown) => {
  // One clear line for a wrong setting or an unreachable server; the stack only helps for real bugs.
  const message = error instanceof ConfigError ? error.message : `notaflow api failed to start: ${describe(error)}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});

function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length) return describe(error.errors[0]);
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
