import {
  ApplicationFailure,
  CancellationScope,
  allHandlersFinished,
  condition,
  isCancellation,
  patched,
  proxyActivities,
  setHandler,
  sleep,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import {
  isDecisionAllowed,
  mayActOnTask,
  mayManageNota,
  type Actor,
  type CoSigningStage,
  type InitiallingStage,
  type NotaStage,
  type NotaStatus,
  type StageTemplate,
  type TaskType,
  unstorableText,
} from '@notaflow/domain';
import {
  decideUpdate,
  fieldRefusal,
  newVersionUpdate,
  refusalFailure,
  snapshotQuery,
  startedUpdate,
  withdrawUpdate,
  type DecideInput,
  type DecideResult,
  type FlowOutcome,
  type FlowSnapshot,
  type FlowTask,
  type NewVersionInput,
  type NotaFlowActivities,
  type NotaFlowFieldRefusalKind,
  type NotaFlowInput,
  type NotaFlowRefusal,
  type TaskNotification,
  type TaskNotificationKind,
  type TaskToClose,
  type Transition,
  type TransitionEvent,
  type WithdrawInput,
} from '@notaflow/temporal';

// No maximum attempts: through a database outage the flow waits and retries, it never fails.
const activities = proxyActivities<NotaFlowActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

/** The ministerraad secretariat sits at Algemene Zaken. */
const MINISTERRAAD_ORGANISATION = 'AZ';

/**
 * v2: whoever gets a task hears of it at once (in-app and by email), instead of only at the reminder. Behind this
 * patch, flows that opened their tasks on v1 replay as they ran; from the next task they open on, they announce too.
 */
export const ANNOUNCE_TASKS_PATCH = 'announce-tasks';

/**
 * v3: the run does not close before the notifications it began beside the flow are written. Through a database
 * outage an announcement may still be retrying when the last decision comes; v2 closed the run and dropped it.
 */
export const AWAIT_NOTIFICATIONS_PATCH = 'await-notifications';

type Recipient = TaskNotification['recipient'];

type StageOutcome =
  | { kind: 'approved' }
  | { kind: 'rejected' }
  | { kind: 'withdrawn' }
  | { kind: 'changes_requested'; resumeAt: Position };

interface Position {
  stageIndex: number;
  /** Within initialling: the reviewer to resume at. */
  reviewerIndex: number;
}

interface QueuedDecision {
  ticket: number;
  input: DecideInput;
}

type TransitionInput = Omit<Transition, 'workflowId' | 'notaId' | 'at' | 'events'> & {
  events: Omit<TransitionEvent, 'seq'>[];
};

/** An existing day written as YYYY-MM-DD (a Date with an argument is deterministic in a workflow). */
function isIsoDay(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

function refuse(refusal: NotaFlowRefusal): never {
  throw refusalFailure(refusal);
}

/**
 * Refuses text the flow's activities could never write (a NUL character, half a surrogate pair): taken in, it would
 * stop the flow at an activity retrying forever. In the validators only, which replay does not run, so flows that
 * took such text before still replay as they ran.
 */
function refuseUnstorableText(fields: Record<string, string | undefined>): void {
  for (const [field, text] of Object.entries(fields)) {
    const reason = text === undefined ? null : unstorableText(text);
    if (reason) refuse(fieldRefusal('UnstorableText', { name: field, reason }, `${field} ${reason}`));
  }
}

/**
 * The approval flow of one nota: interprets the route snapshotted at submission, stage by stage. Human decisions
 * arrive as Updates whose validators refuse a wrong actor, a closed task or an unfit decision before anything
 * enters history; each step is written to PostgreSQL by an idempotent activity.
 */
export async function notaFlowWorkflow(input: NotaFlowInput): Promise<FlowOutcome> {
  return new NotaFlow(input).run();
}

class NotaFlow {
  private status: NotaStatus = 'in_review';
  private stage: NotaStage | null = null;
  private version: number;
  private seq = 0;
  /** True once the flow first waits for people: its first tasks are open. */
  private started = false;
  /** True while the flow waits for people; false while it works through what they said. */
  private waiting = false;
  private readonly open = new Map<string, FlowTask>();
  private readonly timers = new Map<string, CancellationScope>();
  private readonly queue: QueuedDecision[] = [];
  /** Tasks with a decision queued or being applied: a second decision on them is refused at once. */
  private readonly deciding = new Set<string>();
  private readonly taken: { ticket: number; result: DecideResult }[] = [];
  private readonly results = new Map<number, DecideResult | ApplicationFailure>();
  private nextTicket = 1;
  private withdrawal: WithdrawInput | undefined;
  private pendingVersion: NewVersionInput | undefined;
  /** Ministries that approved the current version (all versions, when the route does not ask re-approval). */
  private readonly approvedBy = new Set<string>();
  /** Notifications being written beside the flow (announcements, reminders, escalations): never cancelled. */
  private readonly notifying = new Set<Promise<void>>();

  constructor(private readonly input: NotaFlowInput) {
    this.version = input.version;
  }

  async run(): Promise<FlowOutcome> {
    this.registerHandlers();
    await this.transition({
      events: [{ type: 'submitted', actor: this.input.submittedBy, organisation: this.input.organisation }],
      nota: { status: 'in_review', version: this.version, submittedAt: new Date().toISOString() },
    });

    const stages = this.input.route.stages;
    let position: Position = { stageIndex: 0, reviewerIndex: 0 };
    while (position.stageIndex < stages.length) {
      const outcome = await this.runStage(stages[position.stageIndex], position);
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
    if (patched(AWAIT_NOTIFICATIONS_PATCH)) await Promise.all(this.notifying);
    // Updates still in their handlers answer before the run closes.
    await condition(allHandlersFinished);
    return { status };
  }

  // ---- stages ----

  private runStage(stage: StageTemplate, position: Position): Promise<StageOutcome> {
    switch (stage.stage) {
      case 'initialling':
        return this.runInitialling(stage, position);
      case 'decision':
        return this.runSingleTask(stage.stage, position, {
          type: 'decide',
          organisation: this.input.organisation,
          assignee: stage.decider,
          slaWorkingDays: stage.slaWorkingDays,
          reminderWorkingDaysBefore: stage.reminderWorkingDaysBefore,
        });
      case 'co-signing':
        return this.runCoSigning(stage, position);
      case 'ministerraad':
        return this.runMinisterraad(position);
      case 'dispatch':
        return this.runSingleTask(stage.stage, position, {
          type: 'dispatch',
          organisation: this.input.organisation,
          assignee: null,
          slaWorkingDays: stage.slaWorkingDays,
          reminderWorkingDaysBefore: stage.reminderWorkingDaysBefore,
        });
    }
  }

  private async runInitialling(stage: InitiallingStage, position: Position): Promise<StageOutcome> {
    for (let r = position.reviewerIndex; r < stage.reviewers.length; r++) {
      await this.openTasks(stage.stage, r === position.reviewerIndex, [
        {
          type: 'initial',
          organisation: this.input.organisation,
          assignee: stage.reviewers[r],
          slaWorkingDays: stage.slaWorkingDays,
          reminderWorkingDaysBefore: stage.reminderWorkingDaysBefore,
        },
      ]);
      const outcome = await this.awaitDecisionOutcome({ ...position, reviewerIndex: r });
      if (outcome) return outcome;
    }
    return { kind: 'approved' };
  }

  private async runSingleTask(stage: NotaStage, position: Position, task: TaskSpec): Promise<StageOutcome> {
    await this.openTasks(stage, true, [task]);
    return (await this.awaitDecisionOutcome(position)) ?? { kind: 'approved' };
  }

  private async runCoSigning(stage: CoSigningStage, position: Position): Promise<StageOutcome> {
    const pending = stage.ministries.filter((ministry) => !this.approvedBy.has(ministry));
    await this.openTasks(
      stage.stage,
      true,
      pending.map((organisation) => ({
        type: 'co-sign' as const,
        organisation,
        assignee: null,
        slaWorkingDays: stage.slaWorkingDays,
        reminderWorkingDaysBefore: stage.reminderWorkingDaysBefore,
      })),
    );
    while (this.open.size > 0) {
      const outcome = await this.awaitDecisionOutcome(position);
      if (outcome) return outcome;
    }
    return { kind: 'approved' };
  }

  private async runMinisterraad(position: Position): Promise<StageOutcome> {
    let meetingOn = await activities.nextMinisterraadMeeting({ afterInstant: new Date().toISOString() });
    let entering = true;
    for (;;) {
      await this.openTasks('ministerraad', entering, [
        {
          type: 'ministerraad',
          organisation: MINISTERRAAD_ORGANISATION,
          assignee: null,
          meetingOn,
          reminderWorkingDaysBefore: 1,
        },
      ]);
      entering = false;
      const queued = await this.nextDecision();
      if (queued === 'withdrawn') return { kind: 'withdrawn' };
      const { decision, nextMeeting } = queued.input;
      if (decision === 'hold') {
        await this.takeDecision(queued);
        // Held over to the next meeting after the held one, and never to one that has passed meanwhile.
        meetingOn =
          nextMeeting ??
          (await activities.nextMinisterraadMeeting({ afterDate: meetingOn, afterInstant: new Date().toISOString() }));
        continue;
      }
      return (await this.applyDecision(queued, position)) ?? { kind: 'approved' };
    }
  }

  // ---- decisions ----

  /** Waits for the next decision and applies it; undefined means "approved, carry on". */
  private async awaitDecisionOutcome(position: Position): Promise<StageOutcome | undefined> {
    const queued = await this.nextDecision();
    if (queued === 'withdrawn') return { kind: 'withdrawn' };
    return this.applyDecision(queued, position);
  }

  private async nextDecision(): Promise<QueuedDecision | 'withdrawn'> {
    this.settle();
    await condition(() => this.queue.length > 0 || this.withdrawal !== undefined);
    this.waiting = false;
    if (this.withdrawal) return 'withdrawn';
    return this.queue.shift()!;
  }

  private async applyDecision(queued: QueuedDecision, position: Position): Promise<StageOutcome | undefined> {
    const { decision } = queued.input;
    const task = this.open.get(queued.input.taskId)!;
    if (decision === 'approve') {
      if (task.type === 'co-sign') this.approvedBy.add(task.organisation);
      if (task.type === 'dispatch') {
        await this.takeDecision(queued, {
          events: [{ type: 'dispatched', actor: queued.input.actor.username, organisation: task.organisation }],
          nota: { status: 'dispatched', stage: 'done', dispatchedAt: new Date().toISOString() },
          after: () => this.setState('dispatched', 'done'),
        });
        return { kind: 'approved' };
      }
      await this.takeDecision(queued);
      return undefined;
    }
    const ending = decision === 'reject' ? 'rejected' : 'changes_requested';
    await this.takeDecision(queued, {
      events: [{ type: ending, actor: queued.input.actor.username, organisation: queued.input.actor.organisation }],
      nota: { status: ending },
      closeOthers: true,
      after: () => this.setState(ending, this.stage),
    });
    return ending === 'rejected' ? { kind: 'rejected' } : { kind: 'changes_requested', resumeAt: position };
  }

  /**
   * Closes the decided task (and, for a rejection or requested changes, every other open task) in one
   * transition; the Update that brought the decision answers once the flow waits again.
   */
  private async takeDecision(
    queued: QueuedDecision,
    consequences: {
      events?: TransitionInput['events'];
      nota?: Transition['nota'];
      closeOthers?: boolean;
      after?: () => void;
    } = {},
  ): Promise<void> {
    const { input } = queued;
    const task = this.open.get(input.taskId)!;
    const decidedAt = new Date().toISOString();
    const remarks = input.remarks ?? null;
    const others = consequences.closeOthers ? [...this.open.values()].filter((t) => t.id !== task.id) : [];
    const close: TaskToClose[] = [
      { id: task.id, status: 'done', decision: input.decision, decidedBy: input.actor.username, remarks },
      ...others.map((t) => ({ id: t.id, status: 'cancelled' as const })),
    ];
    await this.transition({
      events: [
        {
          type: 'task_decided',
          actor: input.actor.username,
          organisation: input.actor.organisation,
          stage: task.stage,
          taskId: task.id,
          decision: input.decision,
          remarks,
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
    this.taken.push({
      ticket: queued.ticket,
      result: {
        task: {
          ...task,
          status: 'done',
          decision: input.decision,
          remarks,
          decidedBy: input.actor.username,
          decidedAt,
        },
        nota: { status: this.status, stage: this.stage, version: this.version },
      },
    });
  }

  /**
   * Called whenever the flow comes to wait: answers the Updates whose decisions have been taken (and the one
   * that waits for the start), with the state the flow has reached since, its new tasks open.
   */
  private settle(): void {
    this.started = true;
    this.waiting = true;
    for (const { ticket, result } of this.taken.splice(0)) {
      this.results.set(ticket, { ...result, nota: { status: this.status, stage: this.stage, version: this.version } });
    }
  }

  private async awaitNewVersion(): Promise<boolean> {
    this.settle();
    await condition(() => this.pendingVersion !== undefined || this.withdrawal !== undefined);
    this.waiting = false;
    if (this.withdrawal) return false;
    const { actor, note } = this.pendingVersion!;
    const version = this.version + 1;
    await this.transition({
      events: [
        { type: 'version_submitted', actor: actor.username, organisation: actor.organisation, data: { version } },
      ],
      nota: { status: 'in_review', version },
      newVersion: { version, note: note ?? null, createdBy: actor.username },
    });
    this.version = version;
    this.status = 'in_review';
    if (this.input.route.coSignersReapproveAfterNewVersion) this.approvedBy.clear();
    this.pendingVersion = undefined;
    return true;
  }

  private async withdraw(): Promise<NotaStatus> {
    const { actor, reason } = this.withdrawal!;
    const open = [...this.open.values()];
    await this.transition({
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
    this.setState('withdrawn', this.stage);
    for (const queued of this.queue.splice(0)) {
      this.results.set(queued.ticket, refusalFailure({ kind: 'TaskNotOpen', message: 'the nota has been withdrawn' }));
    }
    return 'withdrawn';
  }

  // ---- tasks and their timers ----

  private async openTasks(stage: NotaStage, entering: boolean, specs: TaskSpec[]): Promise<void> {
    const tasks = specs.map((spec) => ({ ...spec, id: uuid4(), stage, version: this.version }));
    const opened = await this.transition({
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
    this.setState('in_review', stage);
    const announce = patched(ANNOUNCE_TASKS_PATCH);
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
      this.open.set(task.id, flowTask);
      this.watch(flowTask, announce);
    }
  }

  /** The announcement of a new task, a reminder before the due date and an escalation after it, until it is closed. */
  private watch(task: FlowTask, announce: boolean): void {
    if (announce) {
      // Beside the timers, and never cancelled half-way: a task decided at once was still assigned.
      this.notifyBeside(() => this.announce(task)).catch((error: unknown) => {
        if (!isCancellation(error)) throw error;
      });
    }
    const scope = new CancellationScope();
    this.timers.set(task.id, scope);
    scope
      .run(async () => {
        if (task.remindAt) {
          await sleepUntil(task.remindAt);
          await this.alert(task, 'task_reminder');
        }
        await sleepUntil(task.dueAt);
        await this.alert(task, 'task_escalation');
      })
      .catch((error: unknown) => {
        if (!isCancellation(error)) throw error;
      });
  }

  /** To the reviewer or decider named, or to the organisation that holds the task (its co-signers, the secretariat). */
  private async announce(task: FlowTask): Promise<void> {
    await activities.notify(
      this.notification('task_assigned', `${task.id}:task_assigned`, task, {
        organisation: task.organisation,
        username: task.assignee,
      }),
    );
  }

  /**
   * A reminder to the holder, or an escalation to the holder and to the nota's own organisation; then the event that
   * says so. Once started, both are written even if the task closes meanwhile.
   */
  private async alert(task: FlowTask, kind: 'task_reminder' | 'task_escalation'): Promise<void> {
    const { organisation } = this.input;
    const holder: Recipient = { organisation: task.organisation, username: task.assignee };
    const recipients: Recipient[] =
      kind === 'task_reminder'
        ? [holder]
        : [holder, ...(task.organisation !== organisation ? [{ organisation, username: null }] : [])];
    await this.notifyBeside(async () => {
      for (const [i, recipient] of recipients.entries()) {
        await activities.notify(this.notification(kind, `${task.id}:${kind}:${i}`, task, recipient));
      }
      await this.transition({
        events: [
          {
            type: kind === 'task_reminder' ? 'task_reminded' : 'task_escalated',
            organisation: task.organisation,
            actor: task.assignee,
            stage: task.stage,
            taskId: task.id,
          },
        ],
      });
    });
  }

  /** Facts only: the notify activity words them. The key stays as flows of every release have written it. */
  private notification(
    kind: TaskNotificationKind,
    key: string,
    task: FlowTask,
    recipient: Recipient,
  ): TaskNotification {
    const { notaId, onsKenmerk, title } = this.input;
    return {
      key,
      kind,
      recipient,
      nota: { id: notaId, onsKenmerk, title },
      task: {
        id: task.id,
        type: task.type,
        stage: task.stage,
        organisation: task.organisation,
        assignee: task.assignee,
        dueAt: task.dueAt,
        meetingOn: task.meetingOn,
      },
    };
  }

  /** Runs work that writes a notification, never cancelled half-way; the run waits for it before it closes. */
  private notifyBeside(work: () => Promise<void>): Promise<void> {
    const running = CancellationScope.nonCancellable(work);
    this.notifying.add(running.catch(() => undefined));
    return running;
  }

  private forget(taskId: string): void {
    this.open.delete(taskId);
    this.deciding.delete(taskId);
    this.timers.get(taskId)?.cancel();
    this.timers.delete(taskId);
  }

  // ---- state, persistence, handlers ----

  private setState(status: NotaStatus, stage: NotaStage | null): void {
    this.status = status;
    this.stage = stage;
  }

  private async transition(step: TransitionInput) {
    const events = step.events.map((event) => ({ ...event, seq: ++this.seq }));
    const { opened } = await activities.recordTransition({
      ...step,
      events,
      workflowId: workflowInfo().workflowId,
      notaId: this.input.notaId,
      at: new Date().toISOString(),
    });
    return opened;
  }

  private snapshot(): FlowSnapshot {
    return { status: this.status, stage: this.stage, version: this.version, openTasks: [...this.open.values()] };
  }

  private validateDecision(input: DecideInput): void {
    const task = this.open.get(input.taskId);
    if (!task || this.withdrawal || this.deciding.has(input.taskId)) {
      refuse({ kind: 'TaskNotOpen', message: `task ${input.taskId} is not open` });
    }
    if (!mayActOnTask(task, input.actor)) {
      refuse({ kind: 'TaskNotHolder', message: `${input.actor.username} may not act on this ${task.type} task` });
    }
    if (!isDecisionAllowed(task.type, input.decision)) {
      const reason = `a ${task.type} task does not take "${input.decision}"`;
      const params = { value: String(input.decision), taskType: task.type };
      refuse(fieldRefusal('DecisionNotAllowed', { name: 'decision', reason, params }));
    }
    if (input.nextMeeting !== undefined) {
      const nextMeeting = (kind: NotaFlowFieldRefusalKind, reason: string, params?: Record<string, string>) =>
        refuse(
          fieldRefusal(kind, { name: 'nextMeeting', reason, ...(params ? { params } : {}) }, `nextMeeting ${reason}`),
        );
      if (input.decision !== 'hold') nextMeeting('NextMeetingOnlyWithHold', 'goes only with "hold"');
      // Not only the API's check: a date the flow cannot plan on would leave the nota with no open task.
      if (!isIsoDay(input.nextMeeting)) nextMeeting('NextMeetingNotADay', 'must be a day as YYYY-MM-DD');
      if (task.meetingOn && input.nextMeeting <= task.meetingOn) {
        nextMeeting('NextMeetingNotAfterCurrent', `must be after the current meeting of ${task.meetingOn}`, {
          value: task.meetingOn,
        });
      }
    }
  }

  private validateDrafter(actor: Actor): void {
    if (!mayManageNota(actor, this.input.organisation)) {
      refuse({ kind: 'NotaNotManaged', message: `only a drafter of ${this.input.organisation} manages this nota` });
    }
  }

  private registerHandlers(): void {
    setHandler(snapshotQuery, () => this.snapshot());
    setHandler(startedUpdate, async () => {
      await condition(() => this.started);
      return this.snapshot();
    });
    setHandler(
      decideUpdate,
      async (input) => {
        // Validators and handlers of one workflow task may interleave: check again before queueing.
        this.validateDecision(input);
        const ticket = this.nextTicket++;
        this.deciding.add(input.taskId);
        this.queue.push({ ticket, input });
        await condition(() => this.results.has(ticket));
        const result = this.results.get(ticket)!;
        this.results.delete(ticket);
        if (result instanceof ApplicationFailure) throw result;
        return result;
      },
      {
        validator: (input) => {
          this.validateDecision(input);
          refuseUnstorableText({ remarks: input.remarks });
        },
      },
    );
    setHandler(
      newVersionUpdate,
      async (input) => {
        this.validateNewVersion(input);
        this.pendingVersion = input;
        const target = this.version + 1;
        // Answers once the flow waits again, the tasks for the new version open.
        await condition(() => (this.version >= target && this.waiting) || this.withdrawal !== undefined);
        return this.snapshot();
      },
      {
        validator: (input) => {
          this.validateNewVersion(input);
          refuseUnstorableText({ note: input.note });
        },
      },
    );
    setHandler(
      withdrawUpdate,
      async (input) => {
        this.validateWithdraw(input);
        this.withdrawal = input;
        await condition(() => this.status === 'withdrawn');
        return this.snapshot();
      },
      {
        validator: (input) => {
          this.validateWithdraw(input);
          refuseUnstorableText({ reason: input.reason });
        },
      },
    );
  }

  private validateNewVersion(input: NewVersionInput): void {
    this.validateDrafter(input.actor);
    if (this.status !== 'changes_requested' || this.pendingVersion || this.withdrawal) {
      refuse({
        kind: 'NotaNotAwaitingVersion',
        message: `a new version is taken only after changes were requested (status ${this.status})`,
      });
    }
  }

  private validateWithdraw(input: WithdrawInput): void {
    this.validateDrafter(input.actor);
    if (this.withdrawal || ['rejected', 'withdrawn', 'dispatched'].includes(this.status)) {
      refuse({ kind: 'NotaClosed', message: `the nota can no longer be withdrawn (status ${this.status})` });
    }
  }
}

interface TaskSpec {
  type: TaskType;
  organisation: string;
  assignee: string | null;
  slaWorkingDays?: number;
  meetingOn?: string;
  reminderWorkingDaysBefore: number;
}

async function sleepUntil(instant: string): Promise<void> {
  const ms = Date.parse(instant) - Date.now();
  if (ms > 0) await sleep(ms);
}
