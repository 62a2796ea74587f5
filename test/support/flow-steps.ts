import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  firstStage,
  type Actor,
  type Decision,
  type NotaStage,
  type RouteTemplate,
  type FlowEventRecord,
  type TaskType,
} from '@notaflow/domain';
import { TransitionRepository, type TransitionRecord } from '@notaflow/persistence';
import type {
  DecideInput,
  DecideResult,
  FlowSnapshot,
  NewVersionInput,
  NotaFlowInput,
  WithdrawInput,
} from '@notaflow/temporal';
import type { FlowService } from '../../apps/api/src/flow/flow.service';

type Step = Omit<TransitionRecord, 'workflowId' | 'notaId' | 'at' | 'events'> & {
  events?: Omit<FlowEventRecord, 'seq'>[];
};

/**
 * Writes a flow's steps to the registry as its activities do (through TransitionRepository), for specs of the
 * registry that run no worker: a nota submitted, tasks opened and decided, a dispatch.
 */
export class FlowSteps {
  private readonly seqs = new Map<string, number>();
  private readonly transitions: TransitionRepository;

  constructor(db: DataSource) {
    this.transitions = new TransitionRepository(db);
  }

  async write(notaId: string, step: Step, at = new Date().toISOString()): Promise<void> {
    const seq = this.seqs.get(notaId) ?? 0;
    const events = (step.events ?? []).map((event, i) => ({ ...event, seq: seq + i + 1 }));
    this.seqs.set(notaId, seq + events.length);
    await this.transitions.record({ ...step, workflowId: `nota-${notaId}`, notaId, at, events });
  }

  submit(nota: { id: string; organisation: string; route: RouteTemplate }, by: string): Promise<void> {
    return this.write(nota.id, {
      events: [{ type: 'submitted', actor: by, organisation: nota.organisation }],
      nota: { status: 'in_review', stage: firstStage(nota.route), version: 1, submittedAt: new Date().toISOString() },
    });
  }

  /** Opens a task, due in a week; answers its id. */
  async openTask(
    notaId: string,
    task: { type: TaskType; stage: NotaStage; organisation: string; assignee?: string | null },
  ): Promise<string> {
    const id = randomUUID();
    const now = new Date();
    const dueAt = new Date(now.getTime() + 7 * 86_400_000).toISOString();
    await this.write(notaId, {
      events: [{ type: 'task_opened', stage: task.stage, organisation: task.organisation, taskId: id }],
      open: [
        {
          id,
          version: 1,
          assignee: null,
          ...task,
          createdAt: now.toISOString(),
          dueAt,
          remindAt: null,
          meetingOn: null,
        },
      ],
    });
    return id;
  }

  decideTask(notaId: string, task: { id: string; organisation: string }, decision: Decision, by: string) {
    return this.write(notaId, {
      events: [{ type: 'task_decided', actor: by, organisation: task.organisation, taskId: task.id, decision }],
      close: [{ id: task.id, status: 'done', decision, decidedBy: by }],
    });
  }

  dispatch(notaId: string, by: { username: string; organisation: string }, at: string): Promise<void> {
    return this.write(
      notaId,
      {
        events: [{ type: 'dispatched', actor: by.username, organisation: by.organisation }],
        nota: { status: 'dispatched', stage: 'done', dispatchedAt: at },
      },
      at,
    );
  }
}

type FlowPort = Pick<FlowService, 'start' | 'decide' | 'newVersion' | 'withdraw'>;

/**
 * Stands in for the Temporal flow where a spec is about the registry: it notes what it was asked and writes what
 * the flow would have written, through FlowSteps. It applies none of the flow's own checks.
 */
export class FakeFlow implements FlowPort {
  readonly asked: { operation: keyof FlowPort; notaId: string; actor?: Actor }[] = [];
  /** What each flow was started with, by nota. */
  readonly started = new Map<string, NotaFlowInput>();

  constructor(private readonly steps: FlowSteps) {}

  /** As the API's services take it. */
  get service(): FlowService {
    return this as unknown as FlowService;
  }

  async start(input: NotaFlowInput): Promise<{ workflowId: string; snapshot: FlowSnapshot }> {
    this.asked.push({ operation: 'start', notaId: input.notaId });
    this.started.set(input.notaId, input);
    await this.steps.submit(
      { id: input.notaId, organisation: input.organisation, route: input.route },
      input.submittedBy,
    );
    const snapshot = { status: 'in_review' as const, stage: firstStage(input.route), version: 1, openTasks: [] };
    return { workflowId: `nota-${input.notaId}`, snapshot };
  }

  async decide(notaId: string, input: DecideInput): Promise<DecideResult> {
    this.asked.push({ operation: 'decide', notaId, actor: input.actor });
    const organisation = input.actor.organisation;
    await this.steps.decideTask(notaId, { id: input.taskId, organisation }, input.decision, input.actor.username);
    // The service answers the task as the registry holds it, not as the flow reports it.
    return { task: {} as DecideResult['task'], nota: { status: 'in_review', stage: 'decision', version: 1 } };
  }

  async newVersion(notaId: string, input: NewVersionInput): Promise<FlowSnapshot> {
    this.asked.push({ operation: 'newVersion', notaId, actor: input.actor });
    return { status: 'in_review', stage: 'initialling', version: 2, openTasks: [] };
  }

  async withdraw(notaId: string, input: WithdrawInput): Promise<FlowSnapshot> {
    this.asked.push({ operation: 'withdraw', notaId, actor: input.actor });
    await this.steps.write(notaId, {
      events: [{ type: 'withdrawn', actor: input.actor.username, organisation: input.actor.organisation }],
      nota: { status: 'withdrawn', stage: null },
    });
    return { status: 'withdrawn', stage: null, version: 1, openTasks: [] };
  }
}
