import type { DataSource } from 'typeorm';
import { createFlowActivities } from './flow.activities';
import { createPingActivities } from './ping.activities';

export interface ActivityDeps {
  dataSource: DataSource;
}

/** Activities are built from their dependencies so the worker injects real ones and tests may inject others. */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createPingActivities(deps),
    ...createFlowActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
