import { amsterdamEndOfDayInstant, toAmsterdamDate } from '@notaflow/calendar';
import { startTestApp, type TestApp } from './support/app';
import { FlowDriver } from './support/flow-driver';

/** A route in its own order, and each co-signing ministry with its own term (API.md: `route.stages`). */
describe('a route in the order the nota gives it', () => {
  let app: TestApp;
  let flow: FlowDriver;

  beforeAll(async () => {
    app = await startTestApp();
    flow = await FlowDriver.create(app.baseUrl);
  });
  afterAll(async () => {
    await app?.close();
  });

  const route = {
    reviewers: ['jenv.dg'],
    decider: 'jenv.bewindspersoon',
    coSigners: ['VWS', 'BZ'],
    ministerraad: false,
    stages: ['initialling', 'co-signing', 'decision', 'dispatch'],
    coSigningDueWorkingDays: { VWS: 10, BZ: 5 },
  };

  const dueAtAfter = async (openedAt: string, workingDays: number) => {
    const from = toAmsterdamDate(openedAt);
    const { body } = await flow.as.staff.get(`/calendar/add-working-days?from=${from}&days=${workingDays}`);
    return amsterdamEndOfDayInstant(body.date).toISOString();
  };

  it('runs initialling, co-signing, decision and dispatch in that order, through HTTP to dispatched', async () => {
    const nota = await flow.register({ route });
    expect(nota.route).toEqual({ ...route, coSignersReapproveAfterNewVersion: true });
    await flow.addNotaDocument(nota.id);
    expect((await flow.as.staff.post(`/notas/${nota.id}/submit`)).body).toMatchObject({ stage: 'initialling' });

    expect((await flow.decide('dg', nota.id, 'approve')).nota).toMatchObject({ stage: 'co-signing' });
    // The bewindspersoon is not asked before the ministries have signed.
    expect(await flow.openTasks('bewindspersoon', nota.id)).toHaveLength(0);

    const { openTasks } = await flow.nota(nota.id);
    const due = Object.fromEntries(openTasks.map((t: any) => [t.organisation, t]));
    expect(Object.keys(due).sort()).toEqual(['BZ', 'VWS']);
    expect(due.VWS.dueAt).toBe(await dueAtAfter(due.VWS.createdAt, 10));
    expect(due.BZ.dueAt).toBe(await dueAtAfter(due.BZ.createdAt, 5));

    await flow.decide('bz', nota.id, 'approve');
    expect((await flow.decide('vws', nota.id, 'approve')).nota).toMatchObject({ stage: 'decision' });
    expect((await flow.decide('bewindspersoon', nota.id, 'approve')).nota).toMatchObject({ stage: 'dispatch' });
    expect((await flow.decide('staff', nota.id, 'approve')).nota).toMatchObject({ status: 'dispatched' });

    const done = await flow.nota(nota.id);
    const started = done.history.filter((e: any) => e.type === 'stage_started').map((e: any) => e.stage);
    expect(started).toEqual(['initialling', 'co-signing', 'decision', 'dispatch']);
    expect(done.route.stages).toEqual(route.stages);
  });

  it('keeps the design card order, and the default term, for a route that names no order', async () => {
    const nota = await flow.register({ route: { ...route, stages: undefined, coSigningDueWorkingDays: undefined } });
    expect(nota.route.stages).toEqual(['initialling', 'decision', 'co-signing', 'dispatch']);
    expect(nota.route).not.toHaveProperty('coSigningDueWorkingDays');
  });

  it.each([
    [
      'a stage twice',
      { stages: ['initialling', 'decision', 'decision', 'co-signing', 'dispatch'] },
      'route.stages[2]',
      'duplicate',
    ],
    [
      'dispatch before the end',
      { stages: ['initialling', 'dispatch', 'co-signing', 'decision'] },
      'route.stages[1]',
      'dispatch_not_last',
    ],
    ['no decision', { stages: ['initialling', 'co-signing', 'dispatch'] }, 'route.stages', 'stage_missing'],
    [
      'a stage without its people',
      { stages: ['initialling', 'co-signing', 'ministerraad', 'decision', 'dispatch'] },
      'route.stages[2]',
      'stage_without_participants',
    ],
    ['an unknown stage', { stages: ['initialling', 'paraaf', 'dispatch'] }, 'route.stages', 'not_one_of'],
    [
      'a term for a ministry that does not co-sign',
      { coSigningDueWorkingDays: { SZW: 5 } },
      'route.coSigningDueWorkingDays.SZW',
      'not_a_co_signer',
    ],
    [
      'a term of no working days',
      { coSigningDueWorkingDays: { VWS: 0 } },
      'route.coSigningDueWorkingDays.VWS',
      'out_of_range',
    ],
  ])('refuses %s with a 400 naming the field and its code', async (_what, change, name, code) => {
    const reply = await flow.as.staff.post('/notas', {
      title: 'Volgorde',
      route: { ...route, ...change },
    });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ code: 'validation_failed' });
    expect(reply.body.errors).toContainEqual(expect.objectContaining({ name, code }));
  });
});
