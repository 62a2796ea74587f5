import { randomUUID } from 'node:crypto';
import {
  addWorkingDays,
  equatedDaysSeed,
  amsterdamEndOfDayInstant,
  amsterdamStartOfDayInstant,
  toAmsterdamDate,
} from '@notaflow/calendar';
import type { Actor, TaskType } from '@notaflow/domain';
import { AnalyticsRepository, CalendarRepository } from '@notaflow/persistence';
import { TestDatabase } from '../../../../test/support/database';
import { AnalyticsService } from './analytics.service';
import { WORKING_DAYS_RANGE, workingDayRows } from './working-days.sync';

/** 09:00 on an Amsterdam day. */
const nineOn = (day: string) => new Date(amsterdamStartOfDayInstant(day).getTime() + 9 * 3_600_000);

describe(AnalyticsService.name, () => {
  let db: TestDatabase;
  let figures: AnalyticsRepository;
  let manager: Actor;
  let drafter: Actor;

  beforeAll(async () => {
    db = await TestDatabase.open();
    figures = new AnalyticsRepository(db.dataSource);
    // What the API does at start-up: the working days the figures count in.
    const calendar = await new CalendarRepository(db.dataSource).workingDayCalendar();
    await figures.syncWorkingDays(
      workingDayRows(WORKING_DAYS_RANGE.from, WORKING_DAYS_RANGE.to, calendar),
      WORKING_DAYS_RANGE,
    );
    [manager, drafter] = [await db.newUser('manager', 'SZW'), await db.newUser('drafter', 'SZW')];
  });
  afterAll(async () => {
    await db?.close();
  });

  const setup = () => ({ sut: new AnalyticsService(figures, new CalendarRepository(db.dataSource)) });

  /** A task on the nota, due `sla` working days after it opened at 09:00, decided at 09:00 when told. */
  const task = async (
    notaId: string,
    spec: { type: TaskType; stage: string; organisation: string; sla: number; openedOn: string; decidedOn?: string },
  ) => {
    // Due as the flow dates it: the equated days as the migration seeds them do not count.
    const due = amsterdamEndOfDayInstant(addWorkingDays(spec.openedOn, spec.sla, { equatedDays: equatedDaysSeed }));
    await db.dataSource.query(
      `INSERT INTO tasks (id, nota_id, workflow_id, type, stage, organisation, status, version, due_at, created_at,
                          decided_at, decision)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, $9, $10, $11)`,
      [
        randomUUID(),
        notaId,
        `nota-${notaId}`,
        spec.type,
        spec.stage,
        spec.organisation,
        spec.decidedOn ? 'done' : 'open',
        due,
        nineOn(spec.openedOn),
        spec.decidedOn ? nineOn(spec.decidedOn) : null,
        spec.decidedOn ? 'approve' : null,
      ],
    );
  };

  describe('turnaround', () => {
    it('gives percentiles, means and the share on time per stage, over the working days between', async () => {
      const { sut } = setup();
      const nota = await db.newNota(drafter, { status: 'in_review' });
      const initial = { type: 'initial', stage: 'initialling', organisation: 'SZW', sla: 2 } as const;
      // One working day, on time; and three (Hemelvaartsdag, 9 May 2024, is none, nor the Friday after it, equated
      // with a holiday by decree), a day late.
      await task(nota, { ...initial, openedOn: '2024-05-06', decidedOn: '2024-05-07' });
      await task(nota, { ...initial, openedOn: '2024-05-07', decidedOn: '2024-05-14' });
      await task(nota, {
        type: 'decide',
        stage: 'decision',
        organisation: 'SZW',
        sla: 3,
        openedOn: '2024-05-13',
        decidedOn: '2024-05-13',
      });
      // Another organisation's nota is not this manager's figure.
      const other = await db.newNota(await db.newUser('drafter', 'VWS'), { status: 'in_review' });
      await task(other, { ...initial, organisation: 'VWS', openedOn: '2024-05-06', decidedOn: '2024-05-28' });
      await figures.refreshView({ wait: true });

      const reply = await sut.turnaround(manager, { from: '2024-05-01', to: '2024-05-31' });
      expect(reply).toMatchObject({ from: '2024-05-01', to: '2024-05-31', groupBy: 'stage' });
      expect(reply.groups).toEqual([
        {
          key: 'initialling',
          kind: 'task',
          count: 2,
          p50Seconds: 345_600,
          p90Seconds: 552_960,
          meanSeconds: 345_600,
          p50WorkingDays: 2,
          p90WorkingDays: 2.8,
          meanWorkingDays: 2,
          overdueCount: 1,
          onTimeRate: 0.5,
        },
        {
          key: 'decision',
          kind: 'task',
          count: 1,
          p50Seconds: 0,
          p90Seconds: 0,
          meanSeconds: 0,
          p50WorkingDays: 0,
          p90WorkingDays: 0,
          meanWorkingDays: 0,
          overdueCount: 0,
          onTimeRate: 1,
        },
      ]);
      const byMonth = await sut.turnaround(manager, { from: '2024-05-01', to: '2024-05-31', groupBy: 'month' });
      expect(byMonth.groups.map((g) => [g.key, g.count])).toEqual([['2024-05', 3]]);
    });

    it('refuses a period outside the days working days are known for, or one that ends before it starts', async () => {
      const { sut } = setup();
      await expect(sut.turnaround(manager, { from: '1999-12-31', to: '2024-01-01' })).rejects.toMatchObject({
        code: 'validation_failed',
        extras: { errors: [expect.objectContaining({ name: 'from', code: 'outside_period' })] },
      });
      await expect(sut.turnaround(manager, { from: '2024-02-01', to: '2024-01-01' })).rejects.toMatchObject({
        code: 'validation_failed',
        extras: {
          errors: [
            { name: 'from', code: 'after_end' },
            { name: 'to', code: 'before_start' },
          ].map(expect.objectContaining),
        },
      });
    });
  });

  describe('overdue', () => {
    it("lists the organisation's open tasks and deadlines due by today, the overdue ones first", async () => {
      const { sut } = setup();
      const today = toAmsterdamDate(new Date());
      const nota = await db.newNota(drafter, { status: 'in_review' });
      await task(nota, {
        type: 'initial',
        stage: 'initialling',
        organisation: 'SZW',
        sla: 1,
        openedOn: addWorkingDays(today, -5, { equatedDays: equatedDaysSeed }),
      });
      await task(nota, { type: 'initial', stage: 'initialling', organisation: 'SZW', sla: 30, openedOn: today });
      const [{ id: deadlineId }] = (await db.dataSource.query(
        `INSERT INTO deadlines (kind, title, due_on, original_due_on, organisation_code, created_by)
         VALUES ('motie', 'Motie over mensenhandel', $1, $1, 'SZW', $2) RETURNING id`,
        [today, drafter.username],
      )) as { id: string }[];

      const reply = await sut.overdue(manager, {});
      expect(reply.dueBy).toBe(today);
      expect(reply.items.map((i) => [i.kind, i.overdue, i.workingDaysLeft])).toEqual([
        ['task', true, -4],
        ['deadline', false, expect.any(Number)],
      ]);
      expect(reply.items[1]).toMatchObject({ id: deadlineId, title: 'Motie over mensenhandel', holder: 'SZW' });
    });
  });
});
