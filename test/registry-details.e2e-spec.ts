import { startTestApp, type TestApp } from './support/app';
import { DEMO_ROUTE, type Reply } from './support/http';
import { FlowDriver } from './support/flow-driver';

/**
 * The registry as the seeds show it, through HTTP: a dossier is one dossier however it is typed, a nota keeps the
 * date its document bears and the Kamerstukken it concerns, and a Kamerstuk number belongs to one nota.
 */
describe('registry details of a nota', () => {
  let app: TestApp;
  let flow: FlowDriver;
  const SHORT_ROUTE = { ...DEMO_ROUTE, reviewers: [], coSigners: [], ministerraad: false };

  beforeAll(async () => {
    app = await startTestApp();
    flow = await FlowDriver.create(app.baseUrl);
  });
  afterAll(async () => {
    await app?.close();
  });

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

  it('keeps the dossier in the Kamer’s spelling, the document date and the Kamerstukken the nota concerns', async () => {
    const nota = await flow.register({
      title: 'Versterking Actieplan programma Samen tegen mensenhandel',
      dossier: '28638',
      documentDate: '2024-06-17',
      kamerstukken: [{ dossier: '28638', number: 216 }],
    });
    expect(nota).toMatchObject({
      dossier: '28 638',
      documentDate: '2024-06-17',
      kamerstukken: [{ dossier: '28 638', number: 216 }],
    });
    // Registered today, dated as its document is.
    expect(nota.createdAt.slice(0, 10)).not.toBe('2024-06-17');
    expect((await flow.nota(nota.id)).documentDate).toBe('2024-06-17');
    for (const typed of ['28638', '28 638', '28%20%20638']) {
      const listed = await flow.as.staff.get(`/notas?dossier=${typed}`);
      expect({ typed, found: listed.body.map((n: any) => n.id).includes(nota.id) }).toEqual({ typed, found: true });
    }
    // A suffix for a part of the dossier: the budget of Justitie en Veiligheid.
    expect((await flow.register({ dossier: '36410-vi' })).dossier).toBe('36 410-VI');
  });

  it('refuses a dossier, a document date or a Kamerstuk that is none', async () => {
    const reply = await flow.as.staff.post('/notas', {
      title: 'x',
      route: SHORT_ROUTE,
      dossier: '2863',
      documentDate: '17-06-2024',
      kamerstukken: [{ dossier: '28 638', number: 0 }, { number: 5 }],
    });
    expectProblem(reply, 400, 'validation_failed', {
      dossier: 'bad_format',
      documentDate: 'not_a_date',
      'kamerstukken[0].number': expect.any(String),
      'kamerstukken[1].dossier': expect.any(String),
    });
  });

  it('gives a Kamerstuk number to one nota: a second nota claiming it gets 409 kamerstuk_taken', async () => {
    const dispatched = async () => {
      const nota = await flow.registerAndSubmit({ route: SHORT_ROUTE });
      await flow.decide('bewindspersoon', nota.id, 'approve');
      await flow.decide('staff', nota.id, 'approve');
      return nota;
    };
    const [first, second] = [await dispatched(), await dispatched()];
    const recorded = await flow.as.staff.post(`/notas/${first.id}/kamerstuk`, { dossier: '28638', number: 248 });
    expect(recorded.status).toBe(200);
    expect(recorded.body.kamerstuk).toMatchObject({ dossier: '28 638', number: 248 });

    // The same number typed another way is the same Kamerstuk.
    const taken = await flow.as.staff.post(`/notas/${second.id}/kamerstuk`, { dossier: '28 638', number: 248 });
    expectProblem(taken, 409, 'kamerstuk_taken');
    expect((await flow.nota(second.id)).kamerstuk).toBeUndefined();
    // Another number of the same dossier is free.
    const other = await flow.as.staff.post(`/notas/${second.id}/kamerstuk`, { dossier: '28 638', number: 247 });
    expect(other.status).toBe(200);
  });
});
