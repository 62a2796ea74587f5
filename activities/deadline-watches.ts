import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { DeadlineRepository } from '@notaflow/persistence';
import { deadlineWatchClient, type DeadlineWatches } from '@notaflow/temporal';

export type { DeadlineWatches } from '@notaflow/temporal';

/** The deadline watches on `taskQueue`, noting in the registry which deadlines have theirs. */
export function temporalDeadlineWatches(client: Client, taskQueue: string, dataSource: DataSource): DeadlineWatches {
  return deadlineWatchClient(client, taskQueue, new DeadlineRepository(dataSource));
}
