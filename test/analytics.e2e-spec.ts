import { randomUUID } from 'node:crypto';
import {
  addDays,
  addWorkingDays,
  amsterdamEndOfDayInstant,
  amsterdamStartOfDayInstant,
  equatedDaysSeed,
  toAmsterdamDate,
  workingDaysBetween,
  type IsoDate,
} from '@notaflow/calendar';
import { buildRouteTemplate, type TaskType } from '@notaflow/domain';
import { AnalyticsRepository, CalendarRepository } from '@notaflow/persistence';
import type { DataSource } from 'typeorm';
import { taskDates } from '../activities/flow.activities';
import { TurnaroundViewRefresher } from '../apps/api/src/analytics/turnaround-view.refresher';
import { WORKING_DAYS_RANGE, workingDayRows } from '../apps/api/src/analytics/working-days.sync';
import { startTestApp, type TestApp } from './support/app';
import { FlowDriver } from './support/flow-driver';
import { ApiClient } from './support/http';

const HOUR = 3_600_000;

/** The working days as the API counts them: the equated days as the migration seeds them. */
const CALENDAR = { equatedDays: equatedDaysSeed };

/** An instant on the Amsterdam wall clock: `at('2024-05-06', 9)` is 09:00 that day (no clock change that day). */
const at = (day: IsoDate, hour: number, minute = 0) =>
  new Date(amsterdamStartOfDayInstant(day).getTime() + hour * HOUR + minute * 60_000);

interface Nota {
  id: string;
  workflowId: string;
  seq: number;
}

/**
 * History written straight into the tables, in the shapes recordTransition writes (events keyed by workflow and
 * seq, tasks due by its `taskDates`): driving real flows cannot put decisions on chosen days in May 2024.
 */
class History {
  readonly notas: Nota[] = [];

  constructor(private readonly db: DataSource) {}

  async nota(options: {
    organisation: string;
    createdBy: string;
    dossier?: string;
    status?: string;
    coSignersSla?: number;
    submittedAt: Date;
  }): Promise<Nota> {
    const id = randomUUID();
    const nota: Nota = { id, workflowId: `nota-${id}`, seq: 0 };
    const route = buildRouteTemplate({
      reviewers: ['jenv.dg'],
      decider: 'jenv.bewindspersoon',
      coSigners: [],
      ministerraad: false,
    });
    await this.db.query(
      `INSERT INTO notas (id, ons_kenmerk, title, dossier, organisation_code, created_by, route, status, stage, version,
                          workflow_id, submitted_at, created_at, updated_at)
       VALUES ($1, lpad(nextval('ons_kenmerk_seq')::text, 7, '0'), $2, $3, $4, $5, $6, $7, 'initialling', 1, $8, $9, $9, $9)`,
      [
        id,
        `Nota ${this.notas.length + 1}`,
        options.dossier ?? null,
        options.organisation,
        options.createdBy,
        JSON.stringify(route),
        options.status ?? 'in_review',
        nota.workflowId,
        options.submittedAt,
      ],
    );
    this.notas.push(nota);
    await this.event(nota, options.submittedAt, 'submitted', {
      actor: options.createdBy,
      organisation: options.organisation,
    });
    return nota;
  }

