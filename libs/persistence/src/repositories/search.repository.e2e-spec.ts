import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { buildRouteTemplate, type NotaStatus } from '@notaflow/domain';
import { addNotaDocument, demoActor, openTestRegistry } from '../../../../test/support/registry';
import { DeadlineRepository, type NewDeadline } from './deadline.repository';
import { DocumentRepository } from './document.repository';
import { NotaRepository } from './nota.repository';
import { SearchRepository } from './search.repository';

const ROUTE = buildRouteTemplate({
  reviewers: ['jenv.afdelingshoofd'],
  decider: 'jenv.bewindspersoon',
  coSigners: ['VWS'],
  ministerraad: false,
});

/** The search's SQL on a real PostgreSQL: what it finds, how it ranks and quotes, and what it never shows. */
describe(SearchRepository.name, () => {
  let db: DataSource;
  let sut: SearchRepository;
  const jenv = demoActor('jenv.staff');

  beforeAll(async () => {
    db = await openTestRegistry();
    sut = new SearchRepository(db);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  async function nota(
    title: string,
    extra: { organisation?: string; status?: NotaStatus; dossier?: string; uwKenmerk?: string } = {},
  ) {
    const id = randomUUID();
    const organisation = extra.organisation ?? 'JENV';
    await new NotaRepository(db).register({
      id,
      title,
      dossier: extra.dossier ?? null,
      uwKenmerk: extra.uwKenmerk ?? null,
      dueOn: null,
      organisation,
      createdBy: organisation === 'JENV' ? 'jenv.staff' : 'vws.signer',
      route: ROUTE,
    });
    // Past the draft, as the flow leaves it: submitted (other ministries see a nota from its submission on).
    if (extra.status) {
      await db.query(
        `UPDATE notas SET status = $2, submitted_at = CASE WHEN $2 = 'draft' THEN NULL ELSE now() END WHERE id = $1`,
        [id, extra.status],
      );
    }
    const [{ ons_kenmerk: onsKenmerk }] = await db.query(`SELECT ons_kenmerk FROM notas WHERE id = $1`, [id]);
    return { id, onsKenmerk: onsKenmerk as string };
  }

  async function remark(notaId: string, organisation: string, remarks: string) {
    await db.query(
      `INSERT INTO tasks (id, nota_id, workflow_id, type, stage, organisation, version, due_at, created_at, status,
                          decision, remarks)
       VALUES ($1, $2, 'nota-x', 'co-sign', 'co-signing', $3, 1, now(), now(), 'done', 'request_changes', $4)`,
      [randomUUID(), notaId, organisation, remarks],
    );
  }

  it('finds a nota by a word of its title in another form, and marks the word in the title', async () => {
    const { id } = await nota('Brief over de bloemlezing van de reclassering');
    const hits = await sut.search(jenv, 'brieven bloemlezingen');
    expect(hits).toContainEqual(
      expect.objectContaining({
        kind: 'nota',
        id,
        matchedIn: 'title',
        snippet: '«Brief» over de «bloemlezing» van de reclassering',
      }),
    );
  });

  it('finds a nota by its identifiers, ahead of notas that only mention them', async () => {
    const { id, onsKenmerk } = await nota('Voortgang programma', {
      dossier: '29 911',
      uwKenmerk: '2024Z01234/2024D05678',
    });
    await db.query(`UPDATE notas SET kamerstuk_dossier = '29 911', kamerstuk_number = 412 WHERE id = $1`, [id]);
    const mention = await nota('Reactie op 29911-412');
    for (const query of [onsKenmerk, '2024Z01234', '2024z01234/2024d05678', '29 911 nr. 412', '29911-412']) {
      const hits = await sut.search(jenv, query);
      expect(hits[0]).toMatchObject({ id, matchedIn: 'kenmerk', snippet: expect.stringContaining('Kamerstuk 29 911') });
      if (query === '29911-412') expect(hits.map((h) => h.id)).toContain(mention.id);
    }
  });

  it("finds a nota by its current version's document text and by remarks, quoting the passage", async () => {
    const { id } = await nota('Nota zonder treffende titel');
    const sha256 = await addNotaDocument(db, id);
    await new DocumentRepository(db).saveText(sha256, ['Inleiding', 'De huizen aan de kade worden gerenoveerd.']);
    await remark(id, 'JENV', 'Graag de paragraaf over subsidieregelingen aanvullen.');

    const byText = await sut.search(jenv, 'huis kade');
    expect(byText).toEqual([
      expect.objectContaining({
        id,
        matchedIn: 'document',
        snippet: expect.stringContaining('«huizen» aan de «kade»'),
      }),
    ]);
    const byRemark = await sut.search(jenv, 'subsidieregeling');
    expect(byRemark).toEqual([
      expect.objectContaining({ id, matchedIn: 'remarks', snippet: expect.stringContaining('«subsidieregelingen»') }),
    ]);
  });

  it('finds deadlines of the own organisation by their title', async () => {
    const deadlines = new DeadlineRepository(db);
    const deadline: Omit<NewDeadline, 'organisation' | 'createdBy'> = {
      kind: 'toezegging',
      title: 'Toezegging stand van zaken wachtlijsten',
      dueOn: '2026-12-01',
      dossier: null,
      notaId: null,
      recurrence: null,
      reminderLeadWorkingDays: [5],
    };
    const own = await deadlines.insert({ ...deadline, organisation: 'JENV', createdBy: 'jenv.staff' });
    await deadlines.insert({ ...deadline, organisation: 'VWS', createdBy: 'vws.signer' });
    expect(await sut.search(jenv, 'wachtlijst')).toEqual([
      {
        kind: 'deadline',
        id: own.id,
        title: own.title,
        onsKenmerk: null,
        matchedIn: 'title',
        snippet: expect.any(String),
      },
    ]);
  });

  it("never shows another ministry's draft, nor what a co-signer may not read of a nota it sees", async () => {
    const draft = await nota('Geheim conceptvoorstel windturbines', { organisation: 'VWS' });
    expect(await sut.search(jenv, 'windturbines')).toEqual([]);
    expect((await sut.search(demoActor('vws.signer'), 'windturbines')).map((h) => h.id)).toEqual([draft.id]);

    const shared = await nota('Nota over kustverdediging', { status: 'in_review' });
    await remark(shared.id, 'BZ', 'Interne afweging over dijkversterking');
    expect(await sut.search(demoActor('vws.signer'), 'kustverdediging')).toHaveLength(1);
    expect(await sut.search(demoActor('vws.signer'), 'dijkversterking')).toEqual([]);
    expect(await sut.search(demoActor('bz.signer'), 'kustverdediging')).toEqual([]);
  });

  it('answers nothing for a query of stop words only, and at most the limit', async () => {
    expect(await sut.search(jenv, 'de het een')).toEqual([]);
    for (let i = 0; i < 3; i++) await nota(`Jaarverslag ${i}`);
    expect(await sut.search(jenv, 'jaarverslag', 2)).toHaveLength(2);
  });
});
