import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ONS_KENMERK_PATTERN } from '@notaflow/domain';
import { DocumentRepository, NotaRepository, OrganisationRepository, UserRepository } from '@notaflow/persistence';
import { FakeFlow, FlowSteps } from '../../../../test/support/flow-steps';
import { addNotaDocument, demoActor, openTestRegistry } from '../../../../test/support/registry';
import { AppException } from '../common/app.exception';
import type { CreateNotaDto } from './dto/create-nota.dto';
import { NotaService } from './nota.service';

const staff = demoActor('jenv.staff');
const vws = demoActor('vws.signer');
const bz = demoActor('bz.signer');
const szw = demoActor('szw.signer');
const secretariaat = demoActor('mr.secretariaat');
const afdelingshoofd = demoActor('jenv.afdelingshoofd');

const ROUTE = {
  reviewers: ['jenv.afdelingshoofd'],
  decider: 'jenv.bewindspersoon',
  coSigners: [],
  ministerraad: false,
};
const nota = (title: string, route: Partial<CreateNotaDto['route']> = {}, dossier?: string): CreateNotaDto => ({
  title,
  route: { ...ROUTE, ...route },
  ...(dossier ? { dossier } : {}),
});

/** The refusal `call` ends in: its code and, for a 400, the fields it names. */
async function refusal(call: Promise<unknown>) {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppException)) throw new Error(`expected a refusal, got ${String(error)}`);
  return { code: error.code, fields: error.extras.errors?.map((e) => [e.name, e.code]) };
}

