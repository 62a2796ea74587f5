import { nextMinisterraad, toAmsterdamDate, vergaderjaarOf } from '@notaflow/calendar';
import { ONS_KENMERK_PATTERN } from '@notaflow/domain';
import { NEXT_ONS_KENMERK_SQL } from '@notaflow/persistence';
import { startTestApp, type TestApp } from './support/app';
import { FlowDriver } from './support/flow-driver';
import { ApiClient, DEMO_ROUTE } from './support/http';

/** A SHA-256 no document has: for requests refused before the text they name matters. */
const ANY_SHA256 = '0'.repeat(64);
describe('the approval flow through the HTTP API', () => {
  let app: TestApp;
  let flow: FlowDriver;

  beforeAll(async () => {
    app = await startTestApp();
    flow = await FlowDriver.create(app.baseUrl);
  });
  afterAll(async () => {
    await app?.close();
  });

  const eventCount = async (notaId: string) =>
    Number((await app.dataSource.query('SELECT count(*) AS n FROM flow_events WHERE nota_id = $1', [notaId]))[0].n);

  it('carries a nota from registration to dispatched and a Kamerstuk number', async () => {
    const nota = await flow.register();
    expect(nota).toMatchObject({ status: 'draft', stage: null, version: 1, dossier: '28 638', route: DEMO_ROUTE });
    expect(nota.onsKenmerk).toMatch(ONS_KENMERK_PATTERN);

    expect((await flow.as.staff.post(`/notas/${nota.id}/submit`)).body).toMatchObject({
      status: 409,
      code: 'document_missing',
    });
    const sha256 = await flow.addNotaDocument(nota.id);
    const submitted = await flow.as.staff.post(`/notas/${nota.id}/submit`);
    expect(submitted.status).toBe(202);
    expect((await flow.nota(nota.id)).documentSha256).toBe(sha256);
    expect(submitted.body).toEqual({
      id: nota.id,
      status: 'in_review',
      stage: 'initialling',
      workflowId: `nota-${nota.id}`,
    });
    expect((await flow.as.staff.post(`/notas/${nota.id}/submit`)).status).toBe(409);

    // Initialling is sequential: the directeur has nothing until the afdelingshoofd has initialled.
    expect(await flow.openTasks('directeur', nota.id)).toHaveLength(0);
    const first = await flow.decide('afdelingshoofd', nota.id, 'approve');
    expect(first.task).toMatchObject({
      type: 'initial',
      status: 'done',
      decision: 'approve',
      assignee: 'jenv.afdelingshoofd',
    });
    expect(first.nota).toMatchObject({ status: 'in_review', stage: 'initialling' });
    await flow.decide('directeur', nota.id, 'approve');
    const last = await flow.decide('dg', nota.id, 'approve');
    expect(last.nota).toMatchObject({ status: 'in_review', stage: 'decision' });
    const decided = await flow.decide('bewindspersoon', nota.id, 'approve');
    expect(decided.nota).toMatchObject({ status: 'in_review', stage: 'co-signing' });

    // Four ministries at once, each with its own task and due date; none sees another's.
    const atCoSigning = await flow.nota(nota.id);
    expect(atCoSigning.openTasks.map((t: any) => t.organisation).sort()).toEqual(['BHO', 'BZ', 'SZW', 'VWS']);
    for (const task of atCoSigning.openTasks) {
      expect(task).toMatchObject({ type: 'co-sign', assignee: null });
      expect(Date.parse(task.dueAt)).toBeGreaterThan(Date.now());
    }
    const vwsView = await flow.nota(nota.id, 'vws');
    expect(vwsView.openTasks.map((t: any) => t.organisation)).toEqual(['VWS']);
    await flow.coSignAll(nota.id);

    const atMinisterraad = await flow.nota(nota.id);
    expect(atMinisterraad.stage).toBe('ministerraad');
    const [meeting] = atMinisterraad.openTasks;
    expect(meeting).toMatchObject({ type: 'ministerraad', organisation: 'AZ' });
    expect(new Date(`${meeting.meetingOn}T12:00:00Z`).getUTCDay()).toBe(5);

    // Aangehouden: the stuk moves to a later meeting (the one after next: a public holiday has none).
    const later = nextMinisterraad(nextMinisterraad(meeting.meetingOn));
    const held = await flow.decide('mr', nota.id, 'hold', { nextMeeting: later });
    expect(held.task).toMatchObject({ decision: 'hold', status: 'done' });
    expect(held.nota).toMatchObject({ status: 'in_review', stage: 'ministerraad' });
    const [heldOver] = await flow.openTasks('mr', nota.id);
    expect(heldOver.meetingOn).toBe(later);
    // The inbox lists a task exactly as the decision on it answered, to the millisecond.
    const mrTasks = await flow.as.mr.get(`/tasks?status=all&notaId=${nota.id}`);
    expect(mrTasks.body).toContainEqual(held.task);
    expect(held.task.decidedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const approvedByMr = await flow.decide('mr', nota.id, 'approve');
    expect(approvedByMr.nota).toMatchObject({ stage: 'dispatch' });

    // Longer lists are read in pages, in the same order.
    const allMr = (await flow.as.mr.get(`/tasks?status=all&notaId=${nota.id}`)).body;
    expect(allMr.map((t: any) => t.status)).toEqual(['done', 'done']);
    expect((await flow.as.mr.get(`/tasks?status=all&notaId=${nota.id}&limit=1&offset=1`)).body).toEqual([allMr[1]]);

    const dispatched = await flow.decide('staff', nota.id, 'approve');
    expect(dispatched.nota).toMatchObject({ status: 'dispatched', stage: 'done' });
    const done = await flow.nota(nota.id);
    expect(done).toMatchObject({ status: 'dispatched', stage: 'done', openTasks: [] });
    expect(Date.parse(done.dispatchedAt)).toBeGreaterThan(Date.now() - 60_000);

    const kamerstuk = await flow.as.staff.post(`/notas/${nota.id}/kamerstuk`, { dossier: '28 638', number: 249 });
    expect(kamerstuk.status).toBe(200);
    // The vergaderjaar is that of the dispatch day in The Hague (a new one begins on Prinsjesdag).
    expect(kamerstuk.body.kamerstuk).toEqual({
      dossier: '28 638',
      number: 249,
      vergaderjaar: vergaderjaarOf(toAmsterdamDate(done.dispatchedAt)),
    });

    // The record: every transition once, in order, with who and when.
    const seqs = done.history.map((e: any) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a: number, b: number) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    const decisions = done.history.filter((e: any) => e.type === 'task_decided');
    expect(decisions.map((e: any) => e.actor)).toEqual([
      'jenv.afdelingshoofd',
      'jenv.directeur',
      'jenv.dg',
      'jenv.bewindspersoon',
      ...decisions.slice(4, 8).map((e: any) => e.actor),
      'mr.secretariaat',
      'mr.secretariaat',
      'jenv.staff',
    ]);
    expect(
      decisions
        .slice(4, 8)
        .map((e: any) => e.organisation)
        .sort(),
    ).toEqual(['BHO', 'BZ', 'SZW', 'VWS']);
    expect(done.history.at(-1)).toMatchObject({ type: 'dispatched', actor: 'jenv.staff' });
    await expect(app.client.workflow.getHandle(done.workflowId).result()).resolves.toEqual({ status: 'dispatched' });
  });

  /** Straight from registration to dispatch: the bewindspersoon decides, the directorate sends it. */
  const SHORT_ROUTE = { ...DEMO_ROUTE, reviewers: [], coSigners: [], ministerraad: false };

  it('refuses a Kamerstuk number before dispatch with 409 problem+json and changes nothing', async () => {
    const nota = await flow.register({ route: SHORT_ROUTE });
    const refusedAt = async (status: string, stage: string | null) => {
      const before = await flow.nota(nota.id);
      expect(before).toMatchObject({ status, stage });
      const events = await eventCount(nota.id);
      const reply = await flow.as.staff.post(`/notas/${nota.id}/kamerstuk`, { dossier: '28 638', number: 249 });
      expect(reply.status).toBe(409);
      expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(reply.body).toMatchObject({
        status: 409,
        title: 'Conflict',
        detail: expect.stringMatching(/after dispatch/),
      });
      const after = await flow.nota(nota.id);
      expect(after).toEqual(before);
      expect(after).not.toHaveProperty('kamerstuk');
      expect(await eventCount(nota.id)).toBe(events);
      const [row] = await app.dataSource.query(
        'SELECT kamerstuk_dossier, kamerstuk_number, kamerstuk_vergaderjaar FROM notas WHERE id = $1',
        [nota.id],
      );
      expect(row).toEqual({ kamerstuk_dossier: null, kamerstuk_number: null, kamerstuk_vergaderjaar: null });
    };

    await refusedAt('draft', null);
    await flow.addNotaDocument(nota.id);
    expect((await flow.as.staff.post(`/notas/${nota.id}/submit`)).status).toBe(202);
    await refusedAt('in_review', 'decision');
    await flow.decide('bewindspersoon', nota.id, 'approve');
    // The last step before the Kamer: the dispatch task is open, the nota not yet sent.
    await refusedAt('in_review', 'dispatch');

    // Once sent, the same request is taken: the refusals were about the moment, not the request.
    await flow.decide('staff', nota.id, 'approve');
    const recorded = await flow.as.staff.post(`/notas/${nota.id}/kamerstuk`, { dossier: '28 638', number: 255 });
    expect(recorded.status).toBe(200);
    expect(recorded.body.kamerstuk).toMatchObject({ dossier: '28 638', number: 255 });
  });

  it.each([
    // Prinsjesdag 2025 is Tuesday 16 September; 22:30 UTC on the 15th is already the 16th in The Hague.
    // Each its own number: a Kamerstuk belongs to one nota.
    ['the evening before Prinsjesdag', '2025-09-15T21:30:00.000Z', '2024-2025', 250],
    ['the first minutes of Prinsjesdag', '2025-09-15T22:30:00.000Z', '2025-2026', 256],
  ])(
    'takes the vergaderjaar of a Kamerstuk from the dispatch day in The Hague: %s',
    async (_when, at, expected, number) => {
      const nota = await flow.registerAndSubmit({ route: SHORT_ROUTE });
      await flow.decide('bewindspersoon', nota.id, 'approve');
      await flow.decide('staff', nota.id, 'approve');
      // A dispatch on a chosen day: the read model's date is moved, the flow having finished.
      await app.client.workflow.getHandle(`nota-${nota.id}`).result();
      await app.dataSource.query('UPDATE notas SET dispatched_at = $2 WHERE id = $1', [nota.id, at]);
      expect(vergaderjaarOf(toAmsterdamDate(at))).toBe(expected);

      const reply = await flow.as.staff.post(`/notas/${nota.id}/kamerstuk`, { dossier: '28 638', number });
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ dispatchedAt: at, kamerstuk: { number, vergaderjaar: expected } });
    },
  );

  it('records one of two different Kamerstuk numbers sent at once, and refuses the other with 409', async () => {
    const nota = await flow.registerAndSubmit({ route: SHORT_ROUTE });
    await flow.decide('bewindspersoon', nota.id, 'approve');
    await flow.decide('staff', nota.id, 'approve');
    const numbers = [251, 252, 253, 254];
    const replies = await Promise.all(
      numbers.map((number) => flow.as.staff.post(`/notas/${nota.id}/kamerstuk`, { dossier: '28 638', number })),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    const won = numbers[replies.findIndex((r) => r.status === 200)];
    expect((await flow.nota(nota.id)).kamerstuk).toMatchObject({ dossier: '28 638', number: won });
    // The same number again is no conflict.
    const again = await flow.as.staff.post(`/notas/${nota.id}/kamerstuk`, { dossier: '28 638', number: won });
    expect(again.status).toBe(200);
  });

  it('refuses a decision on another ministry’s task with 403 and writes nothing', async () => {
    const nota = await flow.registerAndSubmit();
    await flow.throughDecision(nota.id);
    const [vwsTask] = await flow.openTasks('vws', nota.id);
    const before = await eventCount(nota.id);
    const seenSha256 = await flow.seen(nota.id, 'bz');
    const reply = await flow.as.bz.post(`/tasks/${vwsTask.id}/decision`, { decision: 'approve', seenSha256 });
    expect(reply.status).toBe(403);
    expect(reply.headers.get('content-type')).toMatch(/problem\+json/);
    expect(await eventCount(nota.id)).toBe(before);
    // Reviewers of the own ministry cannot act on a co-sign task either.
    expect((await flow.as.dg.post(`/tasks/${vwsTask.id}/decision`, { decision: 'approve', seenSha256 })).status).toBe(
      403,
    );
    expect((await flow.as.bz.get(`/tasks?status=open&notaId=${nota.id}`)).body.map((t: any) => t.organisation)).toEqual(
      ['BZ'],
    );
  });

  it('answers the same decision twice with 409 and records it once', async () => {
    const nota = await flow.registerAndSubmit();
    const [task] = await flow.openTasks('afdelingshoofd', nota.id);
    const approve = { decision: 'approve', seenSha256: await flow.seen(nota.id, 'afdelingshoofd') };
    const [a, b] = await Promise.all([
      flow.as.afdelingshoofd.post(`/tasks/${task.id}/decision`, approve),
      flow.as.afdelingshoofd.post(`/tasks/${task.id}/decision`, approve),
    ]);
    expect({ statuses: [a.status, b.status].sort(), bodies: [a.body, b.body] }).toMatchObject({ statuses: [200, 409] });
    const again = await flow.as.afdelingshoofd.post(`/tasks/${task.id}/decision`, approve);
    expect(again.status).toBe(409);
    const decided = await app.dataSource.query(
      "SELECT count(*)::int AS n FROM flow_events WHERE task_id = $1 AND type = 'task_decided'",
      [task.id],
    );
    expect(decided[0].n).toBe(1);
  });

  it('takes requested changes back to the directorate and resumes at the stage that asked', async () => {
    const nota = await flow.registerAndSubmit();
    await flow.decide('afdelingshoofd', nota.id, 'approve');
    const asked = await flow.decide('directeur', nota.id, 'request_changes', { remarks: 'Paragraaf 4.2 aanvullen' });
    expect(asked.nota).toMatchObject({ status: 'changes_requested', stage: 'initialling' });
    expect((await flow.nota(nota.id)).openTasks).toEqual([]);
    expect((await flow.as.staff.post(`/notas/${nota.id}/submit`)).status).toBe(409);

    const v2 = await flow.as.staff.post(`/notas/${nota.id}/versions`, { note: 'Financiële paragraaf aangevuld' });
    expect(v2.status).toBe(201);
    expect(v2.body).toMatchObject({ status: 'in_review', stage: 'initialling', version: 2 });
    expect(v2.body.versions.map((v: any) => v.version)).toEqual([1, 2]);
    expect((await flow.as.staff.post(`/notas/${nota.id}/versions`, {})).status).toBe(409);
    // The directeur, who asked, sees the new version; the afdelingshoofd's initial stands.
    expect(await flow.openTasks('afdelingshoofd', nota.id)).toHaveLength(0);
    const [resumed] = await flow.openTasks('directeur', nota.id);
    expect(resumed.version).toBe(2);
    await flow.decide('directeur', nota.id, 'approve');
    await flow.decide('dg', nota.id, 'approve');
    const atDecision = await flow.decide('bewindspersoon', nota.id, 'request_changes');
    expect(atDecision.nota).toMatchObject({ status: 'changes_requested', stage: 'decision' });
    await flow.as.staff.post(`/notas/${nota.id}/versions`, { note: 'versie 3' });
    const decided = await flow.decide('bewindspersoon', nota.id, 'approve');
    expect(decided.nota).toMatchObject({ status: 'in_review', stage: 'co-signing', version: 3 });
  });

  it('asks every co-signer again after a new version when the route says so', async () => {
    const nota = await flow.registerAndSubmit();
    await flow.throughDecision(nota.id);
    await flow.decide('vws', nota.id, 'approve');
    await flow.decide('bz', nota.id, 'approve');
    const asked = await flow.decide('szw', nota.id, 'request_changes');
    expect(asked.nota).toMatchObject({ status: 'changes_requested', stage: 'co-signing' });
    const cancelled = await app.dataSource.query(
      "SELECT organisation FROM tasks WHERE nota_id = $1 AND status = 'cancelled'",
      [nota.id],
    );
    expect(cancelled.map((r: any) => r.organisation)).toEqual(['BHO']);
    await flow.as.staff.post(`/notas/${nota.id}/versions`, { note: 'SZW-opmerkingen verwerkt' });
    const reopened = (await flow.nota(nota.id)).openTasks.map((t: any) => t.organisation).sort();
    expect(reopened).toEqual(['BHO', 'BZ', 'SZW', 'VWS']);
  });

  it('asks only the co-signers who had not yet approved when the route does not ask re-approval', async () => {
    const nota = await flow.registerAndSubmit({ route: { ...DEMO_ROUTE, coSignersReapproveAfterNewVersion: false } });
    await flow.throughDecision(nota.id);
    await flow.decide('vws', nota.id, 'approve');
    await flow.decide('bz', nota.id, 'request_changes');
    await flow.as.staff.post(`/notas/${nota.id}/versions`, {});
    const reopened = (await flow.nota(nota.id)).openTasks.map((t: any) => t.organisation).sort();
    expect(reopened).toEqual(['BHO', 'BZ', 'SZW']);
  });

  it('ends in rejected when the bewindspersoon says niet akkoord', async () => {
    const nota = await flow.registerAndSubmit({ route: { ...DEMO_ROUTE, reviewers: ['jenv.dg'] } });
    await flow.decide('dg', nota.id, 'approve');
    const rejected = await flow.decide('bewindspersoon', nota.id, 'reject', { remarks: 'Niet akkoord' });
    expect(rejected.nota).toMatchObject({ status: 'rejected', stage: 'decision' });
    const after = await flow.nota(nota.id);
    expect(after).toMatchObject({ status: 'rejected', openTasks: [] });
    expect(after.history.at(-1)).toMatchObject({ type: 'rejected', actor: 'jenv.bewindspersoon' });
    expect((await flow.as.staff.post(`/notas/${nota.id}/withdraw`, { reason: 'te laat' })).status).toBe(409);
  });

  it('ends in rejected when a co-signing ministry rejects, cancelling the other ministries’ tasks', async () => {
    const nota = await flow.registerAndSubmit({ route: { ...DEMO_ROUTE, reviewers: [] } });
    await flow.decide('bewindspersoon', nota.id, 'approve');
    await flow.decide('vws', nota.id, 'approve');
    const rejected = await flow.decide('bho', nota.id, 'reject');
    expect(rejected.nota).toMatchObject({ status: 'rejected', stage: 'co-signing' });
    expect(await flow.openTasks('bz', nota.id)).toHaveLength(0);
  });

  it('ends in rejected when the ministerraad says niet akkoord', async () => {
    const nota = await flow.registerAndSubmit({ route: { ...DEMO_ROUTE, reviewers: [], coSigners: [] } });
    await flow.decide('bewindspersoon', nota.id, 'approve');
    const held = await flow.decide('mr', nota.id, 'hold');
    const [next] = await flow.openTasks('mr', nota.id);
    expect(next.meetingOn > held.task.meetingOn).toBe(true);
    expect((await flow.decide('mr', nota.id, 'reject')).nota).toMatchObject({
      status: 'rejected',
      stage: 'ministerraad',
    });
  });

  it.each([
    ['initialling', async (_id: string) => undefined],
    [
      'decision',
      async (id: string) => {
        for (const who of ['afdelingshoofd', 'directeur', 'dg'] as const) await flow.decide(who, id, 'approve');
      },
    ],
    [
      'co-signing',
      async (id: string) => {
        await flow.throughDecision(id);
        await flow.decide('vws', id, 'approve');
      },
    ],
    [
      'ministerraad',
      async (id: string) => {
        await flow.throughDecision(id);
        await flow.coSignAll(id);
      },
    ],
    [
      'dispatch',
      async (id: string) => {
        await flow.throughDecision(id);
        await flow.coSignAll(id);
        await flow.decide('mr', id, 'approve');
      },
    ],
  ])('withdraws at %s: every open task cancelled, the flow closed', async (stage, reach) => {
    const nota = await flow.registerAndSubmit();
    await reach(nota.id);
    expect((await flow.nota(nota.id)).stage).toBe(stage);
    expect((await flow.as.bz.post(`/notas/${nota.id}/withdraw`, { reason: 'x' })).status).toBe(403);
    const reply = await flow.as.staff.post(`/notas/${nota.id}/withdraw`, {
      reason: 'Actieplan eerst in de ministerraad',
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ status: 'withdrawn', stage, openTasks: [] });
    const open = await app.dataSource.query(
      "SELECT count(*)::int AS n FROM tasks WHERE nota_id = $1 AND status = 'open'",
      [nota.id],
    );
    expect(open[0].n).toBe(0);
    expect(reply.body.history.at(-1)).toMatchObject({
      type: 'withdrawn',
      remarks: 'Actieplan eerst in de ministerraad',
    });
    await expect(app.client.workflow.getHandle(`nota-${nota.id}`).result()).resolves.toEqual({ status: 'withdrawn' });
  });

  it('withdraws while changes are requested, and a draft without any flow', async () => {
    const nota = await flow.registerAndSubmit();
    await flow.decide('afdelingshoofd', nota.id, 'request_changes');
    expect((await flow.as.staff.post(`/notas/${nota.id}/withdraw`, { reason: 'vervalt' })).body.status).toBe(
      'withdrawn',
    );
    const draft = await flow.register();
    const withdrawn = await flow.as.staff.post(`/notas/${draft.id}/withdraw`, { reason: 'dubbel geregistreerd' });
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', workflowId: null });
  });

  it('refuses to withdraw a draft whose submit has sealed it, so a flow starting meanwhile is never orphaned', async () => {
    // Submit seals the first version under the nota's lock before it starts the flow; until the worker writes the
    // flow's first step the nota still reads `draft`. Sealed as submit seals it, with no flow started yet:
    const draft = await flow.register();
    await app.dataSource.query(`UPDATE nota_versions SET sealed_at = now() WHERE nota_id = $1 AND version = 1`, [
      draft.id,
    ]);
    const refused = await flow.as.staff.post(`/notas/${draft.id}/withdraw`, { reason: 'dubbel geregistreerd' });
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 409, code: 'nota_changed' });
    const [row] = await app.dataSource.query(`SELECT status FROM notas WHERE id = $1`, [draft.id]);
    expect(row.status).toBe('draft');
    expect(await eventCount(draft.id)).toBe(0);
  });

  it('hands out 20 distinct ons kenmerken to 20 concurrent registrations', async () => {
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        flow.as.staff.post('/notas', { title: `Gelijktijdige registratie ${i}`, route: DEMO_ROUTE }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(20).fill(201));
    const kenmerken = replies.map((r) => r.body.onsKenmerk);
    expect(new Set(kenmerken).size).toBe(20);
    for (const kenmerk of kenmerken) expect(kenmerk).toMatch(ONS_KENMERK_PATTERN);
  });

  it('never hands out a kenmerk again, even one drawn by a registration that rolled back', async () => {
    const runner = app.dataSource.createQueryRunner();
    await runner.startTransaction();
    const [{ drawn }] = await runner.query(`SELECT ${NEXT_ONS_KENMERK_SQL} AS drawn`);
    await runner.rollbackTransaction();
    await runner.release();
    const after = await flow.register();
    expect(Number(after.onsKenmerk)).toBeGreaterThan(Number(drawn));
  });

  describe('authorisation', () => {
    it('lets only drafters register, and only of their own organisation manage a nota', async () => {
      const asReviewer = await flow.as.dg.post('/notas', { title: 'x', route: DEMO_ROUTE });
      expect(asReviewer.status).toBe(403);
      const nota = await flow.register();
      expect((await flow.as.vws.post(`/notas/${nota.id}/submit`)).status).toBe(403);
      expect((await flow.as.vws.get(`/notas/${nota.id}`)).status).toBe(403);
      expect((await flow.nota(nota.id)).status).toBe('draft');
    });

    it('shows a co-signing ministry a submitted nota on its route, and no other', async () => {
      const onRoute = await flow.registerAndSubmit();
      const offRoute = await flow.registerAndSubmit({ route: { ...DEMO_ROUTE, coSigners: ['BZ'] } });
      expect((await flow.as.vws.get(`/notas/${onRoute.id}`)).status).toBe(200);
      expect((await flow.as.vws.get(`/notas/${offRoute.id}`)).status).toBe(403);
      const listed = (await flow.as.vws.get('/notas?status=in_review')).body.map((n: any) => n.id);
      expect(listed).toContain(onRoute.id);
      expect(listed).not.toContain(offRoute.id);
    });

    it('answers 401 without a token and 404 for an unknown task or nota', async () => {
      const anonymous = new ApiClient(app.baseUrl);
      expect((await anonymous.get('/notas')).status).toBe(401);
      expect((await anonymous.get('/tasks?status=open')).status).toBe(401);
      expect(
        (
          await flow.as.dg.post('/tasks/00000000-0000-4000-8000-000000000000/decision', {
            decision: 'approve',
            seenSha256: ANY_SHA256,
          })
        ).status,
      ).toBe(404);
      expect(
        (await flow.as.dg.post('/tasks/not-a-uuid/decision', { decision: 'approve', seenSha256: ANY_SHA256 })).status,
      ).toBe(404);
      expect((await flow.as.staff.get('/notas/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    });
  });

  describe('invalid bodies get 400 problem+json naming the field', () => {
    const cases: [
      string,
      (ids: { nota: string; task: string; dispatched: string; seen: string }) => [string, unknown],
      string,
    ][] = [
      ['register: no title', () => ['/notas', { route: DEMO_ROUTE }], 'title'],
      [
        'register: bad uwKenmerk',
        () => ['/notas', { title: 't', route: DEMO_ROUTE, uwKenmerk: '2023-13980' }],
        'uwKenmerk',
      ],
      ['register: impossible date', () => ['/notas', { title: 't', route: DEMO_ROUTE, dueOn: '2023-02-30' }], 'dueOn'],
      [
        'register: mass assignment',
        () => ['/notas', { title: 't', route: DEMO_ROUTE, status: 'dispatched' }],
        'status',
      ],
      ['register: no route', () => ['/notas', { title: 't' }], 'route'],
      [
        'register: unknown reviewer',
        () => ['/notas', { title: 't', route: { ...DEMO_ROUTE, reviewers: ['jenv.dg', 'nobody'] } }],
        'route.reviewers[1]',
      ],
      [
        'register: reviewer twice',
        () => ['/notas', { title: 't', route: { ...DEMO_ROUTE, reviewers: ['jenv.dg', 'jenv.dg'] } }],
        'route.reviewers',
      ],
      [
        'register: decider who is a reviewer',
        () => ['/notas', { title: 't', route: { ...DEMO_ROUTE, decider: 'jenv.dg' } }],
        'route.decider',
      ],
      [
        'register: unknown ministry',
        () => ['/notas', { title: 't', route: { ...DEMO_ROUTE, coSigners: ['VWS', 'XYZ'] } }],
        'route.coSigners[1]',
      ],
      [
        'register: own ministry co-signs',
        () => ['/notas', { title: 't', route: { ...DEMO_ROUTE, coSigners: ['JENV'] } }],
        'route.coSigners[0]',
      ],
      [
        'register: ministerraad not boolean',
        () => ['/notas', { title: 't', route: { ...DEMO_ROUTE, ministerraad: 'ja' } }],
        'route.ministerraad',
      ],
      ['register: array body', () => ['/notas', [1, 2]], 'title'],
      // Text PostgreSQL cannot store: once a 500, or a flow stuck on an activity retrying it forever.
      ['register: NUL in the title', () => ['/notas', { title: 'Actie\u0000plan', route: DEMO_ROUTE }], 'title'],
      [
        'register: half a surrogate pair in a reviewer',
        () => ['/notas', { title: 't', route: { ...DEMO_ROUTE, reviewers: ['jenv.dg\uD83D'] } }],
        'route.reviewers[0]',
      ],
      [
        'decision: NUL in the remarks',
        ({ task, seen }) => [
          `/tasks/${task}/decision`,
          { decision: 'approve', remarks: 'akkoord\u0000', seenSha256: seen },
        ],
        'remarks',
      ],
      [
        'withdraw: NUL in the reason',
        ({ nota }) => [`/notas/${nota}/withdraw`, { reason: '\u0019(\u0000&' }],
        'reason',
      ],
      ['versions: half a surrogate pair', ({ nota }) => [`/notas/${nota}/versions`, { note: '\uDCDC' }], 'note'],
      ['token: NUL in the username', () => ['/auth/token', { username: 'jenv\u0000', password: 'demo' }], 'username'],
      [
        'decision: unknown decision',
        ({ task, seen }) => [`/tasks/${task}/decision`, { decision: 'maybe', seenSha256: seen }],
        'decision',
      ],
      [
        'decision: hold on an initial task',
        ({ task, seen }) => [`/tasks/${task}/decision`, { decision: 'hold', seenSha256: seen }],
        'decision',
      ],
      [
        'decision: bad nextMeeting',
        ({ task, seen }) => [
          `/tasks/${task}/decision`,
          { decision: 'approve', nextMeeting: '2024-13-01', seenSha256: seen },
        ],
        'nextMeeting',
      ],
      [
        'decision: remarks not text',
        ({ task, seen }) => [`/tasks/${task}/decision`, { decision: 'approve', remarks: 5, seenSha256: seen }],
        'remarks',
      ],
      ['withdraw: no reason', ({ nota }) => [`/notas/${nota}/withdraw`, {}], 'reason'],
      ['versions: unknown field', ({ nota }) => [`/notas/${nota}/versions`, { note: 'x', version: 9 }], 'version'],
      ['kamerstuk: no number', ({ dispatched }) => [`/notas/${dispatched}/kamerstuk`, { dossier: '28 638' }], 'number'],
      [
        'kamerstuk: bad dossier',
        ({ dispatched }) => [`/notas/${dispatched}/kamerstuk`, { dossier: 'mensenhandel', number: 1 }],
        'dossier',
      ],
      ['token: no password', () => ['/auth/token', { username: 'jenv.staff' }], 'password'],
    ];
    const ids = { nota: '', task: '', dispatched: '', seen: '' };
    beforeAll(async () => {
      const nota = await flow.registerAndSubmit();
      ids.nota = nota.id;
      ids.seen = await flow.seen(nota.id, 'afdelingshoofd');
      ids.task = (await flow.openTasks('afdelingshoofd', nota.id))[0].id;
      ids.dispatched = nota.id;
    });

    it.each(cases)('%s', async (_name, build, field) => {
      const [path, body] = build(ids);
      const who = path.startsWith('/tasks') ? flow.as.afdelingshoofd : flow.as.staff;
      const before = await eventCount(ids.nota);
      const reply = await who.post(path, body);
      expect(reply.status).toBe(400);
      expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(reply.body).toMatchObject({ status: 400, title: 'Bad Request' });
      expect(reply.body.errors.map((e: any) => e.name)).toContain(field);
      expect(await eventCount(ids.nota)).toBe(before);
    });
  });
});
