import { Inject, Injectable } from '@nestjs/common';
import {
  Client,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { AppConfig } from '@notaflow/config';
import {
  FlowRefusal,
  NOTA_FLOW_WORKFLOW,
  decideUpdate,
  newVersionUpdate,
  notaWorkflowId,
  startedUpdate,
  withdrawUpdate,
  type DecideInput,
  type DecideResult,
  type FlowSnapshot,
  type NewVersionInput,
  type NotaFlowInput,
  type WithdrawInput,
} from '@notaflow/temporal';
import { AppException } from '../common/app.exception';
import { APP_CONFIG } from '../config/config.module';

type FlowOperation = 'start' | 'decide' | 'newVersion' | 'withdraw';

/** How long a caller waits for the flow to take a decision before being told to try again. */
const UPDATE_DEADLINE_MS = 30_000;

/** The API's only way into a running flow: start it, and ask it (Updates) to take decisions. */
@Injectable()
export class FlowService {
  constructor(
    private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async start(input: NotaFlowInput): Promise<{ workflowId: string; snapshot: FlowSnapshot }> {
    const workflowId = notaWorkflowId(input.notaId);
    try {
      const handle = await this.client.workflow.start(NOTA_FLOW_WORKFLOW, {
        workflowId,
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        args: [input],
        // The id is the nota's: a second submit of the same nota can never start a second flow.
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
      const snapshot = await this.withDeadline(() => handle.executeUpdate(startedUpdate));
      return { workflowId, snapshot };
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) {
        throw new AppException('nota_already_submitted', 'The flow of this nota has already been started.');
      }
      throw this.translate(error, 'start');
    }
  }

  decide(notaId: string, input: DecideInput): Promise<DecideResult> {
    return this.update('decide', () => this.handle(notaId).executeUpdate(decideUpdate, { args: [input] }));
  }

  newVersion(notaId: string, input: NewVersionInput): Promise<FlowSnapshot> {
    return this.update('newVersion', () => this.handle(notaId).executeUpdate(newVersionUpdate, { args: [input] }));
  }

  withdraw(notaId: string, input: WithdrawInput): Promise<FlowSnapshot> {
    return this.update('withdraw', () => this.handle(notaId).executeUpdate(withdrawUpdate, { args: [input] }));
  }

  private handle(notaId: string) {
    return this.client.workflow.getHandle(notaWorkflowId(notaId));
  }

  private async update<T>(operation: FlowOperation, call: () => Promise<T>): Promise<T> {
    try {
      return await this.withDeadline(call);
    } catch (error) {
      throw this.translate(error, operation);
    }
  }

  private withDeadline<T>(call: () => Promise<T>): Promise<T> {
    return this.client.connection.withDeadline(Date.now() + UPDATE_DEADLINE_MS, call);
  }

  /** A flow's refusal becomes the matching HTTP answer; nothing was recorded for it. */
  private translate(error: unknown, operation: FlowOperation): unknown {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
      const { type, message } = error.cause;
      switch (type) {
        case FlowRefusal.NOT_ALLOWED:
          return new AppException(operation === 'decide' ? 'task_not_holder' : 'nota_not_managed', message);
        case FlowRefusal.TASK_NOT_OPEN:
          return new AppException('task_not_open', message);
        case FlowRefusal.INVALID_STATE:
          return new AppException(operation === 'newVersion' ? 'nota_not_awaiting_version' : 'nota_closed', message);
        case FlowRefusal.INVALID_DECISION:
          return AppException.validation(
            [{ name: 'decision', code: 'decision_not_allowed', reason: message }],
            message,
          );
        case FlowRefusal.INVALID_TEXT: {
          const [name, reason] = error.cause.details as [string, string];
          return AppException.validation([{ name, code: 'unstorable_text', reason }], message);
        }
      }
    }
    if (error instanceof WorkflowNotFoundError || isCompletedError(error)) {
      return new AppException('flow_ended', 'The flow of this nota has ended.');
    }
    // The deadline passed while the client waited for the outcome: the SDK says so with its own error, whose
    // cause is the cancelled call (code 1), not a DEADLINE_EXCEEDED (code 4).
    if (isDeadlineError(error) || error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
      return new AppException(
        'flow_timeout',
        'The flow did not answer in time (is a worker running?). Check the nota before trying again.',
      );
    }
    return error;
  }
}

function isCompletedError(error: unknown): boolean {
  const text = String((error as Error)?.message ?? '');
  return /workflow execution already completed|workflow.*(completed|not found)/i.test(text);
}

function isDeadlineError(error: unknown): boolean {
  const code =
    (error as { code?: number; cause?: { code?: number } })?.code ??
    (error as { cause?: { code?: number } })?.cause?.code;
  return code === 4 || /deadline exceeded/i.test(String((error as Error)?.message ?? ''));
}