describe(NotaService.name, () => {
  let db: DataSource;
  let steps: FlowSteps;
  let flow: FakeFlow;
  let sut: NotaService;

  beforeAll(async () => {
    db = await openTestRegistry();
    steps = new FlowSteps(db);
    flow = new FakeFlow(steps);
    sut = new NotaService(
      new NotaRepository(db),
      new UserRepository(db),
      new OrganisationRepository(db),
      new DocumentRepository(db),
      flow.service,
    );
  });
  afterAll(async () => {
    await db?.destroy();
  });
  /** Submitted as a drafter does: with the nota document of version 1 in place. */
  const submit = async (id: string) => {
    await addNotaDocument(db, id);
    return sut.submit(staff, id);
  };

  describe('submit', () => {
    it('refuses a version without a nota document, and starts nothing', async () => {
      const { id } = await sut.register(staff, nota('Zonder document'));
      const asked = flow.asked.length;
      await expect(refusal(sut.submit(staff, id))).resolves.toMatchObject({ code: 'document_missing' });
      expect(flow.asked).toHaveLength(asked);
    });

    it('seals version 1 and starts the flow with the hash of its nota document', async () => {
      const { id } = await sut.register(staff, nota('Met document'));
      const sha256 = await addNotaDocument(db, id);
      await sut.submit(staff, id);
      const [version] = await db.query(`SELECT sealed_at FROM nota_versions WHERE nota_id = $1 AND version = 1`, [id]);
      expect(version.sealed_at).toBeInstanceOf(Date);
      expect(flow.started.get(id)).toMatchObject({ documentSha256: sha256 });
      await expect(sut.get(staff, id)).resolves.toMatchObject({ documentSha256: sha256 });
    });
  });

  describe('register', () => {
    it('hands out an ons kenmerk from the sequence and records version 1 as a draft', async () => {
      const first = await sut.register(staff, nota('Eerste', {}, '28 638'));
      const second = await sut.register(staff, nota('Tweede'));
      expect(first).toMatchObject({ status: 'draft', version: 1, organisation: 'JENV', createdBy: 'jenv.staff' });
      expect(first.onsKenmerk).toMatch(ONS_KENMERK_PATTERN);
      expect(Number(second.onsKenmerk)).toBeGreaterThan(Number(first.onsKenmerk));
      expect(first.versions).toEqual([expect.objectContaining({ version: 1, createdBy: 'jenv.staff' })]);
      // The stages in the default order, for a route that names none of its own.
      expect(first.route).toEqual({
        ...ROUTE,
        coSignersReapproveAfterNewVersion: true,
        stages: ['initialling', 'decision', 'dispatch'],
      });
    });

    it('keeps a kenmerk handed out before the registry knew the nota', async () => {
      const id = randomUUID();
      const registered = await sut.register(staff, nota('Uit het archief'), { id, onsKenmerk: '4914404' });
      expect(registered).toMatchObject({ id, onsKenmerk: '4914404' });
    });

    it('lets only drafters register', async () => {
      await expect(refusal(sut.register(afdelingshoofd, nota('Niet van mij')))).resolves.toEqual({
        code: 'role_not_allowed',
        fields: undefined,
      });
    });

    it('names every participant of the route that does not fit', async () => {
      const route = {
        reviewers: ['niemand', 'jenv.bewindspersoon', 'vws.signer'],
        decider: 'jenv.staff',
        coSigners: ['XYZ', 'AZ', 'JENV', 'VWS'],
      };
      await expect(refusal(sut.register(staff, nota('Verkeerde route', route)))).resolves.toEqual({
        code: 'validation_failed',
        fields: [
          ['route.reviewers[0]', 'unknown_user'],
          ['route.reviewers[1]', 'wrong_role'],
          ['route.reviewers[2]', 'wrong_role'],
          ['route.decider', 'wrong_role'],
          ['route.coSigners[0]', 'unknown_ministry'],
          ['route.coSigners[1]', 'does_not_co_sign'],
          ['route.coSigners[2]', 'own_ministry'],
        ],
      });
    });
  });

  describe('list and get', () => {
    let draft: string;
    let coSigned: string;
    let ministerraad: string;
    let vwsCoSignTask: string;
    let bzCoSignTask: string;

    beforeAll(async () => {
      draft = (await sut.register(staff, nota('Concept', { coSigners: ['VWS'] }, '36 410-VI'))).id;
      const submitted = await sut.register(
        staff,
        nota('Met medeondertekening', { coSigners: ['VWS', 'BZ'] }, '36 410-VI'),
      );
      coSigned = submitted.id;
      await submit(coSigned);
      vwsCoSignTask = await steps.openTask(coSigned, { type: 'co-sign', stage: 'co-signing', organisation: 'VWS' });
      bzCoSignTask = await steps.openTask(coSigned, { type: 'co-sign', stage: 'co-signing', organisation: 'BZ' });
      ministerraad = (await sut.register(staff, nota('Naar de ministerraad', { ministerraad: true }))).id;
      await submit(ministerraad);
    });

    it('lists the notas of the own organisation, drafts too, newest first', async () => {
      const listed = (await sut.list(staff, { dossier: '36 410-VI' })).map((n) => n.id);
      expect(listed).toEqual([coSigned, draft]);
      expect((await sut.list(staff, { status: 'draft', dossier: '36 410-VI' })).map((n) => n.id)).toEqual([draft]);
    });

    it('shows other ministries only the submitted notas on their route', async () => {
      const ids = async (actor = vws) => (await sut.list(actor, {})).map((n) => n.id);
      expect(await ids(vws)).toEqual([coSigned]);
      expect(await ids(bz)).toEqual([coSigned]);
      expect(await ids(szw)).toEqual([]);
      expect(await ids(secretariaat)).toEqual([ministerraad]);
    });

    it('pages what the caller may see', async () => {
      const all = await sut.list(staff, {});
      expect((await sut.list(staff, { limit: 2, offset: 1 })).map((n) => n.id)).toEqual(
        all.slice(1, 3).map((n) => n.id),
      );
    });

    it("hides another ministry's tasks and events from a co-signer", async () => {
      const asVws = await sut.get(vws, coSigned);
      expect(asVws.tasks.map((t) => t.id)).toEqual([vwsCoSignTask]);
      expect(asVws.openTasks.map((t) => t.id)).toEqual([vwsCoSignTask]);
      expect(asVws.history.map((e) => [e.type, e.organisation])).toEqual([
        ['submitted', 'JENV'],
        ['task_opened', 'VWS'],
      ]);
      const asStaff = await sut.get(staff, coSigned);
      expect(asStaff.tasks.map((t) => t.id)).toEqual([vwsCoSignTask, bzCoSignTask]);
      expect(asStaff.history.map((e) => e.organisation)).toEqual(['JENV', 'VWS', 'BZ']);
    });

    it('refuses a nota the caller may not see (403), and tells none from one that does not exist (404)', async () => {
      await expect(refusal(sut.get(szw, coSigned))).resolves.toMatchObject({ code: 'nota_not_visible' });
      await expect(refusal(sut.get(vws, draft))).resolves.toMatchObject({ code: 'nota_not_visible' });
      await expect(refusal(sut.get(staff, randomUUID()))).resolves.toMatchObject({ code: 'nota_not_found' });
      await expect(refusal(sut.get(staff, 'not-an-id'))).resolves.toMatchObject({ code: 'nota_not_found' });
    });

    it('starts the flow once', async () => {
      expect(flow.asked.filter((a) => a.operation === 'start' && a.notaId === coSigned)).toHaveLength(1);
      await expect(refusal(sut.submit(staff, coSigned))).resolves.toMatchObject({ code: 'nota_already_submitted' });
      // Its version is sealed: the database itself refuses another nota document for it.
      await expect(addNotaDocument(db, coSigned)).rejects.toThrow(/version 1 of nota .* is sealed/);
    });
  });

  describe('withdraw', () => {
    it('withdraws a draft in the registry alone, and only once', async () => {
      const { id } = await sut.register(staff, nota('Ingetrokken concept'));
      const asked = flow.asked.length;
      await expect(sut.withdraw(staff, id, 'Niet meer nodig')).resolves.toMatchObject({ status: 'withdrawn' });
      expect(flow.asked).toHaveLength(asked);
      await expect(refusal(sut.withdraw(staff, id, 'Nog eens'))).resolves.toMatchObject({ code: 'nota_closed' });
    });

    it('asks the flow to withdraw a submitted nota', async () => {
      const { id } = await sut.register(staff, nota('Ingediend en ingetrokken'));
      await submit(id);
      await expect(sut.withdraw(staff, id, 'Ingehaald')).resolves.toMatchObject({ status: 'withdrawn' });
      expect(flow.asked.at(-1)).toEqual({ operation: 'withdraw', notaId: id, actor: staff });
    });

    it('lets only drafters of the organisation withdraw', async () => {
      const { id } = await sut.register(staff, nota('Niet van jou'));
      await expect(refusal(sut.withdraw(afdelingshoofd, id, 'x'))).resolves.toMatchObject({
        code: 'nota_not_managed',
      });
    });
  });

  describe('recordKamerstuk', () => {
    it('records the number after dispatch, with the vergaderjaar of the dispatch date; another one is refused', async () => {
      const { id } = await sut.register(staff, nota('Verzonden'));
      const kamerstuk = { dossier: '28 638', number: 251 };
      await expect(refusal(sut.recordKamerstuk(staff, id, kamerstuk))).resolves.toMatchObject({
        code: 'kamerstuk_before_dispatch',
      });
      await submit(id);
      await steps.dispatch(id, staff, '2026-09-16T10:00:00.000Z');

      await expect(sut.recordKamerstuk(staff, id, kamerstuk)).resolves.toMatchObject({
        kamerstuk: { ...kamerstuk, vergaderjaar: '2026-2027' },
      });
      // The same number again is no conflict: a retried request.
      await expect(sut.recordKamerstuk(staff, id, kamerstuk)).resolves.toMatchObject({ status: 'dispatched' });
      await expect(refusal(sut.recordKamerstuk(staff, id, { dossier: '28 638', number: 252 }))).resolves.toMatchObject({
        code: 'kamerstuk_already_recorded',
      });
    });
  });
});
