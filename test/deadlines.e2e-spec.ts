import { presetDueOn, presets } from '@notaflow/calendar';
import { startTestApp, type TestApp } from './support/app';
import { FlowDriver } from './support/flow-driver';

describe('deadlines and postponements through the HTTP API', () => {
  let app: TestApp;
  let flow: FlowDriver;

  beforeAll(async () => {
    app = await startTestApp({ worker: false });
    flow = await FlowDriver.create(app.baseUrl);
  });
  afterAll(async () => {
    await app?.close();
  });

  const create = async (body: Record<string, unknown>, who: 'staff' | 'management' = 'staff') => {
    const reply = await flow.as[who].post('/deadlines', body);
    if (reply.status !== 201) throw new Error(`create: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body;
  };
  const commissiedebat = (overrides: Record<string, unknown> = {}) =>
    create({
      kind: 'commissiedebat',
      title: 'Commissiedebat prostitutiebeleid en mensenhandel',
      dueOn: '2023-10-12',
      dossier: '28 638',
      ...overrides,
    });
  const fieldsOf = (body: any) => (body.errors ?? []).map((e: { name: string }) => e.name);

  it('postpones the commissiedebat of 12 October 2023 until after the begrotingsbehandeling (seed 000)', async () => {
    const nota = await flow.register({ title: 'Uitstel commissiedebat mensenhandel', dueOn: '2023-09-22' });
    const deadline = await commissiedebat({ notaId: nota.id });
    expect(deadline).toMatchObject({
      kind: 'commissiedebat',
      dueOn: '2023-10-12',
      originalDueOn: '2023-10-12',
      dossier: '28 638',
      notaId: nota.id,
      recurrence: null,
      previousId: null,
      status: 'open',
      organisation: 'JENV',
      reminderLeadWorkingDays: [10, 5, 1],
      createdBy: 'jenv.staff',
      postponements: [],
    });

    const requested = await flow.as.staff.post(`/deadlines/${deadline.id}/postponements`, {
      requestedDueOn: '2023-11-30',
      reason: 'Het actieplan is nog niet gereed; debat na de begrotingsbehandeling',
      notaId: nota.id,
    });
    expect(requested.status).toBe(201);
    expect(requested.body).toMatchObject({
      deadlineId: deadline.id,
      status: 'requested',
      requestedDueOn: '2023-11-30',
      notaId: nota.id,
      newDueOn: null,
      requestedBy: 'jenv.staff',
      decidedAt: null,
    });

    // The committee plans the debate in December: the ministry records the date it granted.
    const granted = await flow.as.management.post(`/postponements/${requested.body.id}/outcome`, {
      outcome: 'granted',
      newDueOn: '2023-12-21',
    });
    expect(granted.status).toBe(200);
    expect(granted.body.postponement).toMatchObject({
      status: 'granted',
      newDueOn: '2023-12-21',
      decidedBy: 'jenv.management',
    });
    expect(granted.body.deadline).toMatchObject({ dueOn: '2023-12-21', originalDueOn: '2023-10-12', status: 'open' });

    const again = await flow.as.staff.post(`/postponements/${requested.body.id}/outcome`, { outcome: 'refused' });
    expect(again.status).toBe(409);

    // A second request later on; granted without a date moves to the requested one. History keeps both.
    const second = await flow.as.staff.post(`/deadlines/${deadline.id}/postponements`, {
      requestedDueOn: '2024-01-18',
      reason: 'Kerstreces',
    });
    expect(second.status).toBe(201);
    const granted2 = await flow.as.staff.post(`/postponements/${second.body.id}/outcome`, { outcome: 'granted' });
    expect(granted2.status).toBe(200);
    expect(granted2.body.deadline).toMatchObject({ dueOn: '2024-01-18', originalDueOn: '2023-10-12' });

    const read = await flow.as.directeur.get(`/deadlines/${deadline.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ dueOn: '2024-01-18', originalDueOn: '2023-10-12' });
    expect(read.body.postponements.map((p: any) => [p.status, p.requestedDueOn, p.newDueOn])).toEqual([
      ['granted', '2023-11-30', '2023-12-21'],
      ['granted', '2024-01-18', '2024-01-18'],
    ]);
  });

  it('records a refusal without moving the deadline', async () => {
    const deadline = await commissiedebat();
    const requested = await flow.as.staff.post(`/deadlines/${deadline.id}/postponements`, {
      requestedDueOn: '2023-11-30',
      reason: 'Actieplan niet gereed',
    });
    expect(requested.status).toBe(201);
    const withDate = await flow.as.staff.post(`/postponements/${requested.body.id}/outcome`, {
      outcome: 'refused',
      newDueOn: '2023-11-30',
    });
    expect(withDate.status).toBe(400);
    expect(fieldsOf(withDate.body)).toEqual(['newDueOn']);
    const refused = await flow.as.staff.post(`/postponements/${requested.body.id}/outcome`, { outcome: 'refused' });
    expect(refused.status).toBe(200);
    expect(refused.body.postponement).toMatchObject({ status: 'refused', newDueOn: null, decidedBy: 'jenv.staff' });
    expect(refused.body.deadline).toMatchObject({ dueOn: '2023-10-12', originalDueOn: '2023-10-12' });
    expect(
      (await flow.as.staff.post(`/postponements/${requested.body.id}/outcome`, { outcome: 'granted' })).status,
    ).toBe(409);
    // After a refusal, a new request may be made.
    const next = await flow.as.staff.post(`/deadlines/${deadline.id}/postponements`, {
      requestedDueOn: '2023-10-26',
      reason: 'Twee weken later',
    });
    expect(next.status).toBe(201);
  });

  it('refuses a second pending request, also when two arrive at once', async () => {
    const deadline = await commissiedebat();
    const body = { requestedDueOn: '2023-11-30', reason: 'Actieplan niet gereed' };
    const first = await flow.as.staff.post(`/deadlines/${deadline.id}/postponements`, body);
    expect(first.status).toBe(201);
    const second = await flow.as.management.post(`/deadlines/${deadline.id}/postponements`, body);
    expect(second.status).toBe(409);
    expect(second.headers.get('content-type')).toContain('application/problem+json');

    const other = await commissiedebat();
    const replies = await Promise.all(
      [flow.as.staff, flow.as.management, flow.as.staff].map((client) =>
        client.post(`/deadlines/${other.id}/postponements`, body),
      ),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    const rows = await app.dataSource.query(
      `SELECT count(*)::int AS n FROM postponements WHERE deadline_id = $1 AND status = 'requested'`,
      [other.id],
    );
    expect(rows[0].n).toBe(1);
  });

  it('refuses a postponement to a date not after the due date, and of a closed deadline', async () => {
    const deadline = await commissiedebat();
    for (const requestedDueOn of ['2023-10-12', '2023-10-01']) {
      const reply = await flow.as.staff.post(`/deadlines/${deadline.id}/postponements`, {
        requestedDueOn,
        reason: 'x',
      });
      expect(reply.status).toBe(400);
      expect(fieldsOf(reply.body)).toEqual(['requestedDueOn']);
    }
    const cancelled = await flow.as.staff.post(`/deadlines/${deadline.id}/status`, { status: 'cancelled' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ deadline: { status: 'cancelled' }, nextOccurrence: null });
    const late = await flow.as.staff.post(`/deadlines/${deadline.id}/postponements`, {
      requestedDueOn: '2023-11-30',
      reason: 'x',
    });
    expect(late.status).toBe(409);
    expect((await flow.as.staff.post(`/deadlines/${deadline.id}/status`, { status: 'met' })).status).toBe(409);
  });

  it('creates the next occurrence of a P2Y reporting deadline once, when it is met', async () => {
    const report = await create({
      kind: 'reporting',
      title: 'Voortgangsrapportage Samen tegen mensenhandel',
      dueOn: '2024-06-17',
      dossier: '28 638',
      recurrence: 'P2Y',
    });
    expect(report.recurrence).toBe('P2Y');
    const met = await flow.as.staff.post(`/deadlines/${report.id}/status`, { status: 'met' });
    expect(met.status).toBe(200);
    expect(met.body.deadline).toMatchObject({ id: report.id, status: 'met' });
    expect(met.body.nextOccurrence).toMatchObject({
      dueOn: '2026-06-17',
      originalDueOn: '2026-06-17',
      recurrence: 'P2Y',
      previousId: report.id,
      status: 'open',
      kind: 'reporting',
      dossier: '28 638',
    });

    const twice = await flow.as.management.post(`/deadlines/${report.id}/status`, { status: 'met' });
    expect(twice.status).toBe(200);
    expect(twice.body.nextOccurrence.id).toBe(met.body.nextOccurrence.id);
    const rows = await app.dataSource.query(`SELECT count(*)::int AS n FROM deadlines WHERE previous_id = $1`, [
      report.id,
    ]);
    expect(rows[0].n).toBe(1);

    const listed = await flow.as.staff.get(`/deadlines?dossier=${encodeURIComponent('28 638')}&kind=reporting`);
    expect(listed.status).toBe(200);
    expect(listed.body.map((d: any) => [d.dueOn, d.status])).toEqual(
      expect.arrayContaining([
        ['2024-06-17', 'met'],
        ['2026-06-17', 'open'],
      ]),
    );
  });

  it('computes due dates from the Kamervragen and Woo presets (libs/calendar)', async () => {
    const kamervragen = await create({
      kind: 'kamervragen',
      title: 'Schriftelijk overleg mensenhandel',
      preset: 'kamervragen',
      presetFrom: '2024-05-16',
    });
    expect(kamervragen.dueOn).toBe('2024-06-06');
    expect(kamervragen.dueOn).toBe(presetDueOn(presets.kamervragen, '2024-05-16'));
    // The uitstelbericht is a notice recorded later (POST /deadlines/{id}/extensions), not a flag at registration.
    const flagged = await flow.as.staff.post('/deadlines', {
      kind: 'kamervragen',
      title: 'x',
      preset: 'kamervragen',
      presetFrom: '2024-05-16',
      presetExtended: true,
    });
    expect(flagged.status).toBe(400);
    expect(fieldsOf(flagged.body)).toEqual(['presetExtended']);
    const woo = await create({ kind: 'other', title: 'Woo-verzoek', preset: 'woo', presetFrom: '2024-05-16' });
    expect(woo.dueOn).toBe(presetDueOn(presets.wooBesluit, '2024-05-16'));

    const agreeing = await flow.as.staff.post('/deadlines', {
      kind: 'kamervragen',
      title: 'x',
      preset: 'kamervragen',
      presetFrom: '2024-05-16',
      dueOn: '2024-06-06',
    });
    expect(agreeing.status).toBe(201);
    const disagreeing = await flow.as.staff.post('/deadlines', {
      kind: 'kamervragen',
      title: 'x',
      preset: 'kamervragen',
      presetFrom: '2024-05-16',
      dueOn: '2024-06-07',
    });
    expect(disagreeing.status).toBe(400);
    expect(fieldsOf(disagreeing.body)).toEqual(['dueOn']);
    const noFrom = await flow.as.staff.post('/deadlines', { kind: 'kamervragen', title: 'x', preset: 'kamervragen' });
    expect(noFrom.status).toBe(400);
    expect(fieldsOf(noFrom.body)).toEqual(['presetFrom']);
    const noPreset = await flow.as.staff.post('/deadlines', {
      kind: 'kamervragen',
      title: 'x',
      dueOn: '2024-06-06',
      presetFrom: '2024-05-16',
    });
    expect(noPreset.status).toBe(400);
    expect(fieldsOf(noPreset.body)).toEqual(['preset']);
  });

  it.each([
    [{ dueOn: '2023-02-30' }, 'dueOn'],
    [{ dueOn: '12-10-2023' }, 'dueOn'],
    // A date and an anchor say the same thing twice; without either the deadline is "z.s.m." (dueOn null).
    [{ anchor: { event: 'zomerreces', year: 2024, relation: 'before' } }, 'dueOn'],
    [{ kind: 'debat' }, 'kind'],
    [{ title: '' }, 'title'],
    [{ recurrence: 'tweejaarlijks' }, 'recurrence'],
    [{ recurrence: 'P0Y' }, 'recurrence'],
    [{ recurrence: 'PT12H' }, 'recurrence'],
    [{ dossier: 'mensenhandel' }, 'dossier'],
    [{ notaId: 'nota-1' }, 'notaId'],
    [{ notaId: '7d9f2b8e-0000-4000-8000-000000000000' }, 'notaId'],
    [{ preset: 'wob', presetFrom: '2024-05-16' }, 'preset'],
    [{ preset: 'woo', presetFrom: '2024-02-30' }, 'presetFrom'],
    [{ originalDueOn: '2020-01-01' }, 'originalDueOn'],
    [{ status: 'met' }, 'status'],
  ])('refuses %j with a 400 naming %s', async (overrides, field) => {
    const reply = await flow.as.staff.post('/deadlines', {
      kind: 'toezegging',
      title: 'Brief voor de begrotingsbehandeling',
      dueOn: '2024-02-07',
      ...overrides,
    });
    expect(reply.status).toBe(400);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
    expect(fieldsOf(reply.body)).toContain(field);
  });

  it('validates postponements, outcomes, status changes and list filters', async () => {
    const deadline = await commissiedebat();
    const bad = await flow.as.staff.post(`/deadlines/${deadline.id}/postponements`, {
      requestedDueOn: '2023-11-31',
      reason: '',
      extra: 1,
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body).sort()).toEqual(['extra', 'reason', 'requestedDueOn']);
    const requested = await flow.as.staff.post(`/deadlines/${deadline.id}/postponements`, {
      requestedDueOn: '2023-11-30',
      reason: 'x',
    });
    const outcome = await flow.as.staff.post(`/postponements/${requested.body.id}/outcome`, {
      outcome: 'maybe',
      newDueOn: '2023-02-29',
    });
    expect(outcome.status).toBe(400);
    expect(fieldsOf(outcome.body).sort()).toEqual(['newDueOn', 'outcome']);
    const early = await flow.as.staff.post(`/postponements/${requested.body.id}/outcome`, {
      outcome: 'granted',
      newDueOn: '2023-10-01',
    });
    expect(early.status).toBe(400);
    expect(fieldsOf(early.body)).toEqual(['newDueOn']);
    const status = await flow.as.staff.post(`/deadlines/${deadline.id}/status`, { status: 'open' });
    expect(status.status).toBe(400);
    expect(fieldsOf(status.body)).toEqual(['status']);

    for (const [query, field] of [
      ['from=2023-13-01', 'from'],
      ['status=done', 'status'],
      ['kind=debat', 'kind'],
      ['from=2024-01-02&to=2024-01-01', 'to'],
      ['foo=bar', 'foo'],
    ]) {
      const reply = await flow.as.staff.get(`/deadlines?${query}`);
      expect(reply.status).toBe(400);
      expect(fieldsOf(reply.body)).toEqual([field]);
    }
    expect((await flow.as.staff.get('/deadlines/not-a-uuid')).status).toBe(404);
    expect((await flow.as.staff.get('/deadlines/7d9f2b8e-0000-4000-8000-000000000000')).status).toBe(404);
    expect(
      (await flow.as.staff.post('/postponements/7d9f2b8e-0000-4000-8000-000000000000/outcome', { outcome: 'refused' }))
        .status,
    ).toBe(404);
  });

  it('lists by due date, filtered by range and status', async () => {
    const a = await create({ kind: 'motie', title: 'Motie Bikker c.s. (28 638, nr. 238)', dueOn: '2030-03-01' });
    const b = await create({ kind: 'toezegging', title: 'Brief voor het zomerreces', dueOn: '2030-01-15' });
    await create({ kind: 'toezegging', title: 'Buiten het bereik', dueOn: '2031-01-01' });
    const reply = await flow.as.afdelingshoofd.get('/deadlines?from=2030-01-01&to=2030-12-31&status=open');
    expect(reply.status).toBe(200);
    expect(reply.body.map((d: any) => d.id)).toEqual([b.id, a.id]);
    expect(reply.body[0]).not.toHaveProperty('postponements');
  });

  it('lets drafters and managers keep deadlines, and keeps them from other organisations', async () => {
    const deadline = await commissiedebat();
    const byReviewer = await flow.as.afdelingshoofd.post('/deadlines', {
      kind: 'toezegging',
      title: 'x',
      dueOn: '2024-02-07',
    });
    expect(byReviewer.status).toBe(403);
    expect(
      await create({ kind: 'toezegging', title: 'Door management', dueOn: '2024-02-07' }, 'management'),
    ).toMatchObject({
      createdBy: 'jenv.management',
    });
    expect((await flow.as.bewindspersoon.post(`/deadlines/${deadline.id}/status`, { status: 'met' })).status).toBe(403);
    expect(
      (await flow.as.dg.post(`/deadlines/${deadline.id}/postponements`, { requestedDueOn: '2023-11-30', reason: 'x' }))
        .status,
    ).toBe(403);
    expect((await flow.as.dg.get(`/deadlines/${deadline.id}`)).status).toBe(200);

    // VWS: not its deadline, not in its list, cannot act on it.
    expect((await flow.as.vws.get(`/deadlines/${deadline.id}`)).status).toBe(403);
    const vwsList = await flow.as.vws.get('/deadlines');
    expect(vwsList.status).toBe(200);
    expect(vwsList.body.map((d: any) => d.id)).not.toContain(deadline.id);
    const requested = await flow.as.staff.post(`/deadlines/${deadline.id}/postponements`, {
      requestedDueOn: '2023-11-30',
      reason: 'x',
    });
    // A cosigner is not a drafter or manager at all; the role check answers first.
    expect((await flow.as.vws.post(`/postponements/${requested.body.id}/outcome`, { outcome: 'granted' })).status).toBe(
      403,
    );
    expect((await flow.as.vws.post('/deadlines', { kind: 'other', title: 'x', dueOn: '2024-01-01' })).status).toBe(403);
    expect((await flow.as.staff.get(`/deadlines/${deadline.id}`)).body.postponements).toHaveLength(1);

    // Once the deadline is another organisation's, JENV can neither read it nor record an outcome on it.
    await app.dataSource.query(`UPDATE deadlines SET organisation_code = 'VWS' WHERE id = $1`, [deadline.id]);
    expect((await flow.as.staff.get(`/deadlines/${deadline.id}`)).status).toBe(403);
    expect(
      (await flow.as.staff.post(`/postponements/${requested.body.id}/outcome`, { outcome: 'granted' })).status,
    ).toBe(403);
  });

  it('refuses without a token', async () => {
    const reply = await fetch(`${app.baseUrl}/api/v1/deadlines`);
    expect(reply.status).toBe(401);
  });
});
