import { startTestApp, type TestApp } from './support/app';
import { ApiClient } from './support/http';
import { expectFieldsRefused, namedFields } from './support/problems';

describe('the calendar API', () => {
  let app: TestApp;
  let staff: ApiClient;
  let admin: ApiClient;

  beforeAll(async () => {
    app = await startTestApp({ worker: false });
    [staff, admin] = await Promise.all([
      ApiClient.login(app.baseUrl, 'jenv.staff'),
      ApiClient.login(app.baseUrl, 'az.admin'),
    ]);
  });
  afterAll(async () => {
    await app?.close();
  });

  const date = async (path: string) => {
    const reply = await staff.get(path);
    expect(reply.status).toBe(200);
    return reply.body.date as string;
  };

  it('needs authentication like every route', async () => {
    const reply = await new ApiClient(app.baseUrl).get('/calendar/add-working-days?from=2024-05-08&days=1');
    expect(reply.status).toBe(401);
    expect((await new ApiClient(app.baseUrl).get('/calendar/recesses')).status).toBe(401);
  });

  it('adds working days, skipping weekends and the public holidays', async () => {
    // Koningsdag 2025 is Saturday 26 April (the 27th is a Sunday): Monday the 28th is an ordinary working day.
    expect(await date('/calendar/add-working-days?from=2025-04-25&days=1')).toBe('2025-04-28');
    expect(await date('/calendar/add-working-days?from=2025-04-24&days=2')).toBe('2025-04-28');
    // Koningsdag on a Thursday (2023), and the Friday after it equated with a holiday by decree (ATW art. 3 lid 3).
    expect(await date('/calendar/add-working-days?from=2023-04-26&days=1')).toBe('2023-05-01');
    // 5 May counts as a holiday every year, not only in a lustrum year: Friday 5 May 2023.
    expect(await date('/calendar/add-working-days?from=2023-05-04&days=1')).toBe('2023-05-08');
    // Eerste and Tweede Kerstdag, Nieuwjaarsdag.
    expect(await date('/calendar/add-working-days?from=2023-12-22&days=3')).toBe('2023-12-29');
    expect(await date('/calendar/add-working-days?from=2023-12-22&days=5')).toBe('2024-01-03');
    // Hemelvaartsdag 2024-05-09 and the Friday after it, equated by decree, forwards and backwards.
    expect(await date('/calendar/add-working-days?from=2024-05-08&days=1')).toBe('2024-05-13');
    expect(await date('/calendar/add-working-days?from=2024-05-13&days=-1')).toBe('2024-05-08');
    // Hemelvaartsdag 2021 (13 May): no decree day is known for 2021, so the Friday counts.
    expect(await date('/calendar/add-working-days?from=2021-05-12&days=1')).toBe('2021-05-14');
    // 0 days: the day itself when it is a working day, else the next one (Algemene termijnenwet art. 1).
    expect(await date('/calendar/add-working-days?from=2024-05-08&days=0')).toBe('2024-05-08');
    expect(await date('/calendar/add-working-days?from=2024-05-11&days=0')).toBe('2024-05-13');
    expect(await date('/calendar/add-working-days?from=2024-05-08&days=3650')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('refuses bad input with a problem naming the field', async () => {
    const cases: [string, string[]][] = [
      ['/calendar/add-working-days?from=2023-02-30&days=1', ['from']],
      ['/calendar/add-working-days?from=2023-02-03&days=abc', ['days']],
      ['/calendar/add-working-days?from=2023-02-03&days=99999', ['days']],
      ['/calendar/add-working-days?from=2023-02-03&days=-3651', ['days']],
      ['/calendar/add-working-days?from=2023-02-03&days=1.5', ['days']],
      ['/calendar/add-working-days?from=2023-02-03&days=', ['days']],
      ['/calendar/add-working-days?from=2023-02-03&days=0x10', ['days']],
      ['/calendar/add-working-days', ['from', 'days']],
      ['/calendar/ministerraad', ['after']],
      ['/calendar/ministerraad?after=24-06-2024', ['after']],
      ['/calendar/backward-plan?route=decision', ['target']],
      ['/calendar/backward-plan?target=2024-06-21&route=initialling,approval', ['route']],
      ['/calendar/backward-plan?target=2024-06-21&route=decision,decision', ['route']],
      ['/calendar/backward-plan?target=2024-06-21&route=co-signing:0', ['route']],
      ['/calendar/backward-plan?target=2024-06-21&route=co-signing:x', ['route']],
      ['/calendar/backward-plan?target=2024-06-21&route=ministerraad:3', ['route']],
      ['/calendar/working-days?from=2024-05-01', ['to']],
      ['/calendar/vergaderjaar?date=2024-13-01', ['date']],
    ];
    for (const [path, fields] of cases) expectFieldsRefused(path, await staff.get(path), fields);
  });

  it('finds the next ministerraad Friday, skipping its breaks and public holidays', async () => {
    // The summer break of 2022 is 16 July..14 August: Friday 15 July still meets, the next meeting is 19 August.
    expect(await date('/calendar/ministerraad?after=2022-07-14')).toBe('2022-07-15');
    expect(await date('/calendar/ministerraad?after=2022-07-15')).toBe('2022-08-19');
    // Strictly after: a Friday asks for the next week's meeting.
    expect(await date('/calendar/ministerraad?after=2024-06-14')).toBe('2024-06-21');
    // Goede Vrijdag: 29 March 2024 and 7 April 2023.
    expect(await date('/calendar/ministerraad?after=2024-03-28')).toBe('2024-04-05');
    expect(await date('/calendar/ministerraad?after=2023-04-06')).toBe('2023-04-14');
  });

  it('counts working days and names the vergaderjaar', async () => {
    expect((await staff.get('/calendar/working-days?from=2024-05-01&to=2024-05-31')).body).toEqual({ workingDays: 19 });
    // Hemelvaartsdag (9 May) and the Friday after it, equated by decree.
    expect((await staff.get('/calendar/working-days?from=2024-05-31&to=2024-05-01')).body).toEqual({
      workingDays: -19,
    });
    expect((await staff.get('/calendar/vergaderjaar?date=2023-10-18')).body).toEqual({
      vergaderjaar: '2023-2024',
      startsOn: '2023-09-19',
    });
    expect((await staff.get('/calendar/vergaderjaar?date=2023-09-18')).body).toEqual({
      vergaderjaar: '2022-2023',
      startsOn: '2022-09-20',
    });
  });

  it('plans the Versterkt Actieplan backwards from 21 June 2024', async () => {
    const reply = await staff.get(
      '/calendar/backward-plan?target=2024-06-21&route=initialling,decision,co-signing,ministerraad,dispatch',
    );
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      target: '2024-06-21',
      stages: [
        { stage: 'initialling', workingDays: 2, latestStart: '2024-05-24', latestEnd: '2024-05-27' },
        { stage: 'decision', workingDays: 3, latestStart: '2024-05-28', latestEnd: '2024-05-30' },
        { stage: 'co-signing', workingDays: 10, latestStart: '2024-05-31', latestEnd: '2024-06-13' },
        // The real ministerraad of the Versterkt Actieplan: Friday 14 June 2024.
        { stage: 'ministerraad', workingDays: 1, latestStart: '2024-06-14', latestEnd: '2024-06-14' },
        { stage: 'dispatch', workingDays: 2, latestStart: '2024-06-20', latestEnd: '2024-06-21' },
      ],
      startBy: '2024-05-24',
    });
    // The full route is the default; an override changes one stage's service level.
    expect((await staff.get('/calendar/backward-plan?target=2024-06-21')).body).toEqual(reply.body);
    const longer = await staff.get('/calendar/backward-plan?target=2024-06-21&route=decision,co-signing:15,dispatch');
    expect(longer.body).toEqual({
      target: '2024-06-21',
      stages: [
        { stage: 'decision', workingDays: 3, latestStart: '2024-05-27', latestEnd: '2024-05-29' },
        { stage: 'co-signing', workingDays: 15, latestStart: '2024-05-30', latestEnd: '2024-06-19' },
        { stage: 'dispatch', workingDays: 2, latestStart: '2024-06-20', latestEnd: '2024-06-21' },
      ],
      startBy: '2024-05-27',
    });
    // A target on a Sunday is met by the Friday before it.
    const sunday = await staff.get('/calendar/backward-plan?target=2024-06-23&route=dispatch');
    expect(sunday.body.stages).toEqual([
      { stage: 'dispatch', workingDays: 2, latestStart: '2024-06-20', latestEnd: '2024-06-21' },
    ]);
  });

  it('lets an admin maintain the recesses; others may only read them', async () => {
    const seeded = await staff.get('/calendar/recesses');
    expect(seeded.status).toBe(200);
    expect(seeded.body.map((r: any) => [r.name, r.fromOn, r.toOn])).toEqual([
      ['meireces 2023', '2023-04-21', '2023-05-08'],
      ['zomerreces 2023', '2023-07-07', '2023-09-04'],
      ['herfstreces 2023', '2023-10-13', '2023-10-23'],
      ['kerstreces 2023-2024', '2023-12-22', '2024-01-15'],
      ['voorjaarsreces 2024', '2024-02-16', '2024-02-26'],
      ['meireces 2024', '2024-04-26', '2024-05-13'],
      ['zomerreces 2024', '2024-07-05', '2024-09-02'],
      ['kerstreces 2025-2026', '2025-12-19', '2026-01-12'],
    ]);
    // Each seeded recess says where it was read.
    for (const recess of seeded.body) expect(recess.source).toEqual(expect.stringMatching(/\S/));

    const recess = { name: 'herfstreces 2024', fromOn: '2024-10-18', toOn: '2024-10-28' };
    const forbidden = await staff.post('/calendar/recesses', recess);
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get('content-type')).toContain('application/problem+json');

    const created = await admin.post('/calendar/recesses', recess);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), ...recess, source: null });
    expect((await staff.get('/calendar/recesses')).body).toContainEqual(created.body);

    // Overlapping another recess, or starting on the same day: 409.
    for (const clash of [
      { name: 'dubbel', fromOn: '2024-10-18', toOn: '2024-10-19' },
      { name: 'overlap', fromOn: '2024-10-01', toOn: '2024-10-18' },
      { name: 'zomer', fromOn: '2024-09-02', toOn: '2024-09-03' },
    ]) {
      const reply = await admin.post('/calendar/recesses', clash);
      expect({ clash, status: reply.status }).toEqual({ clash, status: 409 });
      expect(reply.headers.get('content-type')).toContain('application/problem+json');
    }
    // A ministerraad break is another kind: it may overlap a recess.
    const mrBreak = await admin.post('/calendar/ministerraad-breaks', {
      name: 'herfst',
      fromOn: '2024-10-21',
      toOn: '2024-10-25',
    });
    expect(mrBreak.status).toBe(201);
    expect((await admin.request('DELETE', `/calendar/ministerraad-breaks/${mrBreak.body.id}`)).status).toBe(204);

    const invalid = await admin.post('/calendar/recesses', { name: ' ', fromOn: '2025-10-20', toOn: '2025-10-10' });
    expect(invalid.status).toBe(400);
    expect(namedFields(invalid)).toEqual(['name']);
    const reversed = await admin.post('/calendar/recesses', { name: 'x', fromOn: '2025-10-20', toOn: '2025-10-10' });
    expect(reversed.status).toBe(400);
    expect(namedFields(reversed)).toEqual(['toOn']);
    const unknown = await admin.post('/calendar/recesses', { ...recess, fromOn: '2025-02-30', kind: 'x' });
    expect(unknown.status).toBe(400);
    expect(namedFields(unknown)).toEqual(['fromOn', 'kind']);

    expect((await staff.request('DELETE', `/calendar/recesses/${created.body.id}`)).status).toBe(403);
    // A recess id is not a ministerraad break.
    expect((await admin.request('DELETE', `/calendar/ministerraad-breaks/${created.body.id}`)).status).toBe(404);
    expect((await admin.request('DELETE', `/calendar/recesses/${created.body.id}`)).status).toBe(204);
    expect((await admin.request('DELETE', `/calendar/recesses/${created.body.id}`)).status).toBe(404);
    expect((await admin.request('DELETE', '/calendar/recesses/not-a-uuid')).status).toBe(404);
    expect((await staff.get('/calendar/recesses')).body).toHaveLength(8);
  });

  it('uses a ministerraad break added through the API', async () => {
    expect(await date('/calendar/ministerraad?after=2030-07-10')).toBe('2030-07-12');
    const plan = async () =>
      (await staff.get('/calendar/backward-plan?target=2030-08-06&route=ministerraad,dispatch')).body.stages[0];
    expect(await plan()).toMatchObject({ stage: 'ministerraad', latestStart: '2030-08-02' });

    const breaks = await staff.get('/calendar/ministerraad-breaks');
    expect(breaks.body.map((b: any) => [b.fromOn, b.toOn])).toEqual([
      ['2018-07-14', '2018-08-16'],
      ['2022-07-16', '2022-08-14'],
      ['2023-07-15', '2023-08-17'],
      ['2024-07-13', '2024-08-15'],
    ]);
    expect(
      (await staff.post('/calendar/ministerraad-breaks', { name: 'x', fromOn: '2030-07-06', toOn: '2030-08-25' }))
        .status,
    ).toBe(403);
    const added = await admin.post('/calendar/ministerraad-breaks', {
      name: 'zomerreces ministerraad 2030',
      fromOn: '2030-07-06',
      toOn: '2030-08-25',
    });
    expect(added.status).toBe(201);
    expect(await date('/calendar/ministerraad?after=2030-07-10')).toBe('2030-08-30');
    // Backwards, the last meeting before the break.
    expect(await plan()).toMatchObject({ stage: 'ministerraad', latestStart: '2030-07-05' });

    expect((await admin.request('DELETE', `/calendar/ministerraad-breaks/${added.body.id}`)).status).toBe(204);
    expect(await date('/calendar/ministerraad?after=2030-07-10')).toBe('2030-07-12');
  });

  it('publishes the calendar routes in the OpenAPI document', async () => {
    const doc = await new ApiClient(app.baseUrl).get('/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/calendar/add-working-days',
        '/api/v1/calendar/ministerraad',
        '/api/v1/calendar/backward-plan',
        '/api/v1/calendar/recesses',
        '/api/v1/calendar/recesses/{id}',
        '/api/v1/calendar/ministerraad-breaks',
        '/api/v1/calendar/ministerraad-breaks/{id}',
      ]),
    );
  });
});
