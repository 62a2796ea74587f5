import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DEMO_USERS, type Actor, type Role } from '@notaflow/domain';
import {
  decideUpdate,
  newVersionUpdate,
  notaWorkflowId,
  snapshotQuery,
  withdrawUpdate,
  type DecideInput,
  type NewVersionInput,
  type NotaFlowRefusalKind,
  type WithdrawInput,
} from '@notaflow/temporal';
import { startTestApp, type TestApp } from '../test/support/app';
import { FlowDriver } from '../test/support/flow-driver';
import { DEMO_ROUTE } from '../test/support/http';

/**
 * The flow's Update validators are the authority on who may decide what: the API checks first from its read model,
 * but anyone with a Temporal client reaches the flow without it. Sent straight to the flow, every unfit Update is
 * refused with a refusal of its kind before anything enters the workflow history or PostgreSQL.
 */

type History = Awaited<ReturnType<WorkflowHandle['fetchHistory']>>;
type HistoryEvent = NonNullable<History['events']>[number];

const actor = (username: string): Actor => {
  const user = DEMO_USERS.find((u) => u.username === username);
  if (!user) throw new Error(`no demo user ${username}`);
  return { username: user.username, role: user.role, organisation: user.organisation };
};
/** Someone the API would never let through: the flow alone must refuse them. */
const impostor = (username: string, role: Role, organisation: string): Actor => ({ username, role, organisation });

/** Any trace of an Update in history: admitted, accepted, rejected or completed. */
const updateEvents = (history: History) =>
  (history.events ?? [])
    .filter(
      (e: HistoryEvent) =>
        e.workflowExecutionUpdateAdmittedEventAttributes ||
        e.workflowExecutionUpdateAcceptedEventAttributes ||
        e.workflowExecutionUpdateRejectedEventAttributes ||
        e.workflowExecutionUpdateCompletedEventAttributes,
    )
    .map((e) => `${String(e.eventId)} ${String(e.eventType)}`);

