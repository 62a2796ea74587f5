import { startTestApp, type TestApp } from './support/app';
import { FlowDriver } from './support/flow-driver';
import { DEMO_ROUTE } from './support/http';

/** One reviewer, then the decider and a co-signer: enough to hand on a personal task and meet a ministry's. */
const ROUTE = { ...DEMO_ROUTE, reviewers: ['jenv.afdelingshoofd'], coSigners: ['VWS'], ministerraad: false };

/**
 * Handing a task on (API.md, Working together): a reviewer's or the decider's task goes to another person of its
 * role and organisation, by its holder or a manager, with a reason. The flow's Update validator decides; a refusal
 * leaves the flow, its history and the registry as they were.
 */
describe('handing a task on', () => {
  let app: TestApp;
  let flow: FlowDriver;

  beforeAll(async () => {
    app = await startTestApp();
    flow = await FlowDriver.create(app.baseUrl);
    // A reviewer of another ministry: of the right role, but not of the task's organisation.
    await app.dataSource.query(
      `INSERT INTO users (username, display_name, role, organisation_code, email)
       VALUES ('vws.reviewer', 'Afdelingshoofd VWS', 'reviewer', 'VWS', 'vws.reviewer@notaflow.example')
       ON CONFLICT DO NOTHING`,
    );
  });
  afterAll(() => app.close());

  const eventsOf = (notaId: string) =>
    app.dataSource.query(`SELECT type, actor, remarks, data FROM flow_events WHERE nota_id = $1 ORDER BY seq`, [
      notaId,
    ]) as Promise<{ type: string; actor: string | null; remarks: string | null; data: any }[]>;

  it('hands the afdelingshoofd’s paraaf to the directeur, who is told, sees it and decides; the due date stays', async () => {
    const nota = await flow.registerAndSubmit({ route: ROUTE });
    const [task] = await flow.openTasks('afdelingshoofd', nota.id);
    expect(task).toMatchObject({ type: 'initial', assignee: 'jenv.afdelingshoofd' });

    const reply = await flow.as.afdelingshoofd.post(`/tasks/${task.id}/reassign`, {
      to: 'jenv.directeur',
      reason: 'Met verlof; de directeur parafeert',
    });
    expect(reply).toMatchObject({
      status: 200,
      body: { id: task.id, status: 'open', assignee: 'jenv.directeur', dueAt: task.dueAt },
    });

    // The old holder no longer holds it; the new one does.
    expect(await flow.openTasks('afdelingshoofd', nota.id)).toEqual([]);
    const refused = await flow.as.afdelingshoofd.post(`/tasks/${task.id}/decision`, {
      decision: 'approve',
      seenSha256: await flow.seen(nota.id, 'afdelingshoofd'),
    });
    expect(refused.body).toMatchObject({ status: 403, code: 'task_not_holder' });
    expect(await flow.openTasks('directeur', nota.id)).toMatchObject([{ id: task.id }]);

    // Recorded with who did it, why, and from whom to whom.
    expect((await eventsOf(nota.id)).filter((e) => e.type === 'task_reassigned')).toEqual([
      {
        type: 'task_reassigned',
        actor: 'jenv.afdelingshoofd',
        remarks: 'Met verlof; de directeur parafeert',
        data: { from: 'jenv.afdelingshoofd', to: 'jenv.directeur' },
      },
    ]);
    // The new holder is told, as when a task opens.
    const told = async () =>
      (await flow.as.directeur.get('/notifications')).body.filter(
        (n: any) => n.notaId === nota.id && n.kind === 'task_assigned',
      );
    for (const deadline = Date.now() + 20_000; (await told()).length === 0 && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await told()).toHaveLength(1);

    const decided = await flow.decide('directeur', nota.id, 'approve');
    expect(decided.task).toMatchObject({ id: task.id, decidedBy: 'jenv.directeur' });
    expect((await flow.openTasks('bewindspersoon', nota.id)).map((t) => t.type)).toEqual(['decide']);
  });

  it('lets a manager of the organisation hand a task on, not a stranger; a ministry’s task is no one person’s', async () => {
    const nota = await flow.registerAndSubmit({ route: ROUTE });
    const [task] = await flow.openTasks('afdelingshoofd', nota.id);

    const stranger = await flow.as.dg.post(`/tasks/${task.id}/reassign`, { to: 'jenv.dg', reason: 'Neem ik over' });
    expect(stranger.body).toMatchObject({ status: 403, code: 'task_not_holder' });

    const managed = await flow.as.management.post(`/tasks/${task.id}/reassign`, {
      to: 'jenv.dg',
      reason: 'Afdelingshoofd ziek',
    });
    expect(managed.body).toMatchObject({ assignee: 'jenv.dg' });

    await flow.decide('dg', nota.id, 'approve');
    await flow.decide('bewindspersoon', nota.id, 'approve');
    const [coSign] = await flow.openTasks('vws', nota.id);
    const ministry = await flow.as.vws.post(`/tasks/${coSign.id}/reassign`, { to: 'vws.reviewer', reason: 'x' });
    expect(ministry.body).toMatchObject({ status: 409, code: 'task_not_personal' });
  });

  it('refuses an unfit new holder, naming the field, and changes nothing', async () => {
    const nota = await flow.registerAndSubmit({ route: ROUTE });
    const [task] = await flow.openTasks('afdelingshoofd', nota.id);
    const before = await eventsOf(nota.id);

    for (const [body, status, field] of [
      [{ to: 'jenv.afdelingshoofd', reason: 'Zelf' }, 400, { name: 'to', code: 'current_holder' }],
      [{ to: 'jenv.staff', reason: 'Beleidsmedewerker' }, 400, { name: 'to', code: 'wrong_role' }],
      [{ to: 'vws.reviewer', reason: 'Ander ministerie' }, 400, { name: 'to', code: 'other_organisation' }],
      [{ to: 'niemand', reason: 'Onbekend' }, 400, { name: 'to', code: 'unknown_user' }],
      [{ to: 'jenv.directeur', reason: '' }, 400, { name: 'reason' }],
      [{ to: 'jenv.directeur' }, 400, { name: 'reason', code: 'required' }],
    ] as const) {
      const reply = await flow.as.afdelingshoofd.post(`/tasks/${task.id}/reassign`, body);
      expect({ body, reply: reply.body }).toMatchObject({
        body,
        reply: { status, errors: expect.arrayContaining([expect.objectContaining(field)]) },
      });
    }
    const closed = await flow.as.afdelingshoofd.post(`/tasks/00000000-0000-4000-8000-000000000000/reassign`, {
      to: 'jenv.directeur',
      reason: 'Onbekende taak',
    });
    expect(closed.body).toMatchObject({ status: 404, code: 'task_not_found' });

    expect(await eventsOf(nota.id)).toEqual(before);
    expect(await flow.openTasks('afdelingshoofd', nota.id)).toMatchObject([{ id: task.id }]);
  });
});
