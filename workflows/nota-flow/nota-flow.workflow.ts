import { allHandlersFinished, condition, setHandler, uuid4 } from '@temporalio/workflow';
import type { NotaStage, NotaStatus } from '@notaflow/domain';
import {
  decideUpdate,
  newVersionUpdate,
  reassignUpdate,
  refusalFailure,
  snapshotQuery,
  startedUpdate,
  withdrawUpdate,
  type FlowOutcome,
  type FlowTask,
  type NotaFlowInput,
  type NotaFlowRefusal,
  type ReassignInput,
  type ReassignResult,
  type TaskToClose,
} from '@notaflow/temporal';
import { DecisionQueue, type QueuedDecision } from './decision-queue';
import { FlowState } from './flow-state';
import { announcesTasks, awaitsNotifications } from './patches';
import {
  WITHDRAWN_BEFORE_DECIDED,
  refuseDecision,
  refuseDecisionShape,
  refuseStaleDecision,
  refuseNewVersion,
  refuseReassignment,
  refuseUnstorableText,
  refuseWithdrawal,
  type RefusalState,
} from './refusals';
import { runStage, type Consequences, type Position, type StageRunner, type TaskSpec } from './stages';
import { TaskTimers } from './task-timers';

/**
 * The approval flow of one nota: interprets the route snapshotted at submission, stage by stage. Human decisions
 * arrive as Updates whose validators refuse a wrong actor, a closed task or an unfit decision before anything
 * enters history; each step is written to PostgreSQL by an idempotent activity.
 */
export async function notaFlowWorkflow(input: NotaFlowInput): Promise<FlowOutcome> {
  return new NotaFlow(input).run();
}

/** The run loop over the route's stages, and the Updates and Query that reach it. */
class NotaFlow implements StageRunner {
  readonly state: FlowState;
  private readonly decisions = new DecisionQueue();
  /** Tasks being handed on, and how often each was. */
  private readonly reassigning = new Set<string>();
  private readonly handedOn = new Map<string, number>();
  private readonly timers: TaskTimers;

  constructor(private readonly input: NotaFlowInput) {
    this.state = new FlowState(input);
    this.timers = new TaskTimers(this.state);
  }

  async run(): Promise<FlowOutcome> {
    this.registerHandlers();
    await this.state.transition({
      events: [{ type: 'submitted', actor: this.input.submittedBy, organisation: this.input.organisation }],
      nota: { status: 'in_review', version: this.state.version, submittedAt: new Date().toISOString() },
    });

    const stages = this.input.route.stages;
    let position: Position = { stageIndex: 0, reviewerIndex: 0 };
    while (position.stageIndex < stages.length) {
      const outcome = await runStage(this, stages[position.stageIndex], position);
      if (outcome.kind === 'approved') {
        position = { stageIndex: position.stageIndex + 1, reviewerIndex: 0 };
      } else if (outcome.kind === 'changes_requested') {
        if (!(await this.awaitNewVersion())) return this.finish(await this.withdraw());
        position = outcome.resumeAt;
      } else if (outcome.kind === 'withdrawn') {
        return this.finish(await this.withdraw());
      } else {
        return this.finish('rejected');
      }
    }
    return this.finish('dispatched');
  }

  private async finish(status: NotaStatus): Promise<FlowOutcome> {
    this.settle();
    if (awaitsNotifications()) await this.timers.allWritten();
    // Updates still in their handlers answer before the run closes.
    await condition(allHandlersFinished);
    return { status };
  }

  async nextDecision(): Promise<QueuedDecision | 'withdrawn'> {
    this.settle();
    await condition(() => !this.decisions.isEmpty || this.state.withdrawal !== undefined);
    this.state.waiting = false;
    if (this.state.withdrawal) return 'withdrawn';
    return this.decisions.take();
  }

