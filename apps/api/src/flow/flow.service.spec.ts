import {
  Client,
  ServiceError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import type { AppConfig } from '@notaflow/config';
import { FlowRefusal, fieldRefusal, refusalFailure, type NotaFlowRefusal } from '@notaflow/temporal';
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

const notaId = '00000000-0000-4000-8000-000000000002';
const actor = { username: 'vws.signer', role: 'cosigner', organisation: 'VWS' } as const;
const input = { taskId: '00000000-0000-4000-8000-000000000001', actor, decision: 'approve' } as const;

type Operation = 'decide' | 'newVersion' | 'withdraw';
const send: Record<Operation, (sut: FlowService) => Promise<unknown>> = {
  decide: (sut) => sut.decide(notaId, input),
  newVersion: (sut) => sut.newVersion(notaId, { actor, note: 'v2' }),
  withdraw: (sut) => sut.withdraw(notaId, { actor, reason: 'vervalt' }),
};

/** What the API answers when the flow refuses `operation` with this failure. */
async function answerTo(failure: ApplicationFailure, operation: Operation = 'decide'): Promise<unknown> {
  const sut = failingWith(new WorkflowUpdateFailedError('Workflow Update failed', failure));
  return send[operation](sut).then(
    (result) => new Error(`taken: ${JSON.stringify(result)}`),
    (error: unknown) => error,
  );
}

const refused = (refusal: NotaFlowRefusal) => refusalFailure(refusal);
const legacy = (type: string, message: string, details?: unknown[]) =>
  ApplicationFailure.create({ type, message, nonRetryable: true, details });

describe(FlowService.name, () => {
  describe('when the flow refuses an Update', () => {
    it.each([
      ['TaskNotOpen', 'task_not_open'],
      ['TaskNotHolder', 'task_not_holder'],
      ['NotaNotManaged', 'nota_not_managed'],
      ['NotaNotAwaitingVersion', 'nota_not_awaiting_version'],
      ['NotaClosed', 'nota_closed'],
    ] as const)('answers %s with %s, whichever Update it was', async (kind, code) => {
      for (const operation of ['decide', 'newVersion', 'withdraw'] as const) {
        const answer = await answerTo(refused({ kind, message: 'refused' }), operation);
        expect(answer).toBeInstanceOf(AppException);
        expect(answer).toMatchObject({ code, message: 'refused' });
      }
    });

    it.each(
      (
        [
          [
            fieldRefusal('DecisionNotAllowed', {
              name: 'decision',
              reason: 'a co-sign task does not take "hold"',
              params: { value: 'hold', taskType: 'co-sign' },
            }),
            { name: 'decision', code: 'decision_not_allowed', params: { value: 'hold', taskType: 'co-sign' } },
          ],
          [
            fieldRefusal('NextMeetingOnlyWithHold', { name: 'nextMeeting', reason: 'goes only with "hold"' }),
            { name: 'nextMeeting', code: 'only_with_hold' },
          ],
          [
            fieldRefusal('NextMeetingNotADay', { name: 'nextMeeting', reason: 'must be a day as YYYY-MM-DD' }),
            { name: 'nextMeeting', code: 'not_a_date' },
          ],
          [
            fieldRefusal('NextMeetingNotAfterCurrent', {
              name: 'nextMeeting',
              reason: 'must be after the current meeting of 2026-12-11',
              params: { value: '2026-12-11' },
            }),
            { name: 'nextMeeting', code: 'not_after_current_meeting', params: { value: '2026-12-11' } },
          ],
          [
            fieldRefusal('UnstorableText', { name: 'remarks', reason: 'contains a NUL character' }),
            { name: 'remarks', code: 'unstorable_text', reason: 'contains a NUL character' },
          ],
        ] as [NotaFlowRefusal, Record<string, unknown>][]
      ).map(([refusal, field]) => [refusal.kind, refusal, field] as const),
    )('answers %s with a 400 naming the field and its code', async (_kind, refusal, field) => {
      const answer = await answerTo(refused(refusal));
      expect(answer).toMatchObject({ code: 'validation_failed', extras: { errors: [field] } });
    });

    it('takes the field error code from the kind, not from what the details claim', async () => {
      const failure = legacy('NextMeetingOnlyWithHold', 'nextMeeting goes only with "hold"', [
        { name: 'nextMeeting', code: 'bad_host', reason: 'goes only with "hold"' },
      ]);
      expect(await answerTo(failure)).toMatchObject({
        extras: { errors: [{ name: 'nextMeeting', code: 'only_with_hold' }] },
      });
    });

    it('lets a field refusal without its field through as it is: no flow of ours sends one', async () => {
      const failure = legacy('DecisionNotAllowed', 'a initial task does not take "maybe"');
      const answer = await answerTo(failure);
      expect(answer).toBeInstanceOf(WorkflowUpdateFailedError);
      expect((answer as WorkflowUpdateFailedError).cause).toBe(failure);
    });
  });

  describe("when a worker of the previous release refuses with that release's types", () => {
    it.each([
      [FlowRefusal.NOT_ALLOWED, 'decide', 'task_not_holder'],
      [FlowRefusal.NOT_ALLOWED, 'newVersion', 'nota_not_managed'],
      [FlowRefusal.NOT_ALLOWED, 'withdraw', 'nota_not_managed'],
      [FlowRefusal.INVALID_STATE, 'newVersion', 'nota_not_awaiting_version'],
      [FlowRefusal.INVALID_STATE, 'withdraw', 'nota_closed'],
      [FlowRefusal.TASK_NOT_OPEN, 'decide', 'task_not_open'],
    ] as const)('answers %s to %s with %s', async (type, operation, code) => {
      expect(await answerTo(legacy(type, 'refused'), operation)).toMatchObject({ code });
    });

    it('answers InvalidDecision as a decision the task does not take', async () => {
      const answer = await answerTo(legacy(FlowRefusal.INVALID_DECISION, 'a initial task does not take "maybe"'));
      expect(answer).toMatchObject({
        code: 'validation_failed',
        extras: { errors: [{ name: 'decision', code: 'decision_not_allowed' }] },
      });
    });

    it('answers InvalidText naming the field its details name', async () => {
      const failure = legacy(FlowRefusal.INVALID_TEXT, 'reason contains a NUL character', ['reason', 'contains NUL']);
      expect(await answerTo(failure, 'withdraw')).toMatchObject({
        code: 'validation_failed',
        extras: { errors: [{ name: 'reason', code: 'unstorable_text', reason: 'contains NUL' }] },
      });
    });
  });

  describe('when the flow has ended', () => {
    it.each([
      [
        'the run had closed when the Update came',
        new WorkflowNotFoundError('workflow execution already completed', 'nota-x', undefined),
      ],
      [
        'the run closed after taking the Update in',
        new WorkflowUpdateFailedError(
          'Workflow Update failed',
          ApplicationFailure.create({
            type: 'AcceptedUpdateCompletedWorkflow',
            message: 'Workflow Update failed because the Workflow completed before the Update completed.',
            nonRetryable: true,
          }),
        ),
      ],
    ])('answers flow_ended when %s', async (_when, error) => {
      const answer = await failingWith(error)
        .withdraw(notaId, { actor, reason: 'vervalt' })
        .catch((e: unknown) => e);
      expect(answer).toMatchObject({ code: 'flow_ended' });
    });
  });

  describe('when the flow does not answer in time', () => {
    const grpcDeadline = () =>
      Object.assign(new Error('4 DEADLINE_EXCEEDED: Deadline exceeded'), {
        code: 4,
        details: 'Deadline exceeded',
        metadata: {},
      });
    it.each([
      [
        'the SDK gave up waiting for the outcome (its call cancelled at the deadline)',
        new WorkflowUpdateRPCTimeoutOrCancelledError('Call cancelled', {
          cause: Object.assign(new Error('1 CANCELLED: Call cancelled'), { code: 1 }),
        }),
      ],
      ['the call ran past its deadline', new ServiceError('Workflow Update failed', { cause: grpcDeadline() })],
    ])('answers 503, never 500, when %s', async (_when, error) => {
      const answer = await send.decide(failingWith(error)).catch((e: unknown) => e);
      expect(answer).toBeInstanceOf(AppException);
      expect(answer).toMatchObject({
        code: 'flow_timeout',
        message: expect.stringMatching(/did not answer in time/),
      });
    });
  });

  it('lets any other error through as it is', async () => {
    const bug = new TypeError('x is undefined');
    await expect(send.decide(failingWith(bug))).rejects.toBe(bug);
    const other = new WorkflowUpdateFailedError('Workflow Update failed', legacy('SomethingElse', 'no refusal'));
    await expect(send.decide(failingWith(other))).rejects.toBe(other);
  });
});