  async event(
    nota: Nota,
    when: Date,
    type: string,
    fields: { actor?: string | null; organisation?: string; stage?: string; taskId?: string; decision?: string } = {},
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO flow_events (workflow_id, seq, nota_id, at, type, actor, organisation, stage, task_id, decision)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        nota.workflowId,
        ++nota.seq,
        nota.id,
        when,
        type,
        fields.actor ?? null,
        fields.organisation ?? null,
        fields.stage ?? null,
        fields.taskId ?? null,
        fields.decision ?? null,
      ],
    );
  }

  /** Opens a task as recordTransition does; decides or cancels it when told to. Returns its id. */
  async task(
    nota: Nota,
    spec: {
      type: TaskType;
      stage: string;
      organisation: string;
      assignee?: string | null;
      sla: number;
      openedAt: Date;
      decidedAt?: Date;
      decision?: string;
      cancelledAt?: Date;
      dueAt?: Date;
    },
  ): Promise<string> {
    const id = randomUUID();
    const dates = taskDates(
      {
        id,
        type: spec.type,
        stage: spec.stage as never,
        organisation: spec.organisation,
        assignee: spec.assignee ?? null,
        version: 1,
        slaWorkingDays: spec.sla,
        reminderWorkingDaysBefore: 1,
      },
      spec.openedAt.toISOString(),
      // The equated days as the migration seeds them, as recordTransition reads them.
      CALENDAR,
    );
    const holder = { organisation: spec.organisation, actor: spec.assignee ?? null, stage: spec.stage, taskId: id };
    await this.event(nota, spec.openedAt, 'task_opened', holder);
    await this.db.query(
      `INSERT INTO tasks (id, nota_id, workflow_id, type, stage, organisation, assignee, status, version, due_at,
                          remind_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', 1, $8, $9, $10)`,
      [
        id,
        nota.id,
        nota.workflowId,
        spec.type,
        spec.stage,
        spec.organisation,
        spec.assignee ?? null,
        spec.dueAt ?? dates.dueAt,
        dates.remindAt,
        spec.openedAt,
      ],
    );
    const closedAt = spec.decidedAt ?? spec.cancelledAt;
    if (closedAt) {
      const decided = spec.decidedAt !== undefined;
      await this.event(nota, closedAt, decided ? 'task_decided' : 'task_cancelled', {
        ...holder,
        decision: decided ? (spec.decision ?? 'approve') : undefined,
      });
      await this.db.query(
        `UPDATE tasks SET status = $2, decision = $3, decided_by = $4, decided_at = $5 WHERE id = $1 AND status = 'open'`,
        [
          id,
          decided ? 'done' : 'cancelled',
          decided ? (spec.decision ?? 'approve') : null,
          spec.assignee ?? null,
          closedAt,
        ],
      );
    }
    return id;
  }

  async deadline(options: { organisation: string; dueOn: IsoDate; title: string; status?: string }): Promise<string> {
    const [{ id }] = (await this.db.query(
      `INSERT INTO deadlines (kind, title, due_on, original_due_on, dossier, organisation_code, status, created_by)
       VALUES ('commissiedebat', $1, $2, $2, '28 638', $3, $4, 'jenv.staff') RETURNING id`,
      [options.title, options.dueOn, options.organisation, options.status ?? 'open'],
    )) as { id: string }[];
    return id;
  }
}

