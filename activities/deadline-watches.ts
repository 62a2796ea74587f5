import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { DeadlineRepository } from '@notaflow/persistence';
import {
  DEADLINE_WATCH_WORKFLOW,
  deadlineChangedSignal,
  deadlineWatchId,
  type DeadlineWatchInput,
} from '@notaflow/temporal';

/** Starts or wakes the watches of deadlines whose record changed. */
export interface DeadlineWatches {
  ensure(deadlineIds: readonly string[]): Promise<void>;
}

/**
 * Signal-with-start: a running watch reads its deadline again, a missing one is started, and there is never a
 * second watch for one deadline. Safe to call for any deadline, open or closed (a closed one's watch ends at once),
 * and as often as needed: the API after every change, the worker after a dispatch, the API's start-up for open
 * deadlines that never got their watch.
 */
export function temporalDeadlineWatches(client: Client, taskQueue: string, dataSource: DataSource): DeadlineWatches {
  const deadlines = new DeadlineRepository(dataSource);
  return {
    async ensure(deadlineIds) {
      const ids = [...new Set(deadlineIds)];
      for (const deadlineId of ids) {
        await client.workflow.signalWithStart(DEADLINE_WATCH_WORKFLOW, {
          workflowId: deadlineWatchId(deadlineId),
          taskQueue,
          args: [{ deadlineId } satisfies DeadlineWatchInput],
          signal: deadlineChangedSignal,
          signalArgs: [],
        });
      }
      await deadlines.markWatched(ids);
    },
  };
}
