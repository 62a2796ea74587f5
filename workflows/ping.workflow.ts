import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { PingActivities, PingInput, PingResult } from '@notaflow/temporal';

const { databaseTime } = proxyActivities<PingActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { maximumAttempts: 5, initialInterval: '200 milliseconds' },
});

/** The smallest flow that crosses every part: api or client -> server -> worker -> activity -> PostgreSQL. */
export async function pingWorkflow(input: PingInput): Promise<PingResult> {
  return { message: input.message, databaseTime: await databaseTime(), workflowId: workflowInfo().workflowId };
}
