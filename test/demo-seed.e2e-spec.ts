import { addWorkingDays, presetDueOn, presets, toAmsterdamDate } from '@notaflow/calendar';
import { deadlineWatchId } from '@notaflow/temporal';
import { DEMO_HISTORY_NOTAS } from '../apps/api/src/seed/demo-history';
import { DemoSeedService } from '../apps/api/src/seed/demo-seed.service';
import { startTestApp, type TestApp } from './support/app';
import { FlowDriver, type Who } from './support/flow-driver';

describe('the demo dossier 28 638', () => {
  let app: TestApp;
  let flow: FlowDriver;
  beforeAll(async () => {
    app = await startTestApp({ env: { SEED_DEMO: 'true' } });
    await app.app.get(DemoSeedService).whenSeeded();
    flow = await FlowDriver.create(app.baseUrl);
  });
  afterAll(async () => {
    await app?.close();
  });

  const counts = async () =>
    (
      await app.dataSource.query(
        `SELECT (SELECT count(*) FROM notas)::int AS notas, (SELECT count(*) FROM flow_events)::int AS events,
                (SELECT count(*) FROM tasks)::int AS tasks, (SELECT count(*) FROM deadlines)::int AS deadlines,
                (SELECT count(*) FROM postponements)::int AS postponements`,
      )
    )[0];

  it('holds the nota of 17 June 2024 at its co-signers, with its real ons kenmerk', async () => {
    const [nota] = (await flow.as.staff.get('/notas?dossier=28%20638&stage=co-signing')).body.filter(
      (n: any) => n.onsKenmerk === '5552554',
    );
    expect(nota).toMatchObject({ status: 'in_review', route: { coSigners: ['VWS', 'BZ', 'BHO', 'SZW'] } });
    const detail = await flow.nota(nota.id);
    expect(detail.openTasks.map((t: any) => t.organisation).sort()).toEqual(['SZW', 'VWS']);
  });

  it('has notas standing in every stage and status', async () => {
    const notas = (await flow.as.staff.get('/notas?limit=200')).body;
    const stages = new Set(notas.map((n: any) => `${n.status}/${n.stage}`));
    for (const expected of [
      'draft/null',
      'in_review/initialling',
      'in_review/decision',
      'in_review/co-signing',
      'in_review/ministerraad',
      'in_review/dispatch',
      'changes_requested/initialling',
      'dispatched/done',
    ]) {
      expect(stages).toContain(expected);
    }
    expect(notas.find((n: any) => n.kamerstuk)?.kamerstuk).toMatchObject({ dossier: '28 638', number: 248 });
  });

  it('words the dossier as the seeds do: the herijking, and letters to the Voorzitter of the Tweede Kamer', async () => {
    const notas = (await flow.as.staff.get('/notas?limit=200')).body;
    const titles = notas.map((n: any) => n.title).join('\n');
    expect(titles).toContain('Bloemlezing herijking programma Samen tegen mensenhandel');
    expect(titles).not.toMatch(/re-?calibratie/i);
    const postponement = await flow.nota('4914404a-0000-4000-8000-000000000002');
    const remarks = postponement.history.map((e: any) => e.remarks).filter(Boolean);
    expect(remarks).toContain('Verzonden aan de Voorzitter van de Tweede Kamer der Staten-Generaal');
    expect(remarks.join('\n')).not.toMatch(/vaste commissie/);
  });

  it.each<Who>(['afdelingshoofd', 'directeur', 'dg', 'bewindspersoon', 'vws', 'bz', 'bho', 'szw', 'mr', 'staff'])(
    'gives %s real work in their inbox',
    async (who) => {
      const tasks = (await flow.as[who].get('/tasks?status=open')).body;
      expect(tasks.length).toBeGreaterThan(0);
    },
  );

  it('holds the real deadlines of the dossier, with the postponed commissiedebat of 12 October 2023', async () => {
    const today = toAmsterdamDate(new Date());
    const ahead = (workingDays: number) => addWorkingDays(today, workingDays);
    const kamervragenDue = presetDueOn(presets.kamervragen, addWorkingDays(today, -8));
    const deadlines = (await flow.as.staff.get(`/deadlines?dossier=${encodeURIComponent('28 638')}`)).body;
    expect(deadlines.map((d: any) => [d.kind, d.originalDueOn, d.dueOn, d.status])).toEqual([
      ['commissiedebat', '2023-01-19', '2023-01-19', 'met'],
      ['toezegging', '2023-03-22', '2023-03-22', 'met'],
      ['toezegging', '2023-07-06', '2023-07-06', 'missed'],
      ['commissiedebat', '2023-10-12', '2023-12-21', 'met'],
      ['toezegging', '2024-02-06', '2024-02-06', 'met'],
      ['begrotingsbehandeling', '2024-02-07', '2024-02-07', 'met'],
      ['other', '2024-06-07', '2024-06-07', 'met'],
      // Still open, dated from the day of seeding: the Kamervragen's three weeks, the motie, the report.
      ['kamervragen', kamervragenDue, kamervragenDue, 'open'],
      ['motie', ahead(14), ahead(14), 'open'],
      ['reporting', ahead(40), ahead(40), 'open'],
    ]);
    expect(kamervragenDue > today).toBe(true);
    // The notas that answer them want to be ready by then.
    const notas = (await flow.as.staff.get('/notas?limit=200')).body;
    for (const answered of deadlines.filter((d: any) => d.status === 'open')) {
      expect(notas.find((n: any) => n.id === answered.notaId)?.dueOn).toBe(answered.dueOn);
    }
    const debate = deadlines.find((d: any) => d.originalDueOn === '2023-10-12');
    const { postponements } = (await flow.as.staff.get(`/deadlines/${debate.id}`)).body;
    const uitstelbrief = (await flow.as.staff.get('/notas?limit=200')).body.find(
      (n: any) => n.onsKenmerk === '4914404',
    );
    expect(postponements).toEqual([
      expect.objectContaining({
        status: 'granted',
        requestedDueOn: '2023-11-30',
        newDueOn: '2023-12-21',
        notaId: uitstelbrief.id,
      }),
    ]);
    expect(deadlines.find((d: any) => d.kind === 'reporting').recurrence).toBe('P2Y');

    // The open ones are watched: their reminders and misses are on their way.
    for (const open of deadlines.filter((d: any) => d.status === 'open')) {
      const { status } = await app.client.workflow.getHandle(deadlineWatchId(open.id)).describe();
      expect(status.name).toBe('RUNNING');
    }
  });

  it('has a year of finished notas behind it, so the dashboard shows where the time goes', async () => {
    const [{ n }] = await app.dataSource.query(
      `SELECT count(*)::int AS n FROM notas WHERE id::text LIKE '28638e00-%' AND status = 'dispatched'`,
    );
    expect(n).toBe(DEMO_HISTORY_NOTAS);
    const byStage = (await flow.as.management.get('/analytics/turnaround?groupBy=stage')).body.groups;
    const stage = (key: string) => byStage.find((g: any) => g.key === key);
    expect(stage('co-signing').count).toBeGreaterThan(50);
    expect(stage('co-signing').p50WorkingDays).toBeGreaterThan(stage('initialling').p50WorkingDays);
    expect(stage('changes_requested').count).toBeGreaterThan(5);
    const byMinistry = (await flow.as.management.get('/analytics/turnaround?groupBy=organisation')).body.groups;
    const slowest = byMinistry
      .filter((g: any) => g.kind === 'task')
      .sort((a: any, b: any) => b.p50Seconds - a.p50Seconds)[0];
    expect(slowest.key).toBe('VWS');
  });

  it('seeds nothing twice, not even when replicas seed at once', async () => {
    const before = await counts();
    const seeder = app.app.get(DemoSeedService);
    await Promise.all([seeder.seed(), seeder.seed()]);
    expect(await counts()).toEqual(before);
  });
});