describe('the Update validators of the approval flow, called with the Temporal client', () => {
  let app: TestApp;
  let flow: FlowDriver;

  beforeAll(async () => {
    app = await startTestApp();
    flow = await FlowDriver.create(app.baseUrl);
  });
  afterAll(async () => {
    await app?.close();
  });

  const handleOf = (notaId: string) => app.client.workflow.getHandle(notaWorkflowId(notaId));
  /** A decision on the text the nota holds now, unless the input names another. */
  const decide = async (notaId: string, input: DecideInput) => {
    const seenSha256 = 'seenSha256' in input ? input.seenSha256 : await flow.seen(notaId, 'staff');
    return handleOf(notaId).executeUpdate(decideUpdate, { args: [{ ...input, seenSha256 }] });
  };
  const newVersion = (notaId: string, input: NewVersionInput) =>
    handleOf(notaId).executeUpdate(newVersionUpdate, { args: [input] });
  const withdraw = (notaId: string, input: WithdrawInput) =>
    handleOf(notaId).executeUpdate(withdrawUpdate, { args: [input] });

  const flowEvents = async (notaId: string): Promise<number> =>
    (await app.dataSource.query('SELECT count(*)::int AS n FROM flow_events WHERE nota_id = $1', [notaId]))[0].n;
  const taskRows = (notaId: string) =>
    app.dataSource.query('SELECT id, status, decision, decided_by FROM tasks WHERE nota_id = $1 ORDER BY id', [notaId]);

  /**
   * The history once the flow has nothing in flight (no activity, such as a task's announcement, and no workflow
   * task): from then on only an Update that got through could add to it.
   */
  async function quietHistory(notaId: string): Promise<History> {
    const handle = handleOf(notaId);
    const deadline = Date.now() + 30_000;
    for (;;) {
      const description = await handle.describe();
      const history = await handle.fetchHistory();
      const { pendingActivities, pendingWorkflowTask } = description.raw;
      if (
        !pendingActivities?.length &&
        !pendingWorkflowTask &&
        description.historyLength === (history.events ?? []).length
      ) {
        return history;
      }
      if (Date.now() > deadline) throw new Error(`flow ${handle.workflowId} did not come to rest`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Sends the Update and expects the refusal, with the flow, its history and its records as they were. */
  async function expectRefused(
    notaId: string,
    send: () => Promise<unknown>,
    type: NotaFlowRefusalKind,
    message: RegExp,
    field?: { name: string; code: string },
  ): Promise<void> {
    const before = await quietHistory(notaId);
    const eventsBefore = await flowEvents(notaId);
    const tasksBefore = await taskRows(notaId);
    const snapshotBefore = await handleOf(notaId).query(snapshotQuery);

    // A fit Update may wait for the flow to move on; an unfit one is answered at once. Either way, not forever.
    const error = await app.client.connection.withDeadline(Date.now() + 30_000, send).then(
      (result) => new Error(`the flow took it: ${JSON.stringify(result)}`),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
    const cause = (error as WorkflowUpdateFailedError).cause;
    expect(cause).toBeInstanceOf(ApplicationFailure);
    expect({ type: (cause as ApplicationFailure).type, message: cause?.message }).toEqual({
      type,
      message: expect.stringMatching(message),
    });
    // A refused field is named as a 400 would name it, so no client reads the message.
    expect((cause as ApplicationFailure).details ?? []).toEqual(field ? [expect.objectContaining(field)] : []);

    const after = await handleOf(notaId).fetchHistory();
    expect(updateEvents(after)).toEqual(updateEvents(before));
    expect((after.events ?? []).length).toBe((before.events ?? []).length);
    expect(await flowEvents(notaId)).toBe(eventsBefore);
    expect(await taskRows(notaId)).toEqual(tasksBefore);
    expect(await handleOf(notaId).query(snapshotQuery)).toEqual(snapshotBefore);
  }

  /** The one open task of the nota's flow, as the flow itself holds it. */
  const openTask = async (notaId: string, organisation?: string) => {
    const { openTasks } = await handleOf(notaId).query(snapshotQuery);
    const matching = openTasks.filter((t) => organisation === undefined || t.organisation === organisation);
    if (matching.length !== 1) throw new Error(`expected one open task, found ${JSON.stringify(openTasks)}`);
    return matching[0];
  };

  it('refuses a decision by anyone who does not hold the task (TaskNotHolder)', async () => {
    const nota = await flow.registerAndSubmit();
    const initial = await openTask(nota.id);
    expect(initial).toMatchObject({ type: 'initial', assignee: 'jenv.afdelingshoofd' });
    for (const [who, why] of [
      [actor('jenv.directeur'), /jenv\.directeur may not act on this initial task/],
      [actor('vws.signer'), /vws\.signer may not act/],
      [actor('jenv.staff'), /jenv\.staff may not act/],
      [actor('jenv.bewindspersoon'), /jenv\.bewindspersoon may not act/],
      // The assignee's name from another ministry: the organisation counts too.
      [impostor('jenv.afdelingshoofd', 'reviewer', 'VWS'), /jenv\.afdelingshoofd may not act/],
    ] as const) {
      await expectRefused(
        nota.id,
        () => decide(nota.id, { taskId: initial.id, actor: who, decision: 'approve' }),
        'TaskNotHolder',
        why,
      );
    }

    await flow.throughDecision(nota.id);
    const vwsTask = await openTask(nota.id, 'VWS');
    for (const [who, why] of [
      // Another ministry's cosigner, the case the API's own check guards in front of the flow.
      [actor('bz.signer'), /bz\.signer may not act on this co-sign task/],
      [actor('jenv.dg'), /jenv\.dg may not act/],
      [actor('mr.secretariaat'), /mr\.secretariaat may not act/],
      // Of the right ministry but not a cosigner.
      [impostor('vws.staff', 'drafter', 'VWS'), /vws\.staff may not act/],
    ] as const) {
      await expectRefused(
        nota.id,
        () => decide(nota.id, { taskId: vwsTask.id, actor: who, decision: 'approve' }),
        'TaskNotHolder',
        why,
      );
    }
  });

  it('refuses a task that is not open: decided, of an earlier stage, of another nota, or unknown (TaskNotOpen)', async () => {
    const nota = await flow.registerAndSubmit();
    const first = await openTask(nota.id);
    await flow.decide('afdelingshoofd', nota.id, 'approve');
    await expectRefused(
      nota.id,
      () => decide(nota.id, { taskId: first.id, actor: actor('jenv.afdelingshoofd'), decision: 'approve' }),
      'TaskNotOpen',
      new RegExp(`task ${first.id} is not open`),
    );

    await flow.decide('directeur', nota.id, 'approve');
    await flow.decide('dg', nota.id, 'approve');
    const decision = await openTask(nota.id);
    expect(decision).toMatchObject({ type: 'decide', stage: 'decision' });
    await flow.decide('bewindspersoon', nota.id, 'approve');
    expect((await handleOf(nota.id).query(snapshotQuery)).stage).toBe('co-signing');
    // The decision stage is over: its holder cannot decide again, not even differently.
    await expectRefused(
      nota.id,
      () => decide(nota.id, { taskId: decision.id, actor: actor('jenv.bewindspersoon'), decision: 'reject' }),
      'TaskNotOpen',
      /is not open/,
    );

    // An open task of another nota, sent to this nota's flow.
    const other = await flow.registerAndSubmit();
    const elsewhere = await openTask(other.id);
    await expectRefused(
      nota.id,
      () => decide(nota.id, { taskId: elsewhere.id, actor: actor('jenv.afdelingshoofd'), decision: 'approve' }),
      'TaskNotOpen',
      /is not open/,
    );
    await expectRefused(
      nota.id,
      () => decide(nota.id, { taskId: randomUUID(), actor: actor('vws.signer'), decision: 'approve' }),
      'TaskNotOpen',
      /is not open/,
    );
    // The other nota's task is still open there: refusing it here touched nothing of it.
    expect(await openTask(other.id)).toEqual(elsewhere);
  });

  it('refuses a decision the task does not take (DecisionNotAllowed)', async () => {
    const nota = await flow.registerAndSubmit({ route: { ...DEMO_ROUTE, reviewers: ['jenv.dg'] } });
    const initial = await openTask(nota.id);
    const dg = actor('jenv.dg');
    for (const [decision, why] of [
      ['maybe', /a initial task does not take "maybe"/],
      ['APPROVE', /does not take "APPROVE"/],
      ['', /does not take ""/],
      ['hold', /a initial task does not take "hold"/],
    ] as const) {
      await expectRefused(
        nota.id,
        // The type says Decision; a client of the flow may send anything.
        () => decide(nota.id, { taskId: initial.id, actor: dg, decision: decision as DecideInput['decision'] }),
        'DecisionNotAllowed',
        why,
        { name: 'decision', code: 'decision_not_allowed' },
      );
    }

    await flow.decide('dg', nota.id, 'approve');
    await flow.decide('bewindspersoon', nota.id, 'approve');
    const vwsTask = await openTask(nota.id, 'VWS');
    await expectRefused(
      nota.id,
      () => decide(nota.id, { taskId: vwsTask.id, actor: actor('vws.signer'), decision: 'hold' }),
      'DecisionNotAllowed',
      /a co-sign task does not take "hold"/,
      { name: 'decision', code: 'decision_not_allowed' },
    );
  });

  it('refuses a nextMeeting without "hold", not a day, or not after the current meeting, and takes a later one', async () => {
    const nota = await flow.registerAndSubmit({ route: { ...DEMO_ROUTE, reviewers: [], coSigners: [] } });
    await flow.decide('bewindspersoon', nota.id, 'approve');
    const meeting = await openTask(nota.id);
    expect(meeting).toMatchObject({ type: 'ministerraad', organisation: 'AZ' });
    const meetingOn = meeting.meetingOn!;
    const daysFrom = (days: number) =>
      new Date(Date.parse(`${meetingOn}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    const mr = actor('mr.secretariaat');

    for (const [input, kind, code, why] of [
      [
        { decision: 'approve', nextMeeting: daysFrom(7) },
        'NextMeetingOnlyWithHold',
        'only_with_hold',
        /goes only with "hold"/,
      ],
      [
        { decision: 'reject', nextMeeting: daysFrom(7) },
        'NextMeetingOnlyWithHold',
        'only_with_hold',
        /only with "hold"/,
      ],
      [
        { decision: 'hold', nextMeeting: meetingOn },
        'NextMeetingNotAfterCurrent',
        'not_after_current_meeting',
        new RegExp(`after the current meeting of ${meetingOn}`),
      ],
      [
        { decision: 'hold', nextMeeting: daysFrom(-7) },
        'NextMeetingNotAfterCurrent',
        'not_after_current_meeting',
        /after the current meeting/,
      ],
      // Later than any meeting as text, but no day: the flow could not plan the next task on it.
      [{ decision: 'hold', nextMeeting: 'zzzz' }, 'NextMeetingNotADay', 'not_a_date', /must be a day as YYYY-MM-DD/],
      [{ decision: 'hold', nextMeeting: '2999-02-30' }, 'NextMeetingNotADay', 'not_a_date', /must be a day/],
    ] as const) {
      await expectRefused(nota.id, () => decide(nota.id, { taskId: meeting.id, actor: mr, ...input }), kind, why, {
        name: 'nextMeeting',
        code,
      });
    }

    // The control: the same path takes a fit Update, and then history and the records do show it.
    const before = await quietHistory(nota.id);
    const eventsBefore = await flowEvents(nota.id);
    const held = await decide(nota.id, { taskId: meeting.id, actor: mr, decision: 'hold', nextMeeting: daysFrom(14) });
    expect(held.task).toMatchObject({ id: meeting.id, status: 'done', decision: 'hold' });
    const after = await quietHistory(nota.id);
    const count = (history: History, kind: keyof HistoryEvent) => (history.events ?? []).filter((e) => e[kind]).length;
    for (const kind of [
      'workflowExecutionUpdateAcceptedEventAttributes',
      'workflowExecutionUpdateCompletedEventAttributes',
    ] as const) {
      expect(count(after, kind) - count(before, kind)).toBe(1);
    }
    expect(await flowEvents(nota.id)).toBeGreaterThan(eventsBefore);
    expect((await openTask(nota.id)).meetingOn).toBe(daysFrom(14));

    // The held task is closed now.
    await expectRefused(
      nota.id,
      () => decide(nota.id, { taskId: meeting.id, actor: mr, decision: 'approve' }),
      'TaskNotOpen',
      /is not open/,
    );
  });

  it('refuses a new version or a withdrawal by anyone but a drafter of the nota’s organisation (NotaNotManaged)', async () => {
    const nota = await flow.registerAndSubmit();
    await flow.decide('afdelingshoofd', nota.id, 'request_changes');
    expect((await handleOf(nota.id).query(snapshotQuery)).status).toBe('changes_requested');
    const outsiders = [
      actor('jenv.afdelingshoofd'),
      actor('jenv.bewindspersoon'),
      actor('jenv.management'),
      actor('vws.signer'),
      actor('mr.secretariaat'),
      // A drafter, but of another ministry.
      impostor('vws.staff', 'drafter', 'VWS'),
    ];
    for (const who of outsiders) {
      await expectRefused(
        nota.id,
        () => newVersion(nota.id, { actor: who, note: 'niet van ons' }),
        'NotaNotManaged',
        /only a drafter of JENV manages this nota/,
      );
      await expectRefused(
        nota.id,
        () => withdraw(nota.id, { actor: who, reason: 'niet van ons' }),
        'NotaNotManaged',
        /only a drafter of JENV manages this nota/,
      );
    }
  });

  it('refuses text its activities could never write, and goes on (UnstorableText)', async () => {
    const nota = await flow.registerAndSubmit();
    const [task] = await flow.openTasks('afdelingshoofd', nota.id);
    await expectRefused(
      nota.id,
      () =>
        decide(nota.id, {
          taskId: task.id,
          actor: actor('jenv.afdelingshoofd'),
          decision: 'approve',
          remarks: 'a\u0000',
        }),
      'UnstorableText',
      /^remarks contains a NUL character/,
      { name: 'remarks', code: 'unstorable_text' },
    );
    await expectRefused(
      nota.id,
      () => withdraw(nota.id, { actor: actor('jenv.staff'), reason: 'half \uD83D' }),
      'UnstorableText',
      /^reason contains half of a surrogate pair/,
      { name: 'reason', code: 'unstorable_text' },
    );
    await flow.decide('afdelingshoofd', nota.id, 'request_changes');
    await expectRefused(
      nota.id,
      () => newVersion(nota.id, { actor: actor('jenv.staff'), note: '\u0000' }),
      'UnstorableText',
      /^note contains a NUL character/,
      { name: 'note', code: 'unstorable_text' },
    );
    // Sent as it should be, the same text goes through.
    expect(await withdraw(nota.id, { actor: actor('jenv.staff'), reason: 'half 📜' })).toMatchObject({
      status: 'withdrawn',
    });
  });

  it('refuses a new version while the nota is in review (NotaNotAwaitingVersion)', async () => {
    const nota = await flow.registerAndSubmit();
    await expectRefused(
      nota.id,
      () => newVersion(nota.id, { actor: actor('jenv.staff'), note: 'te vroeg' }),
      'NotaNotAwaitingVersion',
      /a new version is taken only after changes were requested \(status in_review\)/,
    );
  });
});
