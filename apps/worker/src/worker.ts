import type { DataConverter } from '@temporalio/common';
import type { NativeConnection } from '@temporalio/worker';
import { Worker, type WorkerOptions } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { createActivities, type Mailer } from '@notaflow/activities';

export interface NotaflowWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  dataSource: DataSource;
  /** Email over SMTP for reminders and escalations; in-app only without one. */
  mailer?: Mailer;
  /** Where users open the web app, for the links in notifications (PUBLIC_URL). */
  webAppUrl?: string;
  /** A prebuilt bundle (production) or the bundler's input (tests). */
  workflows: Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath' | 'bundlerOptions'>;
  identity?: string;
  /** The payload codec of the configured keys (`temporalDataConverter`); the API's client must use the same. */
  dataConverter?: DataConverter;
}

/** The worker the process runs and the tests run: same workflows, same activities. */
export function createWorker(options: NotaflowWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    ...(options.identity ? { identity: options.identity } : {}),
    ...(options.dataConverter ? { dataConverter: options.dataConverter } : {}),
    ...options.workflows,
    activities: createActivities({
      dataSource: options.dataSource,
      mailer: options.mailer,
      webAppUrl: options.webAppUrl,
    }),
    shutdownGraceTime: '10 seconds',
  });
}