  /**
   * Closes the decided task (and, for a rejection or requested changes, every other open task) in one
   * transition; the Update that brought the decision answers once the flow waits again.
   */
  async takeDecision(queued: QueuedDecision, consequences: Consequences = {}): Promise<void> {
    const { input } = queued;
    const task = this.state.open.get(input.taskId)!;
    const decidedAt = new Date().toISOString();
    const remarks = input.remarks ?? null;
    const seenSha256 = input.seenSha256 ?? null;
    const others = consequences.closeOthers ? [...this.state.open.values()].filter((t) => t.id !== task.id) : [];
    const close: TaskToClose[] = [
      { id: task.id, status: 'done', decision: input.decision, decidedBy: input.actor.username, remarks, seenSha256 },
      ...others.map((t) => ({ id: t.id, status: 'cancelled' as const })),
    ];
    await this.state.transition({
      events: [
        {
          type: 'task_decided',
          actor: input.actor.username,
          organisation: input.actor.organisation,
          stage: task.stage,
          taskId: task.id,
          decision: input.decision,
          remarks,
          seenSha256,
          data: input.nextMeeting ? { nextMeeting: input.nextMeeting } : undefined,
        },
        ...others.map((t) => ({
          type: 'task_cancelled' as const,
          organisation: t.organisation,
          stage: t.stage,
          taskId: t.id,
        })),
        ...(consequences.events ?? []),
      ],
      nota: consequences.nota,
      close,
    });
    for (const closed of [task, ...others]) this.forget(closed.id);
    consequences.after?.();
    this.decisions.answerWhenSettled(queued.ticket, {
      task: { ...task, status: 'done', decision: input.decision, remarks, decidedBy: input.actor.username, decidedAt },
      nota: this.state.nota(),
    });
  }

  /**
   * Called whenever the flow comes to wait: answers the Updates whose decisions have been taken (and the one
   * that waits for the start), with the state the flow has reached since, its new tasks open.
   */
  private settle(): void {
    this.state.started = true;
    this.state.waiting = true;
    this.decisions.answerTaken(this.state.nota());
  }

  private async awaitNewVersion(): Promise<boolean> {
    this.settle();
    await condition(() => this.state.pendingVersion !== undefined || this.state.withdrawal !== undefined);
    this.state.waiting = false;
    if (this.state.withdrawal) return false;
    const { actor, note, documentSha256 } = this.state.pendingVersion!;
    const version = this.state.version + 1;
    await this.state.transition({
      events: [
        {
          type: 'version_submitted',
          actor: actor.username,
          organisation: actor.organisation,
          data: documentSha256 ? { version, documentSha256 } : { version },
        },
      ],
      nota: { status: 'in_review', version },
      newVersion: { version, note: note ?? null, createdBy: actor.username },
    });
    this.state.version = version;
    this.state.documentSha256 = documentSha256;
    this.state.status = 'in_review';
    if (this.input.route.coSignersReapproveAfterNewVersion) this.state.approvedBy.clear();
    this.state.pendingVersion = undefined;
    return true;
  }

  private async withdraw(): Promise<NotaStatus> {
    const { actor, reason } = this.state.withdrawal!;
    const open = [...this.state.open.values()];
    await this.state.transition({
      events: [
        ...open.map((t) => ({
          type: 'task_cancelled' as const,
          organisation: t.organisation,
          stage: t.stage,
          taskId: t.id,
        })),
        { type: 'withdrawn', actor: actor.username, organisation: actor.organisation, remarks: reason },
      ],
      nota: { status: 'withdrawn' },
      close: open.map((t) => ({ id: t.id, status: 'cancelled' })),
    });
    for (const task of open) this.forget(task.id);
    this.state.setState('withdrawn', this.state.stage);
    this.decisions.refuseQueued(() => refusalFailure(WITHDRAWN_BEFORE_DECIDED));
    return 'withdrawn';
  }

  async openTasks(stage: NotaStage, entering: boolean, specs: TaskSpec[]): Promise<void> {
    const tasks = specs.map((spec) => ({ ...spec, id: uuid4(), stage, version: this.state.version }));
    const opened = await this.state.transition({
      events: [
        ...(entering ? [{ type: 'stage_started' as const, stage }] : []),
        ...tasks.map((t) => ({
          type: 'task_opened' as const,
          organisation: t.organisation,
          actor: t.assignee,
          stage,
          taskId: t.id,
          data: { taskType: t.type, ...(t.meetingOn ? { meetingOn: t.meetingOn } : {}) },
        })),
      ],
      nota: { stage, status: 'in_review' },
      open: tasks,
    });
    this.state.setState('in_review', stage);
    const announce = announcesTasks();
    for (const task of tasks) {
      const dates = opened.find((o) => o.id === task.id)!;
      const flowTask: FlowTask = {
        id: task.id,
        type: task.type,
        stage,
        organisation: task.organisation,
        assignee: task.assignee,
        version: task.version,
        createdAt: dates.createdAt,
        dueAt: dates.dueAt,
        remindAt: dates.remindAt,
        meetingOn: dates.meetingOn,
      };
      this.state.open.set(task.id, flowTask);
      this.timers.watch(flowTask, announce);
    }
  }

