import { Client } from 'pg';

/**
 * Waits until PostgreSQL accepts a connection (it may still be starting, as under docker compose), then
 * gives up with one line naming the server, so a wrong DATABASE_URL never ends in a stack trace.
 */
export async function waitForDatabase(url: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const { hostname, port, pathname } = new URL(url);
  for (;;) {
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (error) {
      const reason = (error as { code?: string }).code ?? (error as Error).message;
      const transient = ['ECONNREFUSED', 'ECONNRESET', '57P03', 'ETIMEDOUT'].includes(reason);
      if (!transient || Date.now() > deadline) {
        throw new Error(
          `database ${hostname}:${port || 5432}${pathname} unreachable (${(error as Error).message || reason})`,
        );
      }
      await new Promise((r) => setTimeout(r, 500));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
