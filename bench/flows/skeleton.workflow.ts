/**
 * The yardstick for the approval flow: a workflow with the same Updates (started, decide), the same Query
 * (snapshot), the same timers per task (a reminder, then an escalation, cancelled when the task closes) and the same
 * activity calls in the same places (a record per step, an announcement per task, a meeting day for the
 * ministerraad), whose activities do nothing. What Temporal alone costs for the shape of a nota's route; the
 * difference to the product is what the product adds: the API, PostgreSQL, the documents, the rules. Bench-only,
 * bundled with the product's workflows for the bench's worker (bench/flows/workflows.ts).
 */
import {
  ApplicationFailure,
  CancellationScope,
  allHandlersFinished,
  condition,
  defineQuery,
  defineUpdate,
  isCancellation,
  proxyActivities,
  setHandler,
  sleep,
  uuid4,
} from '@temporalio/workflow';
import { isDecisionAllowed, mayActOnTask, type Actor, type RouteChoice, type TaskType } from '@notaflow/domain';

export const SKELETON_WORKFLOW = 'skeletonFlowWorkflow';

export interface SkeletonTask {
  id: string;
  type: TaskType;
  organisation: string;
  assignee: string | null;
  dueAt: string;
  remindAt: string;
}

export interface SkeletonInput {
  route: RouteChoice;
  organisation: string;
  documentSha256: string;
}

export interface SkeletonSnapshot {
  status: 'in_review' | 'dispatched';
  openTasks: SkeletonTask[];
}

export interface SkeletonDecision {
  taskId: string;
  actor: Actor;
  decision: string;
  remarks?: string;
  seenSha256?: string;
}

export interface SkeletonDecided {
  task: SkeletonTask & { decision: string; decidedBy: string };
  nota: { status: SkeletonSnapshot['status'] };
}

export const skeletonStartedUpdate = defineUpdate<SkeletonSnapshot>('started');
export const skeletonDecideUpdate = defineUpdate<SkeletonDecided, [SkeletonDecision]>('decide');
export const skeletonSnapshotQuery = defineQuery<SkeletonSnapshot>('snapshot');

/** The no-op activities: the same calls the approval flow makes, doing nothing. */
export interface SkeletonActivities {
  skeletonRecord(step: { events: number; open?: { id: string; type: TaskType }[] }): Promise<{ at: string }>;
  skeletonNotify(task: { id: string; kind: string }): Promise<void>;
  skeletonMeeting(after: string): Promise<string>;
}

const activities = proxyActivities<SkeletonActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

const DAY = 86_400_000;

