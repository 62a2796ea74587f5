import { Client, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import type { AppConfig } from '@notaflow/config';
import { AppException } from '../common/app.exception';
import { FlowService } from './flow.service';

/** A Temporal client whose every Update fails as given: what the API answers depends on the failure alone. */
function failingWith(error: unknown): FlowService {
  const client = {
    connection: { withDeadline: (_deadline: number, call: () => Promise<unknown>) => call() },
    workflow: { getHandle: () => ({ executeUpdate: () => Promise.reject(error) }) },
  } as unknown as Client;
  return new FlowService(client, { TEMPORAL_TASK_QUEUE: 'notaflow' } as AppConfig);
}

const input = {
  taskId: '00000000-0000-4000-8000-000000000001',
  actor: { username: 'vws.signer', role: 'cosigner', organisation: 'VWS' },
  decision: 'approve',
} as const;

describe('FlowService, when the flow does not answer in time', () => {
  it.each([
    [
      'the SDK gave up waiting for the outcome (its call cancelled at the deadline)',
      new WorkflowUpdateRPCTimeoutOrCancelledError('Call cancelled', {
        cause: Object.assign(new Error('1 CANCELLED: Call cancelled'), { code: 1 }),
      }),
    ],
    ['the call ran past its deadline', Object.assign(new Error('4 DEADLINE_EXCEEDED: Deadline exceeded'), { code: 4 })],
  ])('answers 503, never 500, when %s', async (_when, error) => {
    const refused = await failingWith(error)
      .decide('00000000-0000-4000-8000-000000000002', input)
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppException);
    expect(refused).toMatchObject({
      code: 'flow_timeout',
      message: expect.stringMatching(/did not answer in time/),
    });
  });

  it('lets any other error through as it is', async () => {
    const bug = new TypeError('x is undefined');
    await expect(failingWith(bug).decide('00000000-0000-4000-8000-000000000002', input)).rejects.toBe(bug);
  });
});
