import type { Client } from '@temporalio/client';
import {
  DEADLINE_WATCH_WORKFLOW,
  deadlineChangedSignal,
  deadlineWatchId,
  type DeadlineWatchInput,
} from './deadline-watch.definitions';

/** Starts or wakes the watches of deadlines whose record changed. */
export interface DeadlineWatches {
  ensure(deadlineIds: readonly string[]): Promise<void>;
}

/** What starting watches asks of the registry: to note the deadlines that have theirs now. */
export interface WatchedDeadlines {
  markWatched(deadlineIds: readonly string[]): Promise<void>;
}

/**
 * Signal-with-start: a running watch reads its deadline again, a missing one is started, and there is never a
 * second watch for one deadline. Safe to call for any deadline, open or closed (a closed one's watch ends at once),
 * and as often as needed: the API after every change and in its sweep for deadlines that never got their watch,
 * the worker after a dispatch or a recurrence.
 */
export function deadlineWatchClient(client: Client, taskQueue: string, deadlines: WatchedDeadlines): DeadlineWatches {
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
