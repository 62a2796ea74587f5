import { Inject, Injectable } from '@nestjs/common';
import {
  Client,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  isGrpcDeadlineError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { AppConfig } from '@notaflow/config';
import { assertNever, firstStage } from '@notaflow/domain';
import {
  NOTA_FLOW_WORKFLOW,
  decideUpdate,
  newVersionUpdate,
  notaFlowSearchAttributes,
  notaWorkflowId,
  readFlowRefusal,
  reassignUpdate,
  startedUpdate,
  withdrawUpdate,
  type DecideInput,
  type DecideResult,
  type FlowSnapshot,
  type NewVersionInput,
  type NotaFlowInput,
  type ReassignInput,
  type ReassignResult,
  type ReceivedFlowRefusal,
  type WithdrawInput,
} from '@notaflow/temporal';
import { AppException } from '../common/app.exception';
import { APP_CONFIG } from '../config/config.module';

type FlowOperation = 'start' | 'decide' | 'newVersion' | 'withdraw' | 'reassign';

/** How long a caller waits for the flow to take a decision before being told to try again. */
const UPDATE_DEADLINE_MS = 30_000;

/**
 * The failure type the Temporal server gives an accepted Update whose run closed before the Update completed. The
 * server defines it; the SDK has no constant for it, so it is named here.
 */
const UPDATE_OUTLIVED_RUN = 'AcceptedUpdateCompletedWorkflow';

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
        // Findable by kenmerk from its first moment; the flow keeps the stage up to date as it moves on.
        typedSearchAttributes: notaFlowSearchAttributes(input, firstStage(input.route)),
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

  /** Hands a personal task on; answers once the registry has its new holder. */
  reassign(notaId: string, input: ReassignInput): Promise<ReassignResult> {
    return this.update('reassign', () => this.handle(notaId).executeUpdate(reassignUpdate, { args: [input] }));
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
      if (error.cause.type === UPDATE_OUTLIVED_RUN) return flowEnded();
      const refusal = readFlowRefusal(error.cause);
      if (refusal) return refusalException(refusal, operation);
    }
    // Sent to a run that has closed (or that closed before taking the Update in): the server answers NOT_FOUND,
    // which the SDK raises as WorkflowNotFoundError, as for a flow that was never started.
    if (error instanceof WorkflowNotFoundError) return flowEnded();
    // The deadline passed while the client waited for the outcome: the SDK says so with its own error, whose
    // cause is the cancelled call; a call that was still being sent fails with the gRPC status DEADLINE_EXCEEDED.
    if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError || isGrpcDeadlineError(error)) {
      return new AppException(
        'flow_timeout',
        'The flow did not answer in time (is a worker running?). Check the nota before trying again.',
      );
    }
    return error;
  }
}

function flowEnded(): AppException {
  return new AppException('flow_ended', 'The flow of this nota has ended.');
}

/**
 * Each kind of refusal as its problem. The previous release's types (from a worker not yet replaced during a
 * rolling deploy) say less: which Update was refused tells them apart.
 */
function refusalException(refusal: ReceivedFlowRefusal, operation: FlowOperation): AppException {
  const { message } = refusal;
  switch (refusal.kind) {
    case 'TaskNotOpen':
      return new AppException('task_not_open', message);
    case 'TaskNotHolder':
      return new AppException('task_not_holder', message);
    case 'NotaNotManaged':
      return new AppException('nota_not_managed', message);
    case 'NotaNotAwaitingVersion':
      return new AppException('nota_not_awaiting_version', message);
    case 'NotaClosed':
      return new AppException('nota_closed', message);
    case 'StaleVersion':
      return new AppException('stale_version', message);
    case 'TaskNotPersonal':
      return new AppException('task_not_personal', message);
    case 'DecisionNotAllowed':
    case 'NextMeetingOnlyWithHold':
    case 'NextMeetingNotADay':
    case 'NextMeetingNotAfterCurrent':
    case 'UnstorableText':
    case 'ReassignToCurrentHolder':
    case 'ReassignWrongRole':
    case 'ReassignOtherOrganisation':
    case 'InvalidText':
      return AppException.validation([refusal.field], message);
    case 'NotAllowed':
      return new AppException(operation === 'decide' ? 'task_not_holder' : 'nota_not_managed', message);
    case 'InvalidState':
      return new AppException(operation === 'newVersion' ? 'nota_not_awaiting_version' : 'nota_closed', message);
    case 'InvalidDecision':
      // The decision, or its nextMeeting: the old type does not say which, and its message is no contract.
      return AppException.field('decision', 'decision_not_allowed', message);
    default:
      return assertNever(refusal);
  }
}
