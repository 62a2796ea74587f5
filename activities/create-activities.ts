import { Context } from '@temporalio/activity';
import type { DataSource } from 'typeorm';
import { NotificationRepository, TransitionRepository } from '@notaflow/persistence';
import type { DeadlineWatchActivities, NotaFlowActivities, PingActivities } from '@notaflow/temporal';
import { createDeadlineActivities } from './deadline.activities';
import { temporalDeadlineWatches, type DeadlineWatches } from './deadline-watches';
import { createFlowActivities } from './flow.activities';
import type { Mailer } from './mail';
import { DEFAULT_WEB_APP_URL } from './messages';
import { createNotificationActivities } from './notification.activities';
import { createPingActivities } from './ping.activities';

export interface ActivityDeps {
  dataSource: DataSource;
  /** Email over SMTP; without one, notifications are in-app only. */
  mailer?: Mailer;
  /** Starts and wakes deadline watches; by default through the worker's own client, on its own task queue. */
  deadlineWatches: DeadlineWatches;
  /** Where users open the web app: emails link to the nota or deadline there. */
  webAppUrl: string;
  /** The flow's writes to the registry: events, tasks, versions, the nota's state. */
  transitions: TransitionRepository;
  /** In-app notifications and the email outbox. */
  notifications: NotificationRepository;
}

/** Activities are built from their dependencies so the worker injects real ones and tests may inject others. */
export function createActivities({
  dataSource,
  mailer,
  deadlineWatches = workerDeadlineWatches(dataSource),
  webAppUrl = DEFAULT_WEB_APP_URL,
  transitions = new TransitionRepository(dataSource),
  notifications = new NotificationRepository(dataSource),
}: Partial<ActivityDeps> & { dataSource: DataSource }) {
  const deps: ActivityDeps = { dataSource, mailer, deadlineWatches, webAppUrl, transitions, notifications };
  return {
    ...createPingActivities(deps),
    ...createFlowActivities(deps),
    ...createNotificationActivities(deps),
    ...createDeadlineActivities(deps),
  } satisfies NotaFlowActivities & DeadlineWatchActivities & PingActivities;
}

export type Activities = ReturnType<typeof createActivities>;

/** Within an activity: the client and task queue of the worker that runs it. */
function workerDeadlineWatches(dataSource: DataSource): DeadlineWatches {
  return {
    ensure(deadlineIds) {
      if (!deadlineIds.length) return Promise.resolve();
      const { client, info } = Context.current();
      return temporalDeadlineWatches(client, info.taskQueue, dataSource).ensure(deadlineIds);
    },
  };
}
