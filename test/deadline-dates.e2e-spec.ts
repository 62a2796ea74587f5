import { startTestApp, type TestApp } from './support/app';
import { ApiClient, type Reply } from './support/http';
import { FlowDriver } from './support/flow-driver';

/**
 * Where a deadline's date comes from, through HTTP: a date, none yet ("z.s.m."), a statutory term with the
 * uitstelbericht that extends it, or an event of the Kamer's calendar that an administrator keeps as data; and the
 * Kamerstukken and dossier it concerns, in the Kamer's spelling.
 */
describe('deadline dates through the HTTP API', () => {
  let app: TestApp;
  let flow: FlowDriver;
  let admin: ApiClient;

  beforeAll(async () => {
    app = await startTestApp({ worker: false });
    flow = await FlowDriver.create(app.baseUrl);
    admin = await ApiClient.login(app.baseUrl, 'az.admin');
  });
  afterAll(async () => {
    await app?.close();
  });

  const create = async (body: Record<string, unknown>) => {
    const reply = await flow.as.staff.post('/deadlines', body);
    if (reply.status !== 201) throw new Error(`create: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body;
  };
  const get = async (id: string) => (await flow.as.staff.get(`/deadlines/${id}`)).body;
  const expectProblem = (reply: Reply, status: number, code: string, fields?: Record<string, string>) => {
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
    expect({ status: reply.status, code: reply.body.code }).toEqual({ status, code });
    if (fields) {
      const named = Object.fromEntries(
        (reply.body.errors as { name: string; code: string }[]).map((e) => [e.name, e.code]),
      );
      expect(named).toEqual(fields);
    }
  };

  it('takes a deadline without a date ("z.s.m.") and the new kinds', async () => {
    for (const kind of ['schriftelijk_overleg', 'tweeminutendebat', 'commissieverzoek']) {
      const deadline = await create({ kind, title: `Zo spoedig mogelijk: ${kind}` });
      expect(deadline).toMatchObject({ kind, dueOn: null, originalDueOn: null, anchor: null, status: 'open' });
    }
  });

  it('keeps dossiers and Kamerstukken in the Kamer’s spelling, however they are typed', async () => {
    const deadline = await create({
      kind: 'toezegging',
      title: 'Verslag commissiedebat mensenhandel van 19 januari 2023',
      dueOn: '2023-03-22',
      dossier: '28638',
      kamerstukken: [{ dossier: ' 28 638 ', number: 216 }],
    });
    expect(deadline).toMatchObject({ dossier: '28 638', kamerstukken: [{ dossier: '28 638', number: 216 }] });
    const listed = await flow.as.staff.get('/deadlines?dossier=28638');
    expect(listed.body.map((d: any) => d.id)).toContain(deadline.id);

    expectProblem(
      await flow.as.staff.post('/deadlines', {
        kind: 'toezegging',
        title: 'x',
        dossier: '2863',
        kamerstukken: [{ dossier: 'mensenhandel', number: 0 }],
      }),
      400,
      'validation_failed',
      { dossier: 'bad_format', 'kamerstukken[0].dossier': 'bad_format', 'kamerstukken[0].number': expect.any(String) },
    );
  });

  describe('the Kamervragen term and its uitstelbericht', () => {
    const kamervragen = (presetFrom: string) =>
      create({ kind: 'kamervragen', title: `Kamervragen ontvangen ${presetFrom}`, preset: 'kamervragen', presetFrom });

    it('ends three weeks after receipt, past the Christmas of 2024 and its equated Friday', async () => {
      // Three weeks from Friday 6 December 2024 end on Friday 27 December, equated with a holiday: Monday the 30th.
      expect((await kamervragen('2024-12-06')).dueOn).toBe('2024-12-30');
      // From Friday 13 December: 3 January 2025.
      expect((await kamervragen('2024-12-13')).dueOn).toBe('2025-01-03');
    });

    it('moves the term to six weeks from receipt at once when the uitstelbericht is sent within three', async () => {
      const deadline = await kamervragen('2024-05-16');
      expect(deadline).toMatchObject({ dueOn: '2024-06-06', preset: 'kamervragen', presetFrom: '2024-05-16' });
      const reasons = 'De beantwoording vraagt afstemming met het ministerie van SZW.';
      const extended = await flow.as.staff.post(`/deadlines/${deadline.id}/extensions`, {
        sentOn: '2024-05-31',
        reasons,
      });
      expect(extended.status).toBe(200);
      expect(extended.body).toMatchObject({
        dueOn: '2024-06-27',
        extendedOn: '2024-05-31',
        extensionReasons: reasons,
        status: 'open',
      });
      expect((await get(deadline.id)).dueOn).toBe('2024-06-27');
      expectProblem(
        await flow.as.staff.post(`/deadlines/${deadline.id}/extensions`, { sentOn: '2024-06-03', reasons }),
        409,
        'deadline_already_extended',
      );
    });

    it('refuses an uitstelbericht sent after the three weeks, with its reason', async () => {
      const deadline = await kamervragen('2024-05-16');
      const late = await flow.as.staff.post(`/deadlines/${deadline.id}/extensions`, {
        sentOn: '2024-06-07',
        reasons: 'Te laat.',
      });
      expectProblem(late, 409, 'extension_notice_too_late');
      expect(late.body).toMatchObject({ firstTermEndsOn: '2024-06-06', sentOn: '2024-06-07' });
      expect((await get(deadline.id)).dueOn).toBe('2024-06-06');
    });

    it('refuses a notice on a deadline without a term, and bad notices', async () => {
      const plain = await create({ kind: 'toezegging', title: 'Brief', dueOn: '2024-06-06' });
      expectProblem(
        await flow.as.staff.post(`/deadlines/${plain.id}/extensions`, { sentOn: '2024-05-31', reasons: 'x' }),
        409,
        'deadline_not_extendable',
      );
      const deadline = await kamervragen('2024-05-16');
      const notice = (body: Record<string, unknown>) =>
        flow.as.staff.post(`/deadlines/${deadline.id}/extensions`, { sentOn: '2024-05-31', reasons: 'x', ...body });
      expectProblem(await notice({ sentOn: '2024-05-15' }), 400, 'validation_failed', { sentOn: 'before_receipt' });
      expectProblem(await notice({ sentOn: '2099-01-02' }), 400, 'validation_failed', { sentOn: 'in_the_future' });
      expectProblem(await notice({ extensionDays: 14 }), 400, 'validation_failed', {
        extensionDays: 'extension_fixed',
      });
      expectProblem(await notice({ sentOn: '31-05-2024', reasons: ' ', extensionDays: 0 }), 400, 'validation_failed', {
        sentOn: expect.any(String),
        reasons: expect.any(String),
        extensionDays: expect.any(String),
      });
      expectProblem(
        await flow.as.staff.post('/deadlines/7d9f2b8e-0000-4000-8000-000000000000/extensions', {
          sentOn: '2024-05-31',
          reasons: 'x',
        }),
        404,
        'deadline_not_found',
      );
    });
  });

  describe("dates tied to the Kamer's calendar", () => {
    it('dates "vóór het zomerreces" and "na het kerstreces" from the recesses', async () => {
      // Zomerreces 2024: vrijdag 5 juli t/m maandag 2 september 2024.
      const before = await create({
        kind: 'toezegging',
        title: 'Voortgangsbrief vóór het zomerreces',
        anchor: { event: 'zomerreces', year: 2024, relation: 'before' },
      });
      expect(before).toMatchObject({
        dueOn: '2024-07-04',
        originalDueOn: '2024-07-04',
        anchor: { event: 'zomerreces', year: 2024, relation: 'before' },
      });
      // Kerstreces 2023-2024: 22 December 2023 to 15 January 2024.
      const after = await create({
        kind: 'toezegging',
        title: 'Brief na het kerstreces',
        anchor: { event: 'kerstreces', year: 2023, relation: 'after' },
      });
      expect(after.dueOn).toBe('2024-01-16');
      // The APB of 2023 (20 and 21 September), and Prinsjesdag, which follows from the Grondwet.
      expect(
        (
          await create({
            kind: 'toezegging',
            title: 'Vóór de APB',
            anchor: { event: 'algemene_politieke_beschouwingen', year: 2023, relation: 'before' },
          })
        ).dueOn,
      ).toBe('2023-09-19');
      expect(
        (
          await create({
            kind: 'toezegging',
            title: 'Vóór Prinsjesdag',
            anchor: { event: 'prinsjesdag', year: 2024, relation: 'before' },
          })
        ).dueOn,
      ).toBe('2024-09-16');
    });

    it('asks which begrotingsbehandeling when the year holds two, and takes the vergaderjaar', async () => {
      // JenV's budget was treated on 7-8 February 2024 (2023-2024) and 20-21 November 2024 (2024-2025).
      const anchor = { event: 'begrotingsbehandeling', year: 2024, relation: 'after' };
      expectProblem(
        await flow.as.staff.post('/deadlines', { kind: 'commissiedebat', title: 'x', anchor }),
        400,
        'validation_failed',
        { 'anchor.vergaderjaar': 'anchor_ambiguous' },
      );
      const deadline = await create({
        kind: 'commissiedebat',
        title: 'Commissiedebat mensenhandel, tot na de begrotingsbehandeling',
        anchor: { ...anchor, vergaderjaar: '2023-2024' },
      });
      expect(deadline.dueOn).toBe('2024-02-09');
    });

    it('leaves the date open while the data lacks the event, and follows an administrator’s changes', async () => {
      const deadline = await create({
        kind: 'toezegging',
        title: 'Vóór het zomerreces 2031',
        anchor: { event: 'zomerreces', year: 2031, relation: 'before' },
      });
      expect(deadline).toMatchObject({ dueOn: null, originalDueOn: null });

      const recess = await admin.post('/calendar/recesses', {
        name: 'zomerreces 2031',
        fromOn: '2031-07-04',
        toOn: '2031-09-01',
      });
      expect(recess.status).toBe(201);
      expect(await get(deadline.id)).toMatchObject({ dueOn: '2031-07-03', originalDueOn: '2031-07-03' });

      expect((await admin.request('DELETE', `/calendar/recesses/${recess.body.id}`)).status).toBe(204);
      expect(await get(deadline.id)).toMatchObject({ dueOn: null, originalDueOn: null });
    });

    it('refuses a bad anchor, and an anchor beside a date', async () => {
      const post = (anchor: unknown, extra: Record<string, unknown> = {}) =>
        flow.as.staff.post('/deadlines', { kind: 'toezegging', title: 'x', anchor, ...extra });
      expectProblem(
        await post({ event: 'paasreces', year: 'x', relation: 'around', vergaderjaar: '2024' }),
        400,
        'validation_failed',
        {
          'anchor.event': 'not_one_of',
          'anchor.year': expect.any(String),
          'anchor.relation': 'not_one_of',
          'anchor.vergaderjaar': expect.any(String),
        },
      );
      expectProblem(
        await post({ event: 'zomerreces', year: 2024, relation: 'before' }, { dueOn: '2024-07-01' }),
        400,
        'validation_failed',
        { dueOn: 'conflicts_with' },
      );
      expectProblem(
        await post(
          { event: 'zomerreces', year: 2024, relation: 'before' },
          { preset: 'kamervragen', presetFrom: '2024-05-16' },
        ),
        400,
        'validation_failed',
        { preset: 'conflicts_with' },
      );
    });
  });
});
