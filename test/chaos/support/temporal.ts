import { Client, Connection } from '@temporalio/client';

/** A short-lived client: opened for one look at the server and closed again, so no retry outlives a fault. */
export async function withTemporal<T>(address: string, use: (client: Client) => Promise<T>): Promise<T> {
  const connection = await Connection.connect({ address, connectTimeout: 5000 });
  try {
    return await use(new Client({ connection }));
  } finally {
    await connection.close();
  }
}

/** Whether a worker process (by pid) polls the task queue for workflow tasks. */
export async function workerPolls(address: string, taskQueue: string, pid: number): Promise<boolean> {
  return withTemporal(address, async (client) => {
    const { pollers } = await client.workflowService.describeTaskQueue({
      namespace: 'default',
      // TASK_QUEUE_KIND_NORMAL and TASK_QUEUE_TYPE_WORKFLOW (numbers: @temporalio/proto is not ours to import).
      taskQueue: { name: taskQueue, kind: 1 },
      taskQueueType: 1,
    });
    return (pollers ?? []).some((poller) => poller.identity?.startsWith(`${pid}@`));
  });
}

export type WorkflowStatusName = string;

/** The execution status of each workflow (by id), read with describe: RUNNING, COMPLETED, FAILED, ... */
export async function workflowStatuses(
  address: string,
  workflowIds: string[],
  concurrency = 8,
): Promise<Map<string, WorkflowStatusName>> {
  return withTemporal(address, async (client) => {
    const statuses = new Map<string, WorkflowStatusName>();
    const queue = [...workflowIds];
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let id = queue.shift(); id; id = queue.shift()) {
          const description = await client.workflow.getHandle(id).describe();
          statuses.set(id, description.status.name);
        }
      }),
    );
    return statuses;
  });
}

/** The statuses once no workflow of these runs any more, or as they are after timeoutMs. */
export async function closedStatuses(
  address: string,
  workflowIds: string[],
  timeoutMs: number,
): Promise<Map<string, WorkflowStatusName>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const statuses = await workflowStatuses(address, workflowIds);
    if (![...statuses.values()].includes('RUNNING') || Date.now() > deadline) return statuses;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** What Temporal says about a workflow that does not move: for a failure message. */
export async function describeStuck(address: string, workflowId: string): Promise<string> {
  return withTemporal(address, async (client) => {
    const { status, historyLength, raw } = await client.workflow.getHandle(workflowId).describe();
    const task = raw.pendingWorkflowTask;
    const activities = (raw.pendingActivities ?? []).map(
      (a) => `${a.activityType?.name} attempt ${a.attempt} state ${a.state} ${a.lastFailure?.message ?? ''}`,
    );
    return (
      `${workflowId}: ${status.name}, ${historyLength} events, workflow task ` +
      `${task ? `${task.state} attempt ${task.attempt}` : 'none'}, activities [${activities.join('; ')}]`
    );
  }).catch((error: Error) => `${workflowId}: describe failed: ${error.message}`);
}
