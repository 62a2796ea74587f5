import { createActivities } from '@notaflow/activities';
import type { TaskNotification } from '@notaflow/temporal';
import { startTestApp, type TestApp } from './support/app';
import { FlowDriver } from './support/flow-driver';
import { eventually } from './support/time-skipping';

describe('notifications', () => {
  let app: TestApp;
  let flow: FlowDriver;
  let nota: { id: string };
  let taskId: string;

  beforeAll(async () => {
    app = await startTestApp();
    flow = await FlowDriver.create(app.baseUrl);
    nota = await flow.registerAndSubmit();
    taskId = (await flow.openTasks('afdelingshoofd', nota.id))[0].id;
    const { notify } = createActivities({ dataSource: app.dataSource, webAppUrl: 'https://notaflow.minjenv.example' });
    // Worded by the flow, as flows of earlier releases sent their notifications: retries of them still come.
    const base = { notaId: nota.id, taskId, body: 'Termijn', kind: 'task_reminder' as const };
    await notify({
      ...base,
      key: 'k1',
      recipientOrganisation: 'JENV',
      recipientUsername: 'jenv.afdelingshoofd',
      subject: 'Voor het afdelingshoofd',
    });
    // The same notification again, as a retried activity would: recorded once.
    await notify({
      ...base,
      key: 'k1',
      recipientOrganisation: 'JENV',
      recipientUsername: 'jenv.afdelingshoofd',
      subject: 'Voor het afdelingshoofd',
    });
    await notify({ ...base, key: 'k2', recipientOrganisation: 'VWS', recipientUsername: null, subject: 'Voor VWS' });
    // The facts alone, as flows of this release send them: the activity words them.
    const facts: TaskNotification = {
      key: 'k3',
      kind: 'task_escalation',
      recipient: { organisation: 'SZW', username: null },
      nota: { id: nota.id, onsKenmerk: '1234567', title: 'Voortgang aanpak mensenhandel' },
      task: {
        id: taskId,
        type: 'co-sign',
        stage: 'co-signing',
        organisation: 'SZW',
        assignee: null,
        dueAt: '2026-12-07T22:59:59.999Z',
        meetingOn: null,
      },
    };
    await notify(facts);
    await notify(facts);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows each user their own and their organisation’s notifications, once each', async () => {
    // Beside the reminder, the afdelingshoofd was told of the task when the flow opened it.
    const mine = await eventually(
      'the announcement of the task',
      async () => (await flow.as.afdelingshoofd.get('/notifications')).body,
      (list: any[]) => list.length === 2,
    );
    expect(mine.map((n: any) => n.subject).sort()).toEqual([
      expect.stringMatching(/^Nieuwe taak \(parafering\): \d{7} /),
      'Voor het afdelingshoofd',
    ]);
    expect((await flow.as.vws.get('/notifications')).body.map((n: any) => n.subject)).toEqual(['Voor VWS']);
    expect((await flow.as.bz.get('/notifications')).body).toEqual([]);
    expect((await flow.as.directeur.get('/notifications')).body).toEqual([]);
  });

  it('words the facts a flow sends in Dutch, with the due day and a link to the nota', async () => {
    const [szw, ...more] = (await flow.as.szw.get('/notifications')).body;
    expect(more).toEqual([]);
    expect(szw).toMatchObject({
      kind: 'task_escalation',
      notaId: nota.id,
      subject: 'Termijn verstreken: 1234567 Voortgang aanpak mensenhandel wacht nog op medeondertekening door SZW',
      body:
        'Nota 1234567 Voortgang aanpak mensenhandel wacht nog op medeondertekening door SZW. ' +
        'De termijn verliep op maandag 7 december 2026 om 23:59.\n\n' +
        `Medeondertekenen: https://notaflow.minjenv.example/notas/${nota.id}`,
    });
  });

  it('marks one read, and never another organisation’s', async () => {
    const [vws] = (await flow.as.vws.get('/notifications?unread=true')).body;
    expect((await flow.as.bz.post(`/notifications/${vws.id}/read`)).status).toBe(404);
    expect((await flow.as.bz.post('/notifications/not-an-id/read')).status).toBe(404);
    const read = await flow.as.vws.post(`/notifications/${vws.id}/read`);
    expect(read.status).toBe(200);
    expect(Date.parse(read.body.readAt)).toBeGreaterThan(0);
    expect((await flow.as.vws.get('/notifications?unread=true')).body).toEqual([]);
    expect((await flow.as.vws.get('/notifications')).body).toHaveLength(1);
  });

  it('refuses a bad query with 400 naming the field', async () => {
    const reply = await flow.as.vws.get('/notifications?unread=maybe&limit=0');
    expect(reply.status).toBe(400);
    expect(reply.body.errors.map((e: any) => e.name).sort()).toEqual(['limit', 'unread']);
  });
});
