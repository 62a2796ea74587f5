import { proxyActivities } from '@temporalio/workflow';
import type { NotaFlowActivities } from '@notaflow/temporal';

// No maximum attempts: through a database outage the flow waits and retries, it never fails.
export const activities = proxyActivities<NotaFlowActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});
