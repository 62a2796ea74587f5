import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { DataSource } from 'typeorm';
import {
  addWorkingDays,
  amsterdamEndOfDayInstant,
  amsterdamStartOfDayInstant,
  equatedDaysSeed,
  dayOfWeek,
  daysBetween,
  isWorkingDay,
  nextMinisterraad,
  toAmsterdamDate,
  workingDaysBetween,
  type IsoDate,
} from '@notaflow/calendar';
import {
  DEMO_USERS,
  buildRouteTemplate,
  demoMailbox,
  type Actor,
  type Decision,
  type RouteChoice,
} from '@notaflow/domain';
import {
  NOTA_FLOW_WORKFLOW,
  decideUpdate,
  notaWorkflowId,
  snapshotQuery,
  startedUpdate,
  type DecideInput,
  type DecideResult,
  type NotaFlowInput,
} from '@notaflow/temporal';
import { createSmtpMailer, type Mailer } from '@notaflow/activities';
import { caughtMail, type RunningMailCatcher } from '../scripts/lib/mail-catcher';
import { startTestMailCatcher } from '../test/support/mail';
import { eventually, startTimeSkippingStack, type TimeSkippingStack } from '../test/support/time-skipping';
import type { notaFlowWorkflow } from './nota-flow';

/**
 * Reminder and escalation timers of the approval flow, on Temporal's time-skipping test server: weeks of working
 * days pass in a second, with the real bundle and the real activities writing to PostgreSQL.
 */

const HOUR_MS = 3_600_000;
const amsterdamClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

interface TaskRow {
  id: string;
  type: string;
  organisation: string;
  assignee: string | null;
  status: string;
  decision: string | null;
  meeting_on: IsoDate | null;
  created_at: Date;
  due_at: Date;
  remind_at: Date | null;
  decided_at: Date | null;
}
interface NotificationRow {
  dedupe_key: string;
  kind: 'task_reminder' | 'task_escalation';
  recipient_organisation: string | null;
  recipient_username: string | null;
  task_id: string;
}
interface EventRow {
  seq: number;
  type: string;
  task_id: string | null;
  organisation: string | null;
  at: Date;
}

/** What `taskDates` must have stored for a task opened at `createdAt`, derived from the calendar. */
function expectedDates(
  createdAt: Date,
  due: { slaWorkingDays: number } | { meetingOn: IsoDate },
  remindBefore: number,
) {
  const openedOn = toAmsterdamDate(createdAt);
  // The test database holds the equated days of libs/calendar's seed, as the migration put them there.
  const calendar = { equatedDays: equatedDaysSeed };
  const dueOn = 'meetingOn' in due ? due.meetingOn : addWorkingDays(openedOn, due.slaWorkingDays, calendar);
  const remindOn = addWorkingDays(dueOn, -remindBefore, calendar);
  const remindAt = new Date(amsterdamStartOfDayInstant(remindOn).getTime() + 9 * HOUR_MS);
  return {
    openedOn,
    dueOn,
    remindOn,
    dueAt: amsterdamEndOfDayInstant(dueOn),
    remindAt: remindAt > createdAt ? remindAt : null,
  };
}

