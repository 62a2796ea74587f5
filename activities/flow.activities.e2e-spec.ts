import { randomUUID } from 'node:crypto';
import { addWorkingDays, toAmsterdamDate } from '@notaflow/calendar';
import { notaWorkflowId } from '@notaflow/temporal';
import { startTestApp, type TestApp } from '../test/support/app';
import { FlowDriver } from '../test/support/flow-driver';
import { createActivities, type DeadlineWatches, type Transition } from '@notaflow/activities';
import { taskDates } from './flow.activities';

/**
 * `recordTransition` on a real PostgreSQL, called as Temporal calls it when an attempt timed out or its answer was
 * lost after the commit: the same step (same workflow id, seqs, task ids and `at`) again. The retry must write
 * nothing a second time and answer what the first attempt stored.
 */
describe('recordTransition, retried', () => {
  let app: TestApp;
  let flow: FlowDriver;
  /** The deadline ids each attempt asked to watch: a worker would signal-with-start their watches. */
  let ensured: string[][];
  let sut: ReturnType<typeof createActivities>;

  beforeAll(async () => {
    // No worker: nothing but this spec writes flow state.
    app = await startTestApp({ worker: false });
    flow = await FlowDriver.create(app.baseUrl);
    const deadlineWatches: DeadlineWatches = {
      async ensure(ids) {
        ensured.push([...ids].sort());
      },
    };
    sut = createActivities({ dataSource: app.dataSource, deadlineWatches });
  });
  beforeEach(() => {
    ensured = [];
  });
  afterAll(async () => {
    await app?.close();
  });

  const query = (sql: string, params: unknown[]) => app.dataSource.query(sql, params);

  /** Everything a step of the nota's flow may write. */
  const stored = async (notaId: string) => ({
    events: await query('SELECT * FROM flow_events WHERE nota_id = $1 ORDER BY seq', [notaId]),
    tasks: await query('SELECT * FROM tasks WHERE nota_id = $1 ORDER BY created_at, id', [notaId]),
    nota: (await query('SELECT * FROM notas WHERE id = $1', [notaId]))[0],
    versions: await query('SELECT * FROM nota_versions WHERE nota_id = $1 ORDER BY version', [notaId]),
    deadlines: await query(
      `SELECT * FROM deadlines WHERE nota_id = $1
       OR previous_id IN (SELECT id FROM deadlines WHERE nota_id = $1) ORDER BY due_on, id`,
      [notaId],
    ),
  });

  /** The step, then the same step again: the second attempt changes nothing and answers as the first. */
  async function recordTwice(step: Transition) {
    const first = await sut.recordTransition(step);
    const written = await stored(step.notaId);
    const again = await sut.recordTransition(structuredClone(step));
    expect(again).toEqual(first);
    expect(await stored(step.notaId)).toEqual(written);
    return { opened: first.opened, written };
  }

  const minutesAfter = (start: number, minutes: number) => new Date(start + minutes * 60_000).toISOString();

  /** The drafters' task of sending the nota's given version to the Kamer. */
  const dispatchTask = (version: number) => ({
    id: randomUUID(),
    type: 'dispatch' as const,
    stage: 'dispatch' as const,
    organisation: 'JENV',
    assignee: null,
    version,
    slaWorkingDays: 2,
    reminderWorkingDaysBefore: 1,
  });

  /** The first reviewer's task of a new flow. */
  const initialTask = () => ({
    id: randomUUID(),
    type: 'initial' as const,
    stage: 'initialling' as const,
    organisation: 'JENV',
    assignee: 'jenv.afdelingshoofd',
    version: 1,
    slaWorkingDays: 5,
    reminderWorkingDaysBefore: 2,
  });

  it('writes each event, task, version and nota change of every step once', async () => {
    const nota = await flow.register();
    const workflowId = notaWorkflowId(nota.id);
    const start = Date.now();
    const base = { workflowId, notaId: nota.id };
    const initial = initialTask();

    // Submitted, the first stage entered and its task opened.
    const at1 = minutesAfter(start, 0);
    const s1 = await recordTwice({
      ...base,
      at: at1,
      events: [
        { seq: 1, type: 'submitted', actor: 'jenv.staff', organisation: 'JENV' },
        { seq: 2, type: 'stage_started', stage: 'initialling' },
        {
          seq: 3,
          type: 'task_opened',
          organisation: 'JENV',
          actor: 'jenv.afdelingshoofd',
          stage: 'initialling',
          taskId: initial.id,
          data: { taskType: 'initial' },
        },
      ],
      nota: { status: 'in_review', stage: 'initialling', version: 1, submittedAt: at1 },
      open: [initial],
    });
    expect(s1.opened).toEqual([{ id: initial.id, ...taskDates(initial, at1) }]);
    expect(s1.written.events.map((e: any) => [e.seq, e.type])).toEqual([
      [1, 'submitted'],
      [2, 'stage_started'],
      [3, 'task_opened'],
    ]);
    expect(s1.written.tasks).toHaveLength(1);
    expect(s1.written.tasks[0]).toMatchObject({ id: initial.id, status: 'open', workflow_id: workflowId });
    expect(s1.written.nota).toMatchObject({ status: 'in_review', stage: 'initialling', workflow_id: workflowId });
    expect(s1.written.nota.submitted_at.toISOString()).toBe(at1);

    // The afdelingshoofd asks for changes: the task closes, the nota goes back.
    const at2 = minutesAfter(start, 1);
    const s2 = await recordTwice({
      ...base,
      at: at2,
      events: [
        {
          seq: 4,
          type: 'task_decided',
          actor: 'jenv.afdelingshoofd',
          organisation: 'JENV',
          stage: 'initialling',
          taskId: initial.id,
          decision: 'request_changes',
          remarks: 'Paragraaf 4.2 aanvullen',
        },
        { seq: 5, type: 'changes_requested', actor: 'jenv.afdelingshoofd', organisation: 'JENV' },
      ],
      nota: { status: 'changes_requested' },
      close: [
        {
          id: initial.id,
          status: 'done',
          decision: 'request_changes',
          decidedBy: 'jenv.afdelingshoofd',
          remarks: 'Paragraaf 4.2 aanvullen',
        },
      ],
    });
    expect(s2.written.events).toHaveLength(5);
    expect(s2.written.tasks[0]).toMatchObject({ status: 'done', decision: 'request_changes' });
    expect(s2.written.tasks[0].decided_at.toISOString()).toBe(at2);
    expect(s2.written.nota).toMatchObject({ status: 'changes_requested', stage: 'initialling' });

    // A new version.
    const at3 = minutesAfter(start, 2);
    const s3 = await recordTwice({
      ...base,
      at: at3,
      events: [{ seq: 6, type: 'version_submitted', actor: 'jenv.staff', organisation: 'JENV', data: { version: 2 } }],
      nota: { status: 'in_review', version: 2 },
      newVersion: { version: 2, note: 'Paragraaf 4.2 aangevuld', createdBy: 'jenv.staff' },
    });
    expect(s3.written.versions.map((v: any) => [v.version, v.note])).toEqual([
      [1, null],
      [2, 'Paragraaf 4.2 aangevuld'],
    ]);
    expect(s3.written.nota).toMatchObject({ status: 'in_review', version: 2 });

    // Straight on to dispatch (as a route of one step would), opening the drafters' task.
    const dispatch = dispatchTask(2);
    const at4 = minutesAfter(start, 3);
    const s4 = await recordTwice({
      ...base,
      at: at4,
      events: [
        { seq: 7, type: 'stage_started', stage: 'dispatch' },
        {
          seq: 8,
          type: 'task_opened',
          organisation: 'JENV',
          actor: null,
          stage: 'dispatch',
          taskId: dispatch.id,
          data: { taskType: 'dispatch' },
        },
      ],
      nota: { stage: 'dispatch', status: 'in_review' },
      open: [dispatch],
    });
    expect(s4.opened).toEqual([{ id: dispatch.id, ...taskDates(dispatch, at4) }]);
    expect(s4.written.tasks.map((t: any) => [t.id, t.status])).toEqual([
      [initial.id, 'done'],
      [dispatch.id, 'open'],
    ]);
  });

  it('does not set the nota back when an attempt of an earlier step commits after a later step', async () => {
    const nota = await flow.register();
    const base = { workflowId: notaWorkflowId(nota.id), notaId: nota.id };
    const start = Date.now();
    const task = initialTask();
    const taskId = task.id;
    const opening: Transition = {
      ...base,
      at: minutesAfter(start, 0),
      events: [
        { seq: 1, type: 'submitted', actor: 'jenv.staff', organisation: 'JENV' },
        { seq: 2, type: 'task_opened', organisation: 'JENV', stage: 'initialling', taskId },
      ],
      nota: { status: 'in_review', stage: 'initialling', version: 1, submittedAt: minutesAfter(start, 0) },
      open: [task],
    };
    await sut.recordTransition(opening);
    const sentBack: Transition = {
      ...base,
      at: minutesAfter(start, 1),
      events: [{ seq: 3, type: 'changes_requested', actor: 'jenv.afdelingshoofd', organisation: 'JENV' }],
      nota: { status: 'changes_requested' },
      close: [{ id: taskId, status: 'done', decision: 'request_changes', decidedBy: 'jenv.afdelingshoofd' }],
    };
    await sut.recordTransition(sentBack);
    const written = await stored(nota.id);
    expect(written.nota).toMatchObject({ status: 'changes_requested', stage: 'initialling', flow_seq: 3 });

    // The first attempt of the opening step, stuck waiting for a connection past its timeout, commits now.
    await sut.recordTransition(structuredClone(opening));
    expect(await stored(nota.id)).toEqual(written);
  });

  it('meets the nota’s recurring Kamer deadline once, with one next occurrence, when the dispatch is retried', async () => {
    const nota = await flow.register();
    const workflowId = notaWorkflowId(nota.id);
    const today = toAmsterdamDate(new Date());
    const dueOn = addWorkingDays(today, 20);
    const created = await flow.as.staff.post('/deadlines', {
      kind: 'reporting',
      title: 'Voortgangsrapportage Samen tegen mensenhandel',
      dueOn,
      dossier: '28 638',
      recurrence: 'P1Y',
      notaId: nota.id,
    });
    expect(created.status).toBe(201);
    const deadlineId: string = created.body.id;

    const dispatch = dispatchTask(1);
    const start = Date.now();
    const at1 = minutesAfter(start, 0);
    await recordTwice({
      workflowId,
      notaId: nota.id,
      at: at1,
      events: [
        { seq: 1, type: 'submitted', actor: 'jenv.staff', organisation: 'JENV' },
        { seq: 2, type: 'stage_started', stage: 'dispatch' },
        { seq: 3, type: 'task_opened', organisation: 'JENV', stage: 'dispatch', taskId: dispatch.id },
      ],
      nota: { status: 'in_review', stage: 'dispatch', version: 1, submittedAt: at1 },
      open: [dispatch],
    });
    expect(ensured).toEqual([]);

    const at2 = minutesAfter(start, 1);
    const { written } = await recordTwice({
      workflowId,
      notaId: nota.id,
      at: at2,
      events: [
        {
          seq: 4,
          type: 'task_decided',
          actor: 'jenv.staff',
          organisation: 'JENV',
          stage: 'dispatch',
          taskId: dispatch.id,
          decision: 'approve',
        },
        { seq: 5, type: 'dispatched', actor: 'jenv.staff', organisation: 'JENV' },
      ],
      nota: { status: 'dispatched', stage: 'done', dispatchedAt: at2 },
      close: [{ id: dispatch.id, status: 'done', decision: 'approve', decidedBy: 'jenv.staff', remarks: null }],
    });
    expect(written.nota).toMatchObject({ status: 'dispatched', stage: 'done' });
    expect(written.nota.dispatched_at.toISOString()).toBe(at2);
    expect(written.events.map((e: any) => e.type)).toEqual([
      'submitted',
      'stage_started',
      'task_opened',
      'task_decided',
      'dispatched',
    ]);
    const [met, next] = written.deadlines;
    expect(met).toMatchObject({ id: deadlineId, status: 'met', nota_id: nota.id });
    expect(met.closed_at.toISOString()).toBe(at2);
    expect(written.deadlines).toHaveLength(2);
    expect(next).toMatchObject({ previous_id: deadlineId, status: 'open', recurrence: 'P1Y' });
    // Both attempts hand the same watches on: the retry finds them again, so none is left out.
    expect(ensured).toEqual([[deadlineId, next.id].sort(), [deadlineId, next.id].sort()]);
  });

  it('lets two attempts of one step that run at the same time write it once', async () => {
    const nota = await flow.register();
    const at = new Date().toISOString();
    const tasks = (['VWS', 'BZ', 'BHO', 'SZW'] as const).map((organisation) => ({
      id: randomUUID(),
      type: 'co-sign' as const,
      stage: 'co-signing' as const,
      organisation,
      assignee: null,
      version: 1,
      slaWorkingDays: 10,
      reminderWorkingDaysBefore: 2,
    }));
    const step: Transition = {
      workflowId: notaWorkflowId(nota.id),
      notaId: nota.id,
      at,
      events: [
        { seq: 1, type: 'stage_started', stage: 'co-signing' },
        ...tasks.map((t, i) => ({
          seq: 2 + i,
          type: 'task_opened' as const,
          organisation: t.organisation,
          stage: t.stage,
          taskId: t.id,
        })),
      ],
      nota: { status: 'in_review', stage: 'co-signing', submittedAt: at },
      open: tasks,
    };
    // A timed-out attempt that is still running when Temporal starts the next one.
    const [a, b] = await Promise.all([sut.recordTransition(step), sut.recordTransition(structuredClone(step))]);
    expect(b).toEqual(a);
    expect(a.opened.map((o) => o.id)).toEqual(tasks.map((t) => t.id));
    const { events, tasks: rows } = await stored(nota.id);
    expect(events.map((e: any) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows.map((t: any) => t.organisation).sort()).toEqual(['BHO', 'BZ', 'SZW', 'VWS']);
  });
});