  /**
   * Hands a personal task on: recorded with who did it and why, then the new holder may decide and is told; the
   * task's due date, reminder and escalation stay as they were. No decision is taken on it meanwhile.
   */
  private async reassign(input: ReassignInput): Promise<ReassignResult> {
    const task = this.state.open.get(input.taskId)!;
    this.reassigning.add(task.id);
    try {
      await this.state.transition({
        events: [
          {
            type: 'task_reassigned',
            actor: input.actor.username,
            organisation: input.actor.organisation,
            stage: task.stage,
            taskId: task.id,
            remarks: input.reason,
            data: { from: task.assignee, to: input.to.username },
          },
        ],
        reassign: [{ id: task.id, assignee: input.to.username }],
      });
    } finally {
      this.reassigning.delete(task.id);
    }
    task.assignee = input.to.username;
    const handedOn = (this.handedOn.get(task.id) ?? 0) + 1;
    this.handedOn.set(task.id, handedOn);
    if (this.state.open.has(task.id)) this.timers.announceHandedOn(task, handedOn);
    return { task: { ...task } };
  }

  private forget(taskId: string): void {
    this.state.open.delete(taskId);
    this.decisions.release(taskId);
    this.timers.cancel(taskId);
  }

  private refusalState(): RefusalState {
    return {
      organisation: this.input.organisation,
      status: this.state.status,
      openTasks: this.state.open,
      deciding: this.decisions.deciding,
      reassigning: this.reassigning,
      withdrawing: Boolean(this.state.withdrawal),
      newVersionPending: Boolean(this.state.pendingVersion),
      documentSha256: this.state.documentSha256,
    };
  }

  private registerHandlers(): void {
    setHandler(snapshotQuery, () => this.state.snapshot());
    setHandler(startedUpdate, async () => {
      await condition(() => this.state.started);
      return this.state.snapshot();
    });
    setHandler(
      decideUpdate,
      // Validators and handlers of one workflow task may interleave: checked again before queueing. Not async, so the
      // answer comes as many steps after the decision is taken as it always has.
      (input) => {
        refuse(refuseDecision(this.refusalState(), input));
        return this.decisions.submit(input);
      },
      {
        validator: (input) =>
          refuse(
            refuseDecisionShape(this.refusalState(), input) ??
              refuseUnstorableText({ remarks: input.remarks }) ??
              refuseStaleDecision(this.refusalState(), input),
          ),
      },
    );
    setHandler(
      newVersionUpdate,
      async (input) => {
        refuse(refuseNewVersion(this.refusalState(), input));
        this.state.pendingVersion = input;
        const target = this.state.version + 1;
        // Answers once the flow waits again, the tasks for the new version open.
        await condition(
          () => (this.state.version >= target && this.state.waiting) || this.state.withdrawal !== undefined,
        );
        return this.state.snapshot();
      },
      {
        validator: (input) =>
          refuse(refuseNewVersion(this.refusalState(), input) ?? refuseUnstorableText({ note: input.note })),
      },
    );
    setHandler(
      reassignUpdate,
      async (input) => {
        refuse(refuseReassignment(this.refusalState(), input));
        return this.reassign(input);
      },
      {
        validator: (input) =>
          refuse(refuseReassignment(this.refusalState(), input) ?? refuseUnstorableText({ reason: input.reason })),
      },
    );
    setHandler(
      withdrawUpdate,
      async (input) => {
        refuse(refuseWithdrawal(this.refusalState(), input));
        this.state.withdrawal = input;
        await condition(() => this.state.status === 'withdrawn');
        return this.state.snapshot();
      },
      {
        validator: (input) =>
          refuse(refuseWithdrawal(this.refusalState(), input) ?? refuseUnstorableText({ reason: input.reason })),
      },
    );
  }
}

function refuse(refusal: NotaFlowRefusal | null): void {
  if (refusal) throw refusalFailure(refusal);
}