describe('management analytics through the HTTP API', () => {
  let app: TestApp;
  let flow: FlowDriver;
  let history: History;
  let manager: ApiClient;
  let managerToken: string;
  const today = toAmsterdamDate(new Date());
  const ids: Record<string, string> = {};

  const turnaround = (query: string, headers: Record<string, string> = {}) =>
    manager.request<any>('GET', `/analytics/turnaround?${query}`, undefined, headers);
  const group = (body: any, key: string, kind = 'task') =>
    body.groups.find((g: any) => g.key === key && g.kind === kind);

  beforeAll(async () => {
    app = await startTestApp({ worker: false, env: { ANALYTICS_REFRESH_MINUTES: '0' } });
    flow = await FlowDriver.create(app.baseUrl);
    manager = flow.as.management;
    const login = await fetch(`${app.baseUrl}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'jenv.management', password: 'demo' }),
    });
    managerToken = ((await login.json()) as { accessToken: string }).accessToken;
    history = new History(app.dataSource);

    // Nota A (JENV): three initials, one sent back over Hemelvaartsdag, a pause, Tweede Pinksterdag, co-signing.
    const a = await history.nota({
      organisation: 'JENV',
      createdBy: 'jenv.staff',
      dossier: '28 638',
      submittedAt: at('2024-05-06', 9),
    });
    const initial = { type: 'initial' as const, stage: 'initialling', organisation: 'JENV', sla: 2 };
    await history.task(a, {
      ...initial,
      assignee: 'jenv.afdelingshoofd',
      openedAt: at('2024-05-06', 9),
      decidedAt: at('2024-05-07', 9),
    });
    await history.task(a, {
      ...initial,
      assignee: 'jenv.directeur',
      openedAt: at('2024-05-07', 9),
      decidedAt: at('2024-05-10', 9),
      decision: 'request_changes',
    });
    await history.event(a, at('2024-05-10', 9), 'changes_requested', { actor: 'jenv.directeur', organisation: 'JENV' });
    await history.event(a, at('2024-05-14', 13), 'version_submitted', { actor: 'jenv.staff', organisation: 'JENV' });
    await history.task(a, {
      ...initial,
      assignee: 'jenv.directeur',
      openedAt: at('2024-05-14', 13),
      decidedAt: at('2024-05-22', 13),
    });
    await history.task(a, {
      type: 'decide',
      stage: 'decision',
      organisation: 'JENV',
      assignee: 'jenv.bewindspersoon',
      sla: 3,
      openedAt: at('2024-05-22', 13),
      decidedAt: at('2024-05-22', 15),
    });
    const coSign = { type: 'co-sign' as const, stage: 'co-signing', sla: 5, openedAt: at('2024-05-22', 15) };
    await history.task(a, { ...coSign, organisation: 'VWS', decidedAt: at('2024-05-31', 15) });
    ids.bzTask = await history.task(a, { ...coSign, organisation: 'BZ' });

    // Nota B (JENV, another dossier): an initial late by a day, a quick decision, dispatched in June.
    const b = await history.nota({
      organisation: 'JENV',
      createdBy: 'jenv.staff',
      dossier: '36 410',
      status: 'dispatched',
      submittedAt: at('2024-04-29', 9),
    });
    await history.task(b, {
      ...initial,
      assignee: 'jenv.dg',
      openedAt: at('2024-04-29', 9),
      decidedAt: at('2024-05-02', 9),
    });
    await history.task(b, {
      type: 'decide',
      stage: 'decision',
      organisation: 'JENV',
      assignee: 'jenv.bewindspersoon',
      sla: 3,
      openedAt: at('2024-05-02', 9),
      decidedAt: at('2024-05-02', 9, 30),
    });
    await history.task(b, {
      type: 'dispatch',
      stage: 'dispatch',
      organisation: 'JENV',
      sla: 2,
      openedAt: at('2024-05-02', 9, 30),
      decidedAt: at('2024-06-03', 10),
    });
    await history.event(b, at('2024-06-03', 10), 'dispatched', { actor: 'jenv.staff', organisation: 'JENV' });

    // Nota C belongs to VWS: JENV's co-signing task on it is VWS's business, not the JENV manager's.
    const c = await history.nota({ organisation: 'VWS', createdBy: 'vws.signer', submittedAt: at('2024-05-06', 9) });
    await history.task(c, {
      type: 'co-sign',
      stage: 'co-signing',
      organisation: 'JENV',
      sla: 5,
      openedAt: at('2024-05-06', 9),
      decidedAt: at('2024-05-07', 9),
    });
    ids.foreignOpenTask = await history.task(c, {
      type: 'co-sign',
      stage: 'co-signing',
      organisation: 'JENV',
      sla: 5,
      openedAt: at(addDays(today, -20), 9),
      dueAt: amsterdamEndOfDayInstant(addDays(today, -1)),
    });

    // Nota D (JENV): decided at 00:30 on 1 May (still 30 April in UTC) counts for May; at 00:30 on 1 June not.
    const d = await history.nota({ organisation: 'JENV', createdBy: 'jenv.staff', submittedAt: at('2024-04-30', 8) });
    await history.task(d, {
      ...initial,
      assignee: 'jenv.dg',
      openedAt: at('2024-04-30', 8),
      decidedAt: at('2024-05-01', 0, 30),
    });
    await history.task(d, {
      type: 'decide',
      stage: 'decision',
      organisation: 'JENV',
      assignee: 'jenv.bewindspersoon',
      sla: 3,
      openedAt: at('2024-05-01', 0, 30),
      decidedAt: at('2024-06-01', 0, 30),
    });

    // Nota E (JENV) withdrawn: its cancelled task is no turnaround.
    const e = await history.nota({
      organisation: 'JENV',
      createdBy: 'jenv.staff',
      status: 'withdrawn',
      submittedAt: at('2024-05-02', 10),
    });
    await history.task(e, {
      type: 'co-sign',
      stage: 'co-signing',
      organisation: 'BHO',
      sla: 5,
      openedAt: at('2024-05-02', 10),
      cancelledAt: at('2024-05-03', 10),
    });
    await history.event(e, at('2024-05-03', 10), 'withdrawn', { actor: 'jenv.staff', organisation: 'JENV' });

    // Nota F (JENV), today: an initial overdue since the last working day, a co-signing due in three working days.
    const f = await history.nota({
      organisation: 'JENV',
      createdBy: 'jenv.staff',
      submittedAt: at(addDays(today, -30), 9),
    });
    ids.overdueTask = await history.task(f, {
      ...initial,
      assignee: 'jenv.dg',
      openedAt: at(addDays(today, -30), 9),
      dueAt: amsterdamEndOfDayInstant(addWorkingDays(today, -1, CALENDAR)),
    });
    ids.soonTask = await history.task(f, {
      type: 'co-sign',
      stage: 'co-signing',
      organisation: 'VWS',
      sla: 10,
      openedAt: at(addDays(today, -30), 9),
      dueAt: amsterdamEndOfDayInstant(addWorkingDays(today, 3, CALENDAR)),
    });

    ids.deadlineToday = await history.deadline({ organisation: 'JENV', dueOn: today, title: 'Commissiedebat vandaag' });
    await history.deadline({ organisation: 'JENV', dueOn: addWorkingDays(today, 20, CALENDAR), title: 'Later' });
    await history.deadline({ organisation: 'JENV', dueOn: addDays(today, -3), title: 'Gehaald', status: 'met' });
    await history.deadline({ organisation: 'VWS', dueOn: addDays(today, -3), title: 'Van VWS' });

    await app.app.get(TurnaroundViewRefresher).refresh();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('answers per stage in seconds and working days, the changes_requested pause in a group of its own', async () => {
    const reply = await turnaround('from=2024-05-01&to=2024-05-31&groupBy=stage');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      from: '2024-05-01',
      to: '2024-05-31',
      groupBy: 'stage',
      groups: [
        // 59400 (16.5 h, 1 May 00:30), 86400, 259200 (over Hemelvaartsdag to the Friday after it, equated with a
        // holiday: 1 working day), 259200, 691200 (over Tweede Pinksterdag: 5 working days). Late: the re-initial
        // after the pause, and nota B's.
        {
          key: 'initialling',
          kind: 'task',
          count: 5,
          p50Seconds: 259200,
          p90Seconds: 518400,
          meanSeconds: 271080,
          p50WorkingDays: 1,
          p90WorkingDays: 4.2,
          meanWorkingDays: 2.2,
          overdueCount: 2,
          onTimeRate: 0.6,
        },
        {
          key: 'decision',
          kind: 'task',
          count: 2,
          p50Seconds: 4500,
          p90Seconds: 6660,
          meanSeconds: 4500,
          p50WorkingDays: 0,
          p90WorkingDays: 0,
          meanWorkingDays: 0,
          overdueCount: 0,
          onTimeRate: 1,
        },
        // VWS decided two days late; BZ is still open and was due on 29 May: late as well, though not decided.
        {
          key: 'co-signing',
          kind: 'task',
          count: 1,
          p50Seconds: 777600,
          p90Seconds: 777600,
          meanSeconds: 777600,
          p50WorkingDays: 7,
          p90WorkingDays: 7,
          meanWorkingDays: 7,
          overdueCount: 2,
          onTimeRate: 0,
        },
        // Friday 10 May 09:00 to Tuesday 14 May 13:00: the directorate's time, not the directeur's.
        {
          key: 'changes_requested',
          kind: 'changes_requested',
          count: 1,
          p50Seconds: 360000,
          p90Seconds: 360000,
          meanSeconds: 360000,
          p50WorkingDays: 2,
          p90WorkingDays: 2,
          meanWorkingDays: 2,
          overdueCount: 0,
          onTimeRate: null,
        },
      ],
    });
  });

  it('answers per organisation: the co-signing ministries on its own notas, the pause held by the directorate', async () => {
    const reply = await turnaround('from=2024-05-01&to=2024-05-31&groupBy=organisation');
    expect(reply.status).toBe(200);
    expect(reply.body.groups.map((g: any) => `${g.key}/${g.kind}`)).toEqual([
      'BZ/task',
      'JENV/task',
      'VWS/task',
      'JENV/changes_requested',
    ]);
    expect(group(reply.body, 'BZ')).toEqual({
      key: 'BZ',
      kind: 'task',
      count: 0,
      p50Seconds: null,
      p90Seconds: null,
      meanSeconds: null,
      p50WorkingDays: null,
      p90WorkingDays: null,
      meanWorkingDays: null,
      overdueCount: 1,
      onTimeRate: 0,
    });
    // Seven JENV tasks; nota C's task for JENV is not among them, it is VWS's nota.
    expect(group(reply.body, 'JENV')).toEqual({
      key: 'JENV',
      kind: 'task',
      count: 7,
      p50Seconds: 86400,
      p90Seconds: 432000,
      meanSeconds: 194914.286,
      p50WorkingDays: 1,
      p90WorkingDays: 3.8,
      meanWorkingDays: 1.57,
      overdueCount: 2,
      onTimeRate: 0.7143,
    });
    expect(group(reply.body, 'VWS')).toMatchObject({ count: 1, p50Seconds: 777600, overdueCount: 1, onTimeRate: 0 });
    expect(group(reply.body, 'JENV', 'changes_requested')).toMatchObject({ count: 1, p50Seconds: 360000 });
  });

  it('answers per month, to see whether it gets better', async () => {
    const reply = await turnaround('from=2024-04-01&to=2024-06-30&groupBy=month');
    expect(reply.status).toBe(200);
    expect(reply.body.groups.map((g: any) => `${g.key}/${g.kind}`)).toEqual([
      '2024-05/task',
      '2024-06/task',
      '2024-05/changes_requested',
    ]);
    expect(group(reply.body, '2024-05')).toEqual({
      key: '2024-05',
      kind: 'task',
      count: 8,
      p50Seconds: 172800,
      p90Seconds: 717120,
      meanSeconds: 267750,
      p50WorkingDays: 1,
      p90WorkingDays: 5.6,
      meanWorkingDays: 2.25,
      overdueCount: 4,
      onTimeRate: 0.5556,
    });
    // Nota D's decision at 00:30 on 1 June and nota B's dispatch on 3 June.
    expect(group(reply.body, '2024-06')).toMatchObject({ count: 2 });
  });

  it('filters by dossier and by holding organisation', async () => {
    const dossier = await turnaround(`from=2024-05-01&to=2024-05-31&dossier=${encodeURIComponent('36 410')}`);
    expect(dossier.status).toBe(200);
    expect(dossier.body.groups.map((g: any) => [g.key, g.count, g.overdueCount])).toEqual([
      ['initialling', 1, 1],
      ['decision', 1, 0],
    ]);
    const vws = await turnaround('from=2024-05-01&to=2024-05-31&organisation=VWS');
    expect(vws.body.groups.map((g: any) => [g.key, g.count, g.overdueCount])).toEqual([['co-signing', 1, 1]]);
  });

  it('keeps working days in PostgreSQL as libs/calendar and the equated days have them, and leaves them alone when they agree', async () => {
    const rows = (await app.dataSource.query(
      `SELECT day::text, is_working_day, ordinal FROM working_days WHERE day BETWEEN '2024-05-08' AND '2024-05-13'`,
    )) as { day: string; is_working_day: boolean; ordinal: number }[];
    expect(rows.map((r) => [r.day, r.is_working_day, r.ordinal - rows[0].ordinal])).toEqual([
      ['2024-05-08', true, 0],
      ['2024-05-09', false, 0], // Hemelvaartsdag
      ['2024-05-10', false, 0], // equated with a holiday (Besluit gelijkstelling 2023-2025)
      ['2024-05-11', false, 0],
      ['2024-05-12', false, 0],
      ['2024-05-13', true, 1],
    ]);
    const range = WORKING_DAYS_RANGE;
    const figures = new AnalyticsRepository(app.dataSource);
    const calendar = await new CalendarRepository(app.dataSource).workingDayCalendar();
    expect(await figures.syncWorkingDays(workingDayRows(range.from, range.to, calendar), range)).toBe(0);
  });

  it('answers an empty period with empty groups', async () => {
    const reply = await turnaround('from=2023-01-01&to=2023-01-31&groupBy=organisation');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ from: '2023-01-01', to: '2023-01-31', groupBy: 'organisation', groups: [] });
  });

  it('defaults to the year up to today, per stage', async () => {
    const reply = await turnaround('');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ from: addDays(today, -364), to: today, groupBy: 'stage' });
  });

  it.each([
    ['from=2024-06-01&to=2024-05-01', ['from', 'to']],
    ['groupBy=ministry', ['groupBy']],
    ['from=2024-02-30', ['from']],
    ['to=31-05-2024', ['to']],
    ['organisation=vws', ['organisation']],
    ['color=red', ['color']],
    ['to=9999-12-31', ['to']],
    ['from=1999-12-31&to=2000-01-31', ['from']],
  ])('refuses %s with a problem naming %j', async (query, fields) => {
    const reply = await turnaround(query);
    expect(reply.status).toBe(400);
    expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(reply.body.errors.map((e: { name: string }) => e.name)).toEqual(fields);
  });

  it('is for managers only', async () => {
    for (const path of ['/analytics/turnaround', '/analytics/overdue']) {
      expect((await flow.as.staff.get(path)).status).toBe(403);
      expect((await flow.as.dg.get(path)).status).toBe(403);
      expect((await flow.as.vws.get(path)).status).toBe(403);
      const anonymous = await new ApiClient(app.baseUrl).get(path);
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
  });

  it('exports CSV for Dutch Excel on Accept: text/csv; JSON stays the default', async () => {
    const reply = await manager.request<string>(
      'GET',
      '/analytics/turnaround?from=2024-05-01&to=2024-05-31',
      undefined,
      { accept: 'text/csv' },
    );
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(reply.headers.get('content-disposition')).toBe(
      'attachment; filename="turnaround-stage-2024-05-01-2024-05-31.csv"',
    );
    expect(reply.headers.get('vary')).toMatch(/Accept/i);
    const lines = reply.body.split('\r\n');
    expect(lines[0]).toBe(
      'from;to;groupBy;key;kind;count;p50Seconds;p90Seconds;meanSeconds;p50WorkingDays;p90WorkingDays;' +
        'meanWorkingDays;overdueCount;onTimeRate',
    );
    expect(lines.slice(1)).toEqual([
      '01-05-2024;31-05-2024;stage;initialling;task;5;259200;518400;271080;1;4,2;2,2;2;0,6',
      '01-05-2024;31-05-2024;stage;decision;task;2;4500;6660;4500;0;0;0;0;1',
      '01-05-2024;31-05-2024;stage;co-signing;task;1;777600;777600;777600;7;7;7;2;0',
      '01-05-2024;31-05-2024;stage;changes_requested;changes_requested;1;360000;360000;360000;2;2;2;0;',
      '',
    ]);

    // fetch's text() drops a byte order mark; Excel needs it, so it is checked on the bytes.
    const raw = await fetch(`${app.baseUrl}/api/v1/analytics/turnaround?from=2024-05-01&to=2024-05-31`, {
      headers: { accept: 'text/csv', authorization: `Bearer ${managerToken}` },
    });
    expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 4)]).toEqual([0xef, 0xbb, 0xbf, 'f'.charCodeAt(0)]);

    const json = await manager.request<any>('GET', '/analytics/turnaround?from=2024-05-01&to=2024-05-31', undefined, {
      accept: 'application/json, text/csv;q=0.5',
    });
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    expect(json.body.groups).toHaveLength(4);
  });

  it('lists what is overdue or due soon, most urgent first, with who holds it', async () => {
    const none = await manager.get('/analytics/overdue');
    expect(none.status).toBe(200);
    expect(none.body.dueBy).toBe(today);
    const within0 = none.body.items.map((i: any) => i.id);
    expect(within0).toEqual([ids.bzTask, ids.overdueTask, ids.deadlineToday]);

    const soon = await manager.get('/analytics/overdue?withinWorkingDays=5');
    expect(soon.status).toBe(200);
    expect(soon.body.dueBy).toBe(addWorkingDays(today, 5, CALENDAR));
    expect(soon.body.items.map((i: any) => i.id)).toEqual([...within0, ids.soonTask]);
    const [bz, overdue, deadline, later] = soon.body.items;
    expect(bz).toMatchObject({
      kind: 'task',
      type: 'co-sign',
      stage: 'co-signing',
      organisation: 'BZ',
      assignee: null,
      holder: 'BZ',
      dueOn: '2024-05-29',
      dueAt: amsterdamEndOfDayInstant('2024-05-29').toISOString(),
      overdue: true,
      workingDaysLeft: workingDaysBetween(today, '2024-05-29', CALENDAR),
    });
    expect(overdue).toMatchObject({ kind: 'task', type: 'initial', holder: 'jenv.dg', overdue: true, dossier: null });
    expect(overdue.workingDaysLeft).toBe(workingDaysBetween(today, overdue.dueOn, CALENDAR));
    expect(overdue.onsKenmerk).toMatch(/^\d{7}$/);
    expect(deadline).toMatchObject({
      kind: 'deadline',
      type: 'commissiedebat',
      title: 'Commissiedebat vandaag',
      organisation: 'JENV',
      holder: 'JENV',
      dueOn: today,
      dueAt: amsterdamEndOfDayInstant(today).toISOString(),
      overdue: false,
      workingDaysLeft: 0,
    });
    expect(later).toMatchObject({
      organisation: 'VWS',
      holder: 'VWS',
      overdue: false,
      dueOn: addWorkingDays(today, 3, CALENDAR),
    });
    expect(later.workingDaysLeft).toBe(3);

    expect((await manager.get('/analytics/overdue?withinWorkingDays=-1')).status).toBe(400);
    expect((await manager.get('/analytics/overdue?withinWorkingDays=many')).body.errors[0].name).toBe(
      'withinWorkingDays',
    );

    const csv = await manager.request<string>('GET', '/analytics/overdue', undefined, { accept: 'text/csv' });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    const [header, first] = csv.body.split('\r\n');
    expect(header).toBe(
      'dueOn;dueAt;overdue;workingDaysLeft;kind;type;title;onsKenmerk;dossier;stage;organisation;assignee;' +
        'holder;id;notaId',
    );
    expect(first).toMatch(new RegExp(`^29-05-2024;29-05-2024 23:59;ja;-\\d+;task;co-sign;Nota 1;\\d{7};28 638;`));
  });

  it('counts what ended after the last refresh live, without waiting for one', async () => {
    const period = `from=${addDays(today, -1)}&to=${today}`;
    const before = await turnaround(period);
    expect(group(before.body, 'initialling')?.count ?? 0).toBe(0);
    const now = Date.now();
    const g = await history.nota({
      organisation: 'JENV',
      createdBy: 'jenv.staff',
      submittedAt: new Date(now - 2 * HOUR),
    });
    await history.task(g, {
      type: 'initial',
      stage: 'initialling',
      organisation: 'JENV',
      assignee: 'jenv.dg',
      sla: 2,
      openedAt: new Date(now - 2 * HOUR),
      decidedAt: new Date(now - 10 * 60_000),
    });
    // Yesterday too: opened two hours ago may be yesterday in Amsterdam shortly after midnight.
    const after = await turnaround(period);
    expect(group(after.body, 'initialling')).toMatchObject({ count: 1, p50Seconds: 6600 });
  });

  it('counts history written long after the moments it records from the next refresh on', async () => {
    const h = await history.nota({ organisation: 'JENV', createdBy: 'jenv.staff', submittedAt: at('2023-03-14', 9) });
    await history.task(h, {
      type: 'initial',
      stage: 'initialling',
      organisation: 'JENV',
      assignee: 'jenv.dg',
      sla: 2,
      openedAt: at('2023-03-14', 9),
      decidedAt: at('2023-03-15', 9),
    });
    expect((await turnaround('from=2023-03-01&to=2023-03-31')).body.groups).toEqual([]);
    await app.app.get(TurnaroundViewRefresher).refresh();
    const after = await turnaround('from=2023-03-01&to=2023-03-31');
    expect(after.body.groups).toEqual([expect.objectContaining({ key: 'initialling', count: 1, p50WorkingDays: 1 })]);
  });

  describe('GET /metrics', () => {
    const scrape = async (baseUrl: string, headers: Record<string, string> = {}) => {
      const response = await fetch(`${baseUrl}/metrics`, { headers });
      return { status: response.status, headers: response.headers, body: await response.text() };
    };
    const sample = (body: string, name: string) => {
      const line = body.split('\n').find((l) => l.startsWith(`${name} `));
      return line === undefined ? undefined : Number(line.slice(name.length + 1));
    };

    it('serves request latencies by route template, flows by outcome and open tasks by stage', async () => {
      await manager.get('/analytics/turnaround?from=2024-05-01&to=2024-05-31');
      await flow.as.staff.get('/analytics/turnaround');
      await manager.get('/no-such-route');
      const reply = await scrape(app.baseUrl);
      expect(reply.status).toBe(200);
      expect(reply.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
      const body = reply.body;
      expect(body).toContain('# TYPE notaflow_http_request_duration_seconds histogram');
      expect(body).toMatch(
        /notaflow_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/analytics\/turnaround",status_code="200"\} [1-9]/,
      );
      expect(body).toMatch(
        /notaflow_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/analytics\/turnaround",status_code="403"\} [1-9]/,
      );
      expect(body).toMatch(
        /notaflow_http_request_duration_seconds_count\{method="GET",route="unmatched",status_code="404"\} [1-9]/,
      );
      expect(body).not.toMatch(/route="\/api\/v1\/notas\/[0-9a-f]{8}-/);

      expect(sample(body, 'notaflow_flows_started_total')).toBe(history.notas.length);
      expect(sample(body, 'notaflow_flows_completed_total{outcome="dispatched"}')).toBe(1);
      expect(sample(body, 'notaflow_flows_completed_total{outcome="withdrawn"}')).toBe(1);
      expect(sample(body, 'notaflow_flows_completed_total{outcome="rejected"}')).toBe(0);
      // Open: BZ on nota A, JENV's on nota C, both of nota F.
      expect(sample(body, 'notaflow_open_tasks{stage="co-signing"}')).toBe(3);
      expect(sample(body, 'notaflow_open_tasks{stage="initialling"}')).toBe(1);
      expect(sample(body, 'notaflow_open_tasks{stage="decision"}')).toBe(0);
      expect(sample(body, 'notaflow_overdue_open_tasks{stage="co-signing"}')).toBe(2);
      expect(sample(body, 'notaflow_overdue_open_tasks{stage="initialling"}')).toBe(1);
      expect(sample(body, 'notaflow_analytics_view_age_seconds')).toBeGreaterThanOrEqual(0);
      expect(body).toContain('process_resident_memory_bytes');
    });

    it('wants the bearer token when METRICS_TOKEN is set', async () => {
      const token = 'metrics-token-for-the-test-0123';
      const secured = await startTestApp({
        worker: false,
        env: { DATABASE_URL: app.config.DATABASE_URL, METRICS_TOKEN: token, ANALYTICS_REFRESH_MINUTES: '0' },
      });
      try {
        const anonymous = await scrape(secured.baseUrl);
        expect(anonymous.status).toBe(401);
        expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer/);
        expect(anonymous.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect((await scrape(secured.baseUrl, { authorization: 'Bearer wrong-token-wrong-token' })).status).toBe(401);
        const allowed = await scrape(secured.baseUrl, { authorization: `Bearer ${token}` });
        expect(allowed.status).toBe(200);
        expect(allowed.body).toContain('notaflow_open_tasks');
      } finally {
        await secured.close();
      }
    });
  });
});
