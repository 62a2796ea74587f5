import { createActivities } from '@notaflow/activities';
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
    const { notify } = createActivities({ dataSource: app.dataSource });
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