describe('reminder and escalation timers of the approval flow (time-skipping)', () => {
  let stack: TimeSkippingStack;
  let env: TestWorkflowEnvironment;
  let dataSource: DataSource;
  let taskQueue: string;

  let catcher: RunningMailCatcher;
  let mailer: Mailer;

  beforeAll(async () => {
    // Reminders and escalations are emailed too, through a real SMTP server (maildev) on free ports.
    catcher = await startTestMailCatcher();
    mailer = createSmtpMailer({ url: catcher.smtpUrl, from: 'notaflow <notaflow@notaflow.example>' });
    stack = await startTimeSkippingStack({ mailer });
    ({ dataSource, taskQueue } = stack);
    for (const organisation of ['JENV', 'VWS', 'BZ']) {
      await dataSource.query(`UPDATE organisations SET mailbox = $2 WHERE code = $1`, [
        organisation,
        demoMailbox(organisation),
      ]);
    }
    // The first run resolves the test server from Maven Central (about half a minute) before anything starts.
  }, 300_000);

  beforeEach(async () => {
    await stack.beforeEach();
    env = stack.env;
  });

  afterEach(async () => {
    // A failed workflow task or activity is retried and may go unnoticed in the database: none is expected.
    const seen = await stack.afterEach();
    expect(seen.map((p) => `${p.level} ${p.message} ${JSON.stringify(p.meta ?? {})}`)).toEqual([]);
  });

  afterAll(async () => {
    await stack?.stop();
    mailer?.close();
    await catcher?.stop();
  });

  // ---- helpers ----

  const actor = (username: string): Actor => {
    const user = DEMO_USERS.find((u) => u.username === username)!;
    return { username: user.username, role: user.role, organisation: user.organisation };
  };

  async function startFlow(choice: RouteChoice) {
    const notaId = randomUUID();
    const route = buildRouteTemplate(choice);
    const title = 'Voortgang aanpak mensenhandel';
    const [{ ons_kenmerk: onsKenmerk }] = (await dataSource.query(
      `INSERT INTO notas (id, ons_kenmerk, title, organisation_code, created_by, route)
       VALUES ($1, nextval('ons_kenmerk_seq')::text, $2, 'JENV', 'jenv.staff', $3)
       RETURNING ons_kenmerk`,
      [notaId, title, JSON.stringify(route)],
    )) as { ons_kenmerk: string }[];
    const input: NotaFlowInput = {
      notaId,
      onsKenmerk,
      title,
      organisation: 'JENV',
      submittedBy: 'jenv.staff',
      version: 1,
      route,
    };
    const workflowId = notaWorkflowId(notaId);
    const handle = await env.client.workflow.start<typeof notaFlowWorkflow>(NOTA_FLOW_WORKFLOW, {
      workflowId,
      taskQueue,
      args: [input],
    });
    await handle.executeUpdate(startedUpdate);
    return { notaId, workflowId, handle };
  }

  async function openTaskOf(handle: WorkflowHandle, organisation: string, type: string) {
    const snapshot = await handle.query(snapshotQuery);
    const task = snapshot.openTasks.find((t) => t.organisation === organisation && t.type === type);
    if (!task) throw new Error(`no open ${type} task of ${organisation}: ${JSON.stringify(snapshot.openTasks)}`);
    return task;
  }

  async function decide(
    handle: WorkflowHandle,
    taskId: string,
    username: string,
    decision: Decision,
    extra: Partial<DecideInput> = {},
  ): Promise<DecideResult> {
    return handle.executeUpdate(decideUpdate, { args: [{ taskId, actor: actor(username), decision, ...extra }] });
  }

  const skipUntil = (instant: Date) => stack.skipUntil(instant);

  const tasksOf = (notaId: string): Promise<TaskRow[]> =>
    dataSource.query(
      `SELECT id, type, organisation, assignee, status, decision, meeting_on::text AS meeting_on,
              created_at, due_at, remind_at, decided_at
       FROM tasks WHERE nota_id = $1 ORDER BY created_at, organisation`,
      [notaId],
    );
  /** The timers' notifications; the announcement of each new task (v2) is another matter. */
  const notificationsOf = (notaId: string): Promise<NotificationRow[]> =>
    dataSource.query(
      `SELECT dedupe_key, kind, recipient_organisation, recipient_username, task_id
       FROM notifications WHERE nota_id = $1 AND kind IN ('task_reminder', 'task_escalation') ORDER BY dedupe_key`,
      [notaId],
    );
  const eventsOf = (workflowId: string): Promise<EventRow[]> =>
    dataSource.query(
      `SELECT seq, type, task_id, organisation, at FROM flow_events WHERE workflow_id = $1 ORDER BY seq`,
      [workflowId],
    );
  const timerEvents = (events: EventRow[]) =>
    events.filter((e) => e.type === 'task_reminded' || e.type === 'task_escalated');

  /** The event log is gapless and has each (workflow, seq) once: no step written twice, none lost. */
  async function expectWellFormedLog(workflowId: string): Promise<EventRow[]> {
    const events = await eventsOf(workflowId);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    return events;
  }

  /** A co-sign task (10 working days, reminder 2 before) whose holder stayed silent: one reminder, one escalation. */
  function expectRemindedAndEscalated(task: TaskRow, notifications: NotificationRow[], events: EventRow[]) {
    const mine = notifications.filter((n) => n.task_id === task.id);
    expect(mine).toEqual([
      {
        dedupe_key: `${task.id}:task_escalation:0`,
        kind: 'task_escalation',
        recipient_organisation: task.organisation,
        recipient_username: null,
        task_id: task.id,
      },
      {
        dedupe_key: `${task.id}:task_escalation:1`,
        kind: 'task_escalation',
        recipient_organisation: 'JENV',
        recipient_username: null,
        task_id: task.id,
      },
      {
        dedupe_key: `${task.id}:task_reminder:0`,
        kind: 'task_reminder',
        recipient_organisation: task.organisation,
        recipient_username: null,
        task_id: task.id,
      },
    ]);
    const signals = timerEvents(events).filter((e) => e.task_id === task.id);
    expect(signals.map((e) => [e.type, e.organisation])).toEqual([
      ['task_reminded', task.organisation],
      ['task_escalated', task.organisation],
    ]);
    const [reminded, escalated] = signals;
    // Workflow time of the step that recorded them: the reminder between remind_at and the due date, the
    // escalation after it.
    expect(reminded.at.getTime()).toBeGreaterThanOrEqual(task.remind_at!.getTime());
    expect(reminded.at.getTime()).toBeLessThan(task.due_at.getTime());
    expect(escalated.at.getTime()).toBeGreaterThan(task.due_at.getTime());
  }

  /** Skipping weeks must not time out an activity or fail a workflow task on the way. */
  async function expectCleanHistory(handle: WorkflowHandle): Promise<void> {
    const { events } = await handle.fetchHistory();
    const troubled = events!.filter(
      (e) =>
        e.activityTaskTimedOutEventAttributes ||
        e.activityTaskFailedEventAttributes ||
        e.workflowTaskFailedEventAttributes ||
        e.workflowTaskTimedOutEventAttributes,
    );
    expect(troubled).toEqual([]);
  }

  // ---- the tests ----

  const coSignRoute: RouteChoice = {
    reviewers: [],
    decider: 'jenv.bewindspersoon',
    coSigners: ['VWS', 'BZ'],
    ministerraad: false,
  };

  it('reminds each silent co-signer once before the due date, escalates once after it, and still takes a late decision', async () => {
    const { notaId, workflowId, handle } = await startFlow(coSignRoute);
    const decideTask = await openTaskOf(handle, 'JENV', 'decide');
    const decided = await decide(handle, decideTask.id, 'jenv.bewindspersoon', 'approve');
    expect(decided.nota).toMatchObject({ status: 'in_review', stage: 'co-signing' });

    const coSign = (await tasksOf(notaId)).filter((t) => t.type === 'co-sign');
    expect(coSign.map((t) => t.organisation).sort()).toEqual(['BZ', 'VWS']);
    for (const task of coSign) {
      const expected = expectedDates(task.created_at, { slaWorkingDays: 10 }, 2);
      expect(task.due_at.toISOString()).toBe(expected.dueAt.toISOString());
      expect(task.remind_at?.toISOString()).toBe(expected.remindAt?.toISOString());
      // The same facts without the helper's arithmetic: due 10 working days after opening, at the end of that
      // Amsterdam day; reminded at 09:00 Amsterdam time on the working day two working days before.
      const dueOn = toAmsterdamDate(task.due_at);
      const remindOn = toAmsterdamDate(task.remind_at!);
      const calendar = { equatedDays: equatedDaysSeed };
      expect(workingDaysBetween(toAmsterdamDate(task.created_at), dueOn, calendar)).toBe(10);
      expect(isWorkingDay(dueOn, calendar)).toBe(true);
      expect(isWorkingDay(remindOn, calendar)).toBe(true);
      expect(workingDaysBetween(remindOn, dueOn, calendar)).toBe(2);
      expect(amsterdamClock.format(task.remind_at!)).toBe('09:00');
      expect(amsterdamClock.format(task.due_at)).toBe('23:59');
    }

    // Just before the reminder nothing has gone out; just after it, the reminders and nothing else.
    const remindAt = coSign[0].remind_at!;
    await skipUntil(new Date(remindAt.getTime() - HOUR_MS));
    expect(await notificationsOf(notaId)).toEqual([]);
    await skipUntil(new Date(remindAt.getTime() + HOUR_MS));
    const reminders = await eventually(
      'two reminders',
      () => notificationsOf(notaId),
      (n) => n.length >= 2,
    );
    expect(reminders.map((n) => [n.kind, n.recipient_organisation]).sort()).toEqual([
      ['task_reminder', 'BZ'],
      ['task_reminder', 'VWS'],
    ]);

    // Past the due date: each task escalated to its holder and to the nota's own organisation.
    const dueAt = coSign[0].due_at;
    await skipUntil(new Date(dueAt.getTime() + HOUR_MS));
    await eventually(
      'two escalations',
      () => eventsOf(workflowId),
      (events) => events.filter((e) => e.type === 'task_escalated').length >= 2,
    );
    // Another week: nothing fires twice.
    await skipUntil(new Date(dueAt.getTime() + 7 * 24 * HOUR_MS));
    const notifications = await notificationsOf(notaId);
    const events = await expectWellFormedLog(workflowId);
    expect(notifications).toHaveLength(6);
    expect(timerEvents(events)).toHaveLength(4);
    for (const task of coSign) expectRemindedAndEscalated(task, notifications, events);
    // The decision task was decided at once: its timers were cancelled.
    expect(notifications.filter((n) => n.task_id === decideTask.id)).toEqual([]);
    // Each reminder and escalation emailed once, to the mailbox of the organisation it is for.
    const emails: { dedupe_key: string; recipient: string; status: string }[] = await dataSource.query(
      `SELECT n.dedupe_key, o.recipient, o.status FROM email_outbox o JOIN notifications n ON n.id = o.notification_id
        WHERE n.nota_id = $1 AND n.kind IN ('task_reminder', 'task_escalation') ORDER BY n.dedupe_key`,
      [notaId],
    );
    expect(emails).toEqual(
      notifications.map((n) => ({
        dedupe_key: n.dedupe_key,
        recipient: demoMailbox(n.recipient_organisation!),
        status: 'sent',
      })),
    );
    const caught = (await caughtMail(catcher.webUrl)).filter((m) =>
      /^(Herinnering|Termijn verstreken)/.test(m.subject),
    );
    expect(
      caught
        .filter((m) => m.subject.startsWith('Herinnering'))
        .map((m) => m.to[0].address)
        .sort(),
    ).toEqual([demoMailbox('BZ'), demoMailbox('VWS')].sort());
    expect(caught.filter((m) => m.subject.startsWith('Termijn verstreken'))).toHaveLength(4);

    // Overdue is not closed: VWS and BZ still decide, and the flow goes on to dispatch.
    const vws = coSign.find((t) => t.organisation === 'VWS')!;
    const late = await decide(handle, vws.id, 'vws.signer', 'approve');
    expect(late.task).toMatchObject({ id: vws.id, status: 'done', decision: 'approve', decidedBy: 'vws.signer' });
    expect(Date.parse(late.task.decidedAt)).toBeGreaterThan(dueAt.getTime());
    const bz = coSign.find((t) => t.organisation === 'BZ')!;
    const last = await decide(handle, bz.id, 'bz.signer', 'approve');
    expect(last.nota).toMatchObject({ status: 'in_review', stage: 'dispatch' });
    const dispatch = await openTaskOf(handle, 'JENV', 'dispatch');
    await decide(handle, dispatch.id, 'jenv.staff', 'approve');
    expect(await handle.result()).toEqual({ status: 'dispatched' });

    const closed = await tasksOf(notaId);
    expect(closed.find((t) => t.id === vws.id)).toMatchObject({ status: 'done', decision: 'approve' });
    expect(closed.find((t) => t.id === vws.id)!.decided_at!.getTime()).toBeGreaterThan(dueAt.getTime());
    expect(await notificationsOf(notaId)).toHaveLength(6);
    await expectWellFormedLog(workflowId);
    await expectCleanHistory(handle);
  });

  it('cancels the timers of a decided task: no reminder before it, no escalation after it', async () => {
    // BZ decides at once, SZW between its reminder and its due date, VWS only after the escalation.
    const { notaId, workflowId, handle } = await startFlow({ ...coSignRoute, coSigners: ['VWS', 'BZ', 'SZW'] });
    const decideTask = await openTaskOf(handle, 'JENV', 'decide');
    await decide(handle, decideTask.id, 'jenv.bewindspersoon', 'approve');
    const bz = await openTaskOf(handle, 'BZ', 'co-sign');
    const szw = await openTaskOf(handle, 'SZW', 'co-sign');
    const vws = await openTaskOf(handle, 'VWS', 'co-sign');
    await decide(handle, bz.id, 'bz.signer', 'approve');

    await skipUntil(new Date(Date.parse(szw.remindAt!) + HOUR_MS));
    await eventually(
      'the reminders of SZW and VWS',
      () => notificationsOf(notaId),
      (notifications) => notifications.length >= 2,
    );
    await decide(handle, szw.id, 'szw.signer', 'approve');

    await skipUntil(new Date(Date.parse(vws.dueAt) + HOUR_MS));
    await eventually(
      'the VWS escalation',
      () => eventsOf(workflowId),
      (events) => events.some((e) => e.type === 'task_escalated' && e.task_id === vws.id),
    );
    await skipUntil(new Date(Date.parse(vws.dueAt) + 7 * 24 * HOUR_MS));

    const notifications = await notificationsOf(notaId);
    const events = await expectWellFormedLog(workflowId);
    expect(notifications.filter((n) => n.task_id === bz.id)).toEqual([]);
    expect(timerEvents(events).filter((e) => e.task_id === bz.id)).toEqual([]);
    expect(notifications.filter((n) => n.task_id === szw.id).map((n) => n.dedupe_key)).toEqual([
      `${szw.id}:task_reminder:0`,
    ]);
    expect(
      timerEvents(events)
        .filter((e) => e.task_id === szw.id)
        .map((e) => e.type),
    ).toEqual(['task_reminded']);
    const vwsRow = (await tasksOf(notaId)).find((t) => t.id === vws.id)!;
    expectRemindedAndEscalated(vwsRow, notifications, events);
    expect(notifications).toHaveLength(4);

    // The history agrees: VWS's reminder and escalation and SZW's reminder fired; the decision task's and BZ's
    // reminder timers and SZW's escalation timer were cancelled.
    const { events: history } = await handle.fetchHistory();
    expect(history!.filter((e) => e.timerFiredEventAttributes)).toHaveLength(3);
    expect(history!.filter((e) => e.timerCanceledEventAttributes)).toHaveLength(3);

    const late = await decide(handle, vws.id, 'vws.signer', 'approve');
    expect(late.nota).toMatchObject({ status: 'in_review', stage: 'dispatch' });
    await expectCleanHistory(handle);
  });

  it('makes a ministerraad task due on the meeting Friday, and a hold moves it to the next Friday', async () => {
    const { notaId, workflowId, handle } = await startFlow({
      reviewers: [],
      decider: 'jenv.bewindspersoon',
      coSigners: [],
      ministerraad: true,
    });
    const decideTask = await openTaskOf(handle, 'JENV', 'decide');
    const decided = await decide(handle, decideTask.id, 'jenv.bewindspersoon', 'approve');
    expect(decided.nota).toMatchObject({ stage: 'ministerraad' });

    const [first] = (await tasksOf(notaId)).filter((t) => t.type === 'ministerraad');
    expect(first).toMatchObject({ organisation: 'AZ', assignee: null, status: 'open' });
    const meetingOn = first.meeting_on!;
    expect(meetingOn).toBe(nextMinisterraad(toAmsterdamDate(first.created_at)));
    expect(dayOfWeek(meetingOn)).toBe(5);
    const firstDates = expectedDates(first.created_at, { meetingOn }, 1);
    expect(first.due_at.toISOString()).toBe(firstDates.dueAt.toISOString());
    expect(first.remind_at?.toISOString()).toBe(firstDates.remindAt?.toISOString());

    const held = await decide(handle, first.id, 'mr.secretariaat', 'hold');
    expect(held.task).toMatchObject({ id: first.id, status: 'done', decision: 'hold' });
    expect(held.nota).toMatchObject({ status: 'in_review', stage: 'ministerraad' });

    const second = (await tasksOf(notaId)).find((t) => t.type === 'ministerraad' && t.id !== first.id)!;
    expect(second).toMatchObject({ organisation: 'AZ', status: 'open' });
    const nextMeetingOn = second.meeting_on!;
    expect(nextMeetingOn).toBe(nextMinisterraad(meetingOn));
    expect(dayOfWeek(nextMeetingOn)).toBe(5);
    // The following Friday, unless that one has no meeting (Goede Vrijdag): then a week later still.
    expect(daysBetween(meetingOn, nextMeetingOn) % 7).toBe(0);
    const secondDates = expectedDates(second.created_at, { meetingOn: nextMeetingOn }, 1);
    expect(second.due_at.toISOString()).toBe(secondDates.dueAt.toISOString());
    expect(second.remind_at?.toISOString()).toBe(secondDates.remindAt!.toISOString());
    expect(amsterdamClock.format(second.remind_at!)).toBe('09:00');
    expect(workingDaysBetween(toAmsterdamDate(second.remind_at!), nextMeetingOn)).toBe(1);

    // Past the second meeting: the held task never reminds nor escalates, the one it became does both.
    await skipUntil(new Date(second.due_at.getTime() + HOUR_MS));
    await eventually(
      'the ministerraad escalation',
      () => eventsOf(workflowId),
      (events) => events.some((e) => e.type === 'task_escalated' && e.task_id === second.id),
    );
    const notifications = await notificationsOf(notaId);
    const events = await expectWellFormedLog(workflowId);
    expect(notifications.filter((n) => n.task_id === first.id)).toEqual([]);
    expect(timerEvents(events).filter((e) => e.task_id === first.id)).toEqual([]);
    expect(notifications.filter((n) => n.task_id === second.id).map((n) => [n.kind, n.recipient_organisation])).toEqual(
      [
        ['task_escalation', 'AZ'],
        ['task_escalation', 'JENV'],
        ['task_reminder', 'AZ'],
      ],
    );
    expect(timerEvents(events).map((e) => [e.type, e.task_id])).toEqual([
      ['task_reminded', second.id],
      ['task_escalated', second.id],
    ]);

    // A hold with an explicit meeting takes that date; then the ministerraad approves and the flow dispatches.
    const explicit = nextMinisterraad(nextMinisterraad(nextMeetingOn));
    await decide(handle, second.id, 'mr.secretariaat', 'hold', { nextMeeting: explicit });
    const third = await openTaskOf(handle, 'AZ', 'ministerraad');
    expect(third.meetingOn).toBe(explicit);
    expect(third.dueAt).toBe(amsterdamEndOfDayInstant(explicit).toISOString());
    const approved = await decide(handle, third.id, 'mr.secretariaat', 'approve');
    expect(approved.nota).toMatchObject({ stage: 'dispatch' });
    await expectCleanHistory(handle);
  });
});
