import { addDays, nextMinisterraad, toAmsterdamDate } from '@notaflow/calendar';
import { startTestApp, type TestApp } from './support/app';
import { FlowDriver } from './support/flow-driver';
import { ApiClient, DEMO_ROUTE } from './support/http';

/**
 * The flow's ministerraad step on the calendar an admin keeps: a break added through the API moves the meeting a nota
 * is put on, and a hold is accepted only to a day the ministerraad meets.
 */
describe('the ministerraad step on the maintained calendar', () => {
  let app: TestApp;
  let flow: FlowDriver;
  let admin: ApiClient;

  beforeAll(async () => {
    app = await startTestApp();
    flow = await FlowDriver.create(app.baseUrl);
    admin = await ApiClient.login(app.baseUrl, 'az.admin');
  });
  afterAll(async () => {
    await app?.close();
  });

  it('puts the nota on the first meeting after a break, and holds it only to a meeting day', async () => {
    const today = toAmsterdamDate(new Date());
    // No meetings for the next three weeks.
    const pause = { from: addDays(today, -1), to: addDays(today, 21) };
    const added = await admin.post('/calendar/ministerraad-breaks', {
      name: 'ministerraad met reces',
      fromOn: pause.from,
      toOn: pause.to,
    });
    expect(added.status).toBe(201);
    try {
      const nota = await flow.registerAndSubmit({
        route: { ...DEMO_ROUTE, reviewers: ['jenv.dg'], coSigners: [], ministerraad: true },
      });
      await flow.decide('dg', nota.id, 'approve');
      await flow.decide('bewindspersoon', nota.id, 'approve');
      const [task] = await flow.openTasks('mr', nota.id);
      const firstAfterBreak = nextMinisterraad(today, { breaks: [pause] });
      expect(firstAfterBreak > pause.to).toBe(true);
      expect(task.meetingOn).toBe(firstAfterBreak);

      const refusedFor = async (nextMeeting: string) => {
        const reply = await flow.tryDecide('mr', nota.id, 'hold', { nextMeeting });
        expect(reply.status).toBe(400);
        expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        return reply.body.errors.map((e: { name: string }) => e.name);
      };
      // A Saturday, and a Friday within a break: the ministerraad does not meet then.
      expect(await refusedFor(addDays(firstAfterBreak, 1))).toEqual(['nextMeeting']);
      const secondPause = { from: addDays(firstAfterBreak, 6), to: addDays(firstAfterBreak, 8) };
      await admin.post('/calendar/ministerraad-breaks', {
        name: 'tweede pauze',
        fromOn: secondPause.from,
        toOn: secondPause.to,
      });
      expect(await refusedFor(addDays(firstAfterBreak, 7))).toEqual(['nextMeeting']);
      const [stillOpen] = await flow.openTasks('mr', nota.id);
      expect(stillOpen).toMatchObject({ id: task.id, status: 'open' });

      const meetingAfter = nextMinisterraad(secondPause.to, { breaks: [pause, secondPause] });
      const held = await flow.decide('mr', nota.id, 'hold', { nextMeeting: meetingAfter });
      expect(held.task).toMatchObject({ decision: 'hold', status: 'done' });
      const [heldOver] = await flow.openTasks('mr', nota.id);
      expect(heldOver.meetingOn).toBe(meetingAfter);
    } finally {
      for (const b of (await admin.get('/calendar/ministerraad-breaks')).body) {
        if (b.fromOn >= pause.from) await admin.request('DELETE', `/calendar/ministerraad-breaks/${b.id}`);
      }
    }
  });
});
