import { addWorkingDays, toAmsterdamDate } from '@notaflow/calendar';
import { demoMailbox } from '@notaflow/domain';
import { deadlineScheduleQuery, deadlineWatchId } from '@notaflow/temporal';
import { DeadlineWatchService } from '../apps/api/src/deadlines/deadline-watch.service';
import { caughtMail, type RunningMailCatcher } from '../scripts/lib/mail-catcher';
import { startTestApp, type TestApp } from './support/app';
import { FlowDriver } from './support/flow-driver';
import { DEMO_ROUTE } from './support/http';
import { startTestMailCatcher } from './support/mail';
import { eventually } from './support/time-skipping';

/**
 * Each open deadline is watched by a Temporal workflow, started and moved by the API as users change the deadline,
 * on the real dev server with a worker that emails through a real SMTP server (maildev). The timers themselves are
 * tested on the time-skipping server (workflows/deadline-watch.timers.e2e-spec.ts).
 */
describe('deadline watches through the HTTP API', () => {
  let app: TestApp;
  let flow: FlowDriver;
  let catcher: RunningMailCatcher;
  const today = toAmsterdamDate(new Date());

  beforeAll(async () => {
    catcher = await startTestMailCatcher();
    app = await startTestApp({ env: { SMTP_URL: catcher.smtpUrl } });
    flow = await FlowDriver.create(app.baseUrl);
  });
  afterAll(async () => {
    await app?.close();
    await catcher?.stop();
  });

  const watchOf = (deadlineId: string) => app.client.workflow.getHandle(deadlineWatchId(deadlineId));
  const create = async (body: Record<string, unknown>) => {
    const reply = await flow.as.staff.post('/deadlines', { kind: 'toezegging', dossier: '28 638', ...body });
    if (reply.status !== 201) throw new Error(`create: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body;
  };
  const scheduleOf = (deadlineId: string) =>
    eventually(
      'the watch to read its deadline',
      () => watchOf(deadlineId).query(deadlineScheduleQuery),
      (schedule) => schedule !== null,
    );

  it('starts a watch when a deadline is registered, and moves it when a postponement is granted', async () => {
    const dueOn = addWorkingDays(today, 20);
    const deadline = await create({ title: 'Brief over de voortgang vóór het commissiedebat', dueOn });
    const watch = watchOf(deadline.id);
    const { runId } = await watch.describe();
    const schedule = await scheduleOf(deadline.id);
    expect(schedule).toMatchObject({ status: 'open', dueOn });
    expect(schedule!.alerts.map((a) => a.kind)).toEqual(['reminder', 'reminder', 'reminder', 'missed']);
    expect(schedule!.alerts.map((a) => (a.kind === 'reminder' ? a.leadWorkingDays : null))).toEqual([10, 5, 1, null]);

    const requested = await flow.as.staff.post(`/deadlines/${deadline.id}/postponements`, {
      requestedDueOn: addWorkingDays(dueOn, 10),
      reason: 'Het actieplan is nog niet gereed',
    });
    const granted = await flow.as.management.post(`/postponements/${requested.body.id}/outcome`, {
      outcome: 'granted',
    });
    expect(granted.status).toBe(200);
    const moved = await eventually(
      'the moved schedule',
      () => watch.query(deadlineScheduleQuery),
      (s) => s?.dueOn === addWorkingDays(dueOn, 10),
    );
    expect(moved!.alerts).toHaveLength(4);
    // The same run moved its timers: no second watch.
    expect((await watch.describe()).runId).toBe(runId);

    const met = await flow.as.staff.post(`/deadlines/${deadline.id}/status`, { status: 'met' });
    expect(met.status).toBe(200);
    expect(met.body.deadline.closedAt).toBeTruthy();
    expect(await watch.result()).toEqual({ status: 'met' });
  });

  it('takes configurable lead times, and refuses bad ones with 400 naming the field', async () => {
    const deadline = await create({
      title: 'Eigen herinneringen',
      dueOn: addWorkingDays(today, 30),
      reminderLeadWorkingDays: [2, 20],
    });
    expect(deadline.reminderLeadWorkingDays).toEqual([20, 2]);
    const schedule = await scheduleOf(deadline.id);
    expect(schedule!.alerts.map((a) => (a.kind === 'reminder' ? a.leadWorkingDays : a.kind))).toEqual([
      20,
      2,
      'missed',
    ]);

    for (const bad of [[-1], [1, 1], [41], ['5'], 5, Array.from({ length: 11 }, (_, i) => i)]) {
      const reply = await flow.as.staff.post('/deadlines', {
        kind: 'toezegging',
        title: 'x',
        dueOn: '2027-01-15',
        reminderLeadWorkingDays: bad,
      });
      expect(reply.status).toBe(400);
      expect(reply.body.errors.map((e: { name: string }) => e.name)).toContain('reminderLeadWorkingDays');
    }
    await flow.as.staff.post(`/deadlines/${deadline.id}/status`, { status: 'cancelled' });
    expect(await watchOf(deadline.id).result()).toEqual({ status: 'cancelled' });
  });

  it('meets the deadline a nota answers when the nota is dispatched in time, and starts the next occurrence', async () => {
    const nota = await flow.registerAndSubmit({
      route: { ...DEMO_ROUTE, reviewers: ['jenv.dg'], coSigners: [], ministerraad: false },
    });
    const deadline = await create({
      kind: 'reporting',
      title: 'Voortgangsrapportage Samen tegen mensenhandel',
      dueOn: addWorkingDays(today, 15),
      notaId: nota.id,
      recurrence: 'P2Y',
    });
    await scheduleOf(deadline.id);

    await flow.decide('dg', nota.id, 'approve');
    await flow.decide('bewindspersoon', nota.id, 'approve');
    await flow.decide('staff', nota.id, 'approve');
    expect((await flow.nota(nota.id)).status).toBe('dispatched');

    expect(await watchOf(deadline.id).result()).toEqual({ status: 'met' });
    const after = (await flow.as.staff.get(`/deadlines/${deadline.id}`)).body;
    expect(after).toMatchObject({ status: 'met' });
    const [next] = (await flow.as.staff.get(`/deadlines?kind=reporting&status=open`)).body.filter(
      (d: any) => d.previousId === deadline.id,
    );
    expect(next).toMatchObject({ recurrence: 'P2Y', status: 'open', notaId: null });
    expect(await scheduleOf(next.id)).toMatchObject({ status: 'open', dueOn: next.dueOn });
  });

  it('closes a deadline already past as missed, in-app for its organisation and by email to its mailbox', async () => {
    const title = `Toezegging verlopen ${Date.now()}`;
    const deadline = await create({ title, dueOn: addWorkingDays(today, -3) });
    expect(await watchOf(deadline.id).result()).toEqual({ status: 'missed' });
    expect((await flow.as.staff.get(`/deadlines/${deadline.id}`)).body.status).toBe('missed');

    const notifications = (await flow.as.management.get('/notifications')).body;
    const missed = notifications.filter((n: any) => n.kind === 'deadline_missed' && n.subject.includes(title));
    expect(missed).toHaveLength(1);
    // Another ministry sees none of it.
    expect((await flow.as.vws.get('/notifications')).body.filter((n: any) => n.subject.includes(title))).toEqual([]);

    const mail = await eventually(
      'the email',
      async () => (await caughtMail(catcher.webUrl)).filter((m) => m.subject.includes(title)),
      (found) => found.length > 0,
    );
    expect(mail).toHaveLength(1);
    expect(mail[0].to.map((t) => t.address)).toEqual([demoMailbox('JENV')]);
    expect(mail[0].from[0].address).toBe('notaflow@notaflow.example');
  });

  it('starts the watches that a crash left unstarted', async () => {
    const [{ id }] = await app.dataSource.query(
      `INSERT INTO deadlines (kind, title, due_on, original_due_on, organisation_code, created_by, created_at)
       VALUES ('motie', 'Uitvoering motie Bikker c.s.', $1, $1, 'JENV', 'jenv.staff', now() - interval '5 minutes')
       RETURNING id`,
      [addWorkingDays(today, 25)],
    );
    await app.app.get(DeadlineWatchService).sweep();
    expect(await scheduleOf(id)).toMatchObject({ status: 'open' });
    const [row] = await app.dataSource.query(`SELECT watched_since FROM deadlines WHERE id = $1`, [id]);
    expect(row.watched_since).toBeInstanceOf(Date);
    await flow.as.staff.post(`/deadlines/${id}/status`, { status: 'cancelled' });
    expect(await watchOf(id).result()).toEqual({ status: 'cancelled' });
  });
});
