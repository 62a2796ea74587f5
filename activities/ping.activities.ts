import type { PingActivities } from '@notaflow/temporal';
import type { ActivityDeps } from './create-activities';

export function createPingActivities({ dataSource }: ActivityDeps) {
  return {
    /** Proves the worker reaches PostgreSQL. */
    async databaseTime(): Promise<string> {
      const rows: { now: Date }[] = await dataSource.query('SELECT now() AS now');
      return rows[0].now.toISOString();
    },
  } satisfies PingActivities;
}