export async function skeletonFlowWorkflow(input: SkeletonInput): Promise<{ status: 'dispatched'; decided: number }> {
  const open = new Map<string, SkeletonTask>();
  const timers = new Map<string, CancellationScope>();
  const queue: { ticket: number; input: SkeletonDecision }[] = [];
  const taken: { ticket: number; result: SkeletonDecided }[] = [];
  const answers = new Map<number, SkeletonDecided>();
  const deciding = new Set<string>();
  const notifying: Promise<void>[] = [];
  let status: SkeletonSnapshot['status'] = 'in_review';
  let started = false;
  let nextTicket = 1;
  let decided = 0;

  const snapshot = (): SkeletonSnapshot => ({ status, openTasks: [...open.values()] });
  const refusal = (decision: SkeletonDecision): string | undefined => {
    const task = open.get(decision.taskId);
    if (!task || deciding.has(decision.taskId)) return 'TaskNotOpen';
    if (!mayActOnTask(task, decision.actor)) return 'TaskNotHolder';
    if (!isDecisionAllowed(task.type, decision.decision)) return 'DecisionNotAllowed';
    if (decision.seenSha256 !== input.documentSha256) return 'StaleVersion';
    return undefined;
  };
  const refuse = (kind: string | undefined) => {
    if (kind) throw ApplicationFailure.create({ type: kind, message: kind, nonRetryable: true });
  };

  setHandler(skeletonSnapshotQuery, snapshot);
  setHandler(skeletonStartedUpdate, async () => {
    await condition(() => started);
    return snapshot();
  });
  setHandler(
    skeletonDecideUpdate,
    async (decision) => {
      refuse(refusal(decision));
      const ticket = nextTicket++;
      deciding.add(decision.taskId);
      queue.push({ ticket, input: decision });
      await condition(() => answers.has(ticket));
      const answer = answers.get(ticket)!;
      answers.delete(ticket);
      return answer;
    },
    { validator: (decision) => refuse(refusal(decision)) },
  );

  /** The flow waits for people: the decisions taken since it last waited are answered with the state reached. */
  const settle = () => {
    started = true;
    for (const { ticket, result } of taken.splice(0)) answers.set(ticket, { ...result, nota: { status } });
  };

  const openTasks = async (specs: Omit<SkeletonTask, 'id' | 'dueAt' | 'remindAt'>[]) => {
    const tasks = specs.map((spec) => ({ ...spec, id: uuid4() }));
    const { at } = await activities.skeletonRecord({ events: tasks.length + 1, open: tasks });
    for (const spec of tasks) {
      const task: SkeletonTask = {
        ...spec,
        dueAt: new Date(Date.parse(at) + 10 * DAY).toISOString(),
        remindAt: new Date(Date.parse(at) + 8 * DAY).toISOString(),
      };
      open.set(task.id, task);
      notifying.push(
        CancellationScope.nonCancellable(() => activities.skeletonNotify({ id: task.id, kind: 'assigned' })),
      );
      const scope = new CancellationScope();
      timers.set(task.id, scope);
      scope
        .run(async () => {
          await sleep(Date.parse(task.remindAt) - Date.now());
          await activities.skeletonNotify({ id: task.id, kind: 'reminder' });
          await sleep(Date.parse(task.dueAt) - Date.now());
          await activities.skeletonNotify({ id: task.id, kind: 'escalation' });
        })
        .catch((error: unknown) => {
          if (!isCancellation(error)) throw error;
        });
    }
  };

  /** Takes the decisions on the open tasks, one at a time, until none is left open. */
  const decideAll = async () => {
    while (open.size > 0) {
      settle();
      await condition(() => queue.length > 0);
      const { ticket, input: decision } = queue.shift()!;
      const task = open.get(decision.taskId)!;
      const last = status === 'in_review' && task.type === 'dispatch';
      await activities.skeletonRecord({ events: last ? 2 : 1 });
      open.delete(task.id);
      deciding.delete(task.id);
      timers.get(task.id)?.cancel();
      timers.delete(task.id);
      if (last) status = 'dispatched';
      decided++;
      taken.push({
        ticket,
        result: {
          task: { ...task, decision: decision.decision, decidedBy: decision.actor.username },
          nota: { status },
        },
      });
    }
  };

  const { route, organisation } = input;
  await activities.skeletonRecord({ events: 1 });
  for (const reviewer of route.reviewers) {
    await openTasks([{ type: 'initial', organisation, assignee: reviewer }]);
    await decideAll();
  }
  await openTasks([{ type: 'decide', organisation, assignee: route.decider }]);
  await decideAll();
  if (route.coSigners.length) {
    await openTasks(
      route.coSigners.map((ministry) => ({ type: 'co-sign' as const, organisation: ministry, assignee: null })),
    );
    await decideAll();
  }
  if (route.ministerraad) {
    await activities.skeletonMeeting(new Date().toISOString());
    await openTasks([{ type: 'ministerraad', organisation: 'AZ', assignee: null }]);
    await decideAll();
  }
  await openTasks([{ type: 'dispatch', organisation, assignee: null }]);
  await decideAll();
  settle();
  await Promise.all(notifying);
  await condition(allHandlersFinished);
  return { status: 'dispatched', decided };
}
