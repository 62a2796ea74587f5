import { SEARCH_MAX_LENGTH } from '@notaflow/domain';
import { startTestApp, type TestApp } from './support/app';
import { FlowDriver, type Who } from './support/flow-driver';

/** GET /api/v1/search on a real PostgreSQL and Temporal: what a user finds, and what they never do. */
describe('search through the HTTP API', () => {
  let app: TestApp;
  let flow: FlowDriver;
  const search = async (who: Who, q: string) => {
    const reply = await flow.as[who].get(`/search?q=${encodeURIComponent(q)}`);
    expect(reply.status).toBe(200);
    return reply.body.items as any[];
  };

  beforeAll(async () => {
    app = await startTestApp();
    flow = await FlowDriver.create(app.baseUrl);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('finds a nota by ons kenmerk and uw kenmerk, with its kenmerken as the passage', async () => {
    const nota = await flow.register({
      title: 'Beantwoording vragen over jeugdcriminaliteit',
      uwKenmerk: '2024Z07311',
    });
    for (const q of [nota.onsKenmerk, '2024Z07311', '2024z07311']) {
      const [first] = await search('staff', q);
      expect(first).toEqual({
        kind: 'nota',
        id: nota.id,
        title: 'Beantwoording vragen over jeugdcriminaliteit',
        onsKenmerk: nota.onsKenmerk,
        matchedIn: 'kenmerk',
        snippet: expect.stringContaining(`ons kenmerk ${nota.onsKenmerk}`),
      });
    }
  });

  it('finds a dispatched nota by its Kamerstuk in both spellings', async () => {
    const nota = await flow.registerAndSubmit({
      title: 'Voortgangsrapportage mensenhandel',
      route: { reviewers: [], decider: 'jenv.bewindspersoon', coSigners: [], ministerraad: false },
    });
    await flow.decide('bewindspersoon', nota.id, 'approve');
    await flow.decide('staff', nota.id, 'approve');
    const recorded = await flow.as.staff.post(`/notas/${nota.id}/kamerstuk`, { dossier: '28 638', number: 248 });
    expect(recorded.status).toBe(200);
    for (const q of ['28 638 nr. 248', '28638-248', 'Kamerstuk 28 638, nr. 248']) {
      const [first] = await search('staff', q);
      expect(first).toMatchObject({
        id: nota.id,
        matchedIn: 'kenmerk',
        snippet: expect.stringContaining('28 638 nr. 248'),
      });
    }
    expect(await search('staff', '28638-249')).toEqual([]);
  });

  it('finds words in another form (Dutch stemming), ranked with the title first, and marks them', async () => {
    const titled = await flow.register({ title: 'Brief aan de Kamer over de bloemlezing' });
    const mentioned = await flow.register({ title: 'Reactie op de motie over de bloemlezing' });
    const items = await search('staff', 'brieven bloemlezing');
    expect(items.map((item) => item.id)).toEqual([titled.id]);
    expect(items[0].snippet).toBe('«Brief» aan de Kamer over de «bloemlezing»');
    const either = await search('staff', 'bloemlezingen');
    expect(either.map((item) => item.id)).toEqual(expect.arrayContaining([titled.id, mentioned.id]));
  });

  it("finds a nota by its document's text and by a reviewer's remarks", async () => {
    const nota = await flow.register({ title: 'Nota met een nietszeggende titel' });
    await flow.addNotaDocument(nota.id, 'De verduurzaming van penitentiaire inrichtingen vraagt extra middelen.');
    const [byText] = await search('staff', 'penitentiaire inrichting');
    expect(byText).toMatchObject({
      id: nota.id,
      matchedIn: 'document',
      snippet: expect.stringMatching(/«penitentiaire»\s+«inrichtingen»/),
    });

    expect((await flow.as.staff.post(`/notas/${nota.id}/submit`)).status).toBe(202);
    await flow.decide('afdelingshoofd', nota.id, 'request_changes', { remarks: 'Graag de kostenraming toevoegen.' });
    const [byRemark] = await search('staff', 'kostenramingen');
    expect(byRemark).toMatchObject({
      id: nota.id,
      matchedIn: 'remarks',
      snippet: expect.stringContaining('«kostenraming»'),
    });
  });

  it('finds a deadline by its title, only in its own organisation', async () => {
    const created = await flow.as.staff.post('/deadlines', {
      kind: 'toezegging',
      title: 'Toezegging brief over de wachtlijsten in de jeugdzorg',
      dueOn: '2030-03-01',
    });
    expect(created.status).toBe(201);
    expect(await search('staff', 'wachtlijst jeugdzorg')).toEqual([
      {
        kind: 'deadline',
        id: created.body.id,
        title: 'Toezegging brief over de wachtlijsten in de jeugdzorg',
        matchedIn: 'title',
        snippet: 'Toezegging brief over de «wachtlijsten» in de «jeugdzorg»',
      },
    ]);
    expect(await search('vws', 'wachtlijst jeugdzorg')).toEqual([]);
  });

  it("never shows another ministry's draft, and shows it once it comes to that ministry", async () => {
    const nota = await flow.register({ title: 'Vertrouwelijk concept over grensbewaking', dossier: '30 821' });
    await flow.addNotaDocument(nota.id, 'grensbewaking in detail');
    for (const q of ['grensbewaking', nota.onsKenmerk, '30 821', '2023Z13980']) {
      expect((await search('vws', q)).map((item) => item.id)).not.toContain(nota.id);
      expect((await search('mr', q)).map((item) => item.id)).not.toContain(nota.id);
    }
    expect((await search('staff', 'grensbewaking')).map((item) => item.id)).toContain(nota.id);

    expect((await flow.as.staff.post(`/notas/${nota.id}/submit`)).status).toBe(202);
    expect((await search('vws', 'grensbewaking')).map((item) => item.id)).toContain(nota.id);
  });

  it.each([
    ['an empty search', '', 'required'],
    ['spaces only', '   ', 'required'],
    [`over ${SEARCH_MAX_LENGTH} characters`, 'a'.repeat(SEARCH_MAX_LENGTH + 1), 'too_long'],
  ])('refuses %s with 400 and the field code', async (_name, q, code) => {
    const reply = await flow.as.staff.get(`/search?q=${encodeURIComponent(q)}`);
    expect(reply.status).toBe(400);
    expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(reply.body).toMatchObject({ status: 400, code: 'validation_failed' });
    expect(reply.body.errors).toContainEqual(expect.objectContaining({ name: 'q', code }));
  });

  it('refuses a search without q, and answers a search of 200 characters', async () => {
    const missing = await flow.as.staff.get('/search');
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toContainEqual(expect.objectContaining({ name: 'q', code: 'required' }));
    expect(await search('staff', 'a'.repeat(SEARCH_MAX_LENGTH))).toEqual([]);
  });

  it('answers 401 without a token', async () => {
    const reply = await fetch(`${app.baseUrl}/api/v1/search?q=brief`);
    expect(reply.status).toBe(401);
  });
});
