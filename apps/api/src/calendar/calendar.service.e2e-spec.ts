import { CalendarRepository } from '@notaflow/persistence';
import { TestDatabase } from '../../../../test/support/database';
import type { AppException } from '../common/app.exception';
import { CalendarService } from './calendar.service';

async function refusalCode(promise: Promise<unknown>): Promise<string | undefined> {
  return promise.then(
    () => undefined,
    (error: AppException) => error.code,
  );
}

describe(CalendarService.name, () => {
  let db: TestDatabase;

  // Each test its own database: the periods are one table, and the migration seeds some.
  beforeEach(async () => {
    db = await TestDatabase.open();
  });
  afterEach(async () => {
    await db?.close();
  });

  const setup = () => ({ sut: new CalendarService(new CalendarRepository(db.dataSource)) });

  describe('create', () => {
    it('adds a recess, and refuses one that shares a day with another of the same kind', async () => {
      const { sut } = setup();
      const herfst = await sut.create('recess', {
        name: '  herfstreces 2024 ',
        fromOn: '2024-10-18',
        toOn: '2024-10-28',
      });
      expect(herfst).toEqual({
        id: expect.any(String),
        name: 'herfstreces 2024',
        source: null,
        fromOn: '2024-10-18',
        toOn: '2024-10-28',
      });

      for (const clash of [
        { name: 'dubbel', fromOn: '2024-10-18', toOn: '2024-10-19' },
        { name: 'ervoor', fromOn: '2024-10-01', toOn: '2024-10-18' },
        { name: 'erna', fromOn: '2024-10-28', toOn: '2024-11-02' },
        { name: 'eromheen', fromOn: '2024-10-01', toOn: '2024-11-30' },
      ]) {
        expect({ clash, code: await refusalCode(sut.create('recess', clash)) }).toEqual({
          clash,
          code: 'calendar_period_overlap',
        });
      }
      // The day after is free, and a ministerraad break is another kind.
      await expect(
        sut.create('recess', { name: 'na', fromOn: '2024-10-29', toOn: '2024-10-30' }),
      ).resolves.toBeDefined();
      await expect(
        sut.create('ministerraad_break', { name: 'herfst', fromOn: '2024-10-21', toOn: '2024-10-25' }),
      ).resolves.toBeDefined();
      expect(
        (await sut.list('recess'))
          .filter((r) => r.fromOn >= '2024-10-01' && r.fromOn < '2025-01-01')
          .map((r) => r.name),
      ).toEqual(['herfstreces 2024', 'na']);
    });

    it('lets only one of two overlapping periods that arrive at once in', async () => {
      const { sut } = setup();
      const outcomes = await Promise.allSettled([
        sut.create('recess', { name: 'a', fromOn: '2031-10-18', toOn: '2031-10-28' }),
        sut.create('recess', { name: 'b', fromOn: '2031-10-20', toOn: '2031-10-30' }),
      ]);
      expect(
        outcomes.map((o) => (o.status === 'fulfilled' ? 'added' : (o.reason as AppException).code)).sort(),
      ).toEqual(['added', 'calendar_period_overlap']);
    });

    it('refuses a period that ends before it starts', async () => {
      const { sut } = setup();
      const error = await sut
        .create('recess', { name: 'x', fromOn: '2025-10-20', toOn: '2025-10-10' })
        .catch((e: AppException) => e);
      expect(error).toMatchObject({
        code: 'validation_failed',
        extras: { errors: [{ name: 'toOn', code: 'before_start' }] },
      });
    });
  });

  describe('remove', () => {
    it('removes a period of its own kind only', async () => {
      const { sut } = setup();
      const recess = await sut.create('recess', { name: 'r', fromOn: '2032-01-01', toOn: '2032-01-02' });
      expect(await refusalCode(sut.remove('ministerraad_break', recess.id))).toBe('calendar_period_not_found');
      await sut.remove('recess', recess.id);
      expect(await refusalCode(sut.remove('recess', recess.id))).toBe('calendar_period_not_found');
      expect(await refusalCode(sut.remove('recess', 'not-a-uuid'))).toBe('calendar_period_not_found');
    });
  });

  describe('backwardPlan', () => {
    it('plans the Versterkt Actieplan backwards from 21 June 2024, on the ministerraad of 14 June', async () => {
      const { sut } = setup();
      await expect(sut.backwardPlan('2024-06-21')).resolves.toEqual({
        target: '2024-06-21',
        stages: [
          { stage: 'initialling', workingDays: 2, latestStart: '2024-05-24', latestEnd: '2024-05-27' },
          { stage: 'decision', workingDays: 3, latestStart: '2024-05-28', latestEnd: '2024-05-30' },
          { stage: 'co-signing', workingDays: 10, latestStart: '2024-05-31', latestEnd: '2024-06-13' },
          { stage: 'ministerraad', workingDays: 1, latestStart: '2024-06-14', latestEnd: '2024-06-14' },
          { stage: 'dispatch', workingDays: 2, latestStart: '2024-06-20', latestEnd: '2024-06-21' },
        ],
        startBy: '2024-05-24',
      });
    });

    it('plans on the last meeting before a ministerraad break that an administrator added', async () => {
      const { sut } = setup();
      const plan = async () => (await sut.backwardPlan('2030-08-06', 'ministerraad,dispatch')).stages[0];
      expect(await plan()).toMatchObject({ stage: 'ministerraad', latestStart: '2030-08-02' });
      await sut.create('ministerraad_break', { name: 'zomer 2030', fromOn: '2030-07-06', toOn: '2030-08-25' });
      expect(await plan()).toMatchObject({ stage: 'ministerraad', latestStart: '2030-07-05' });
      await expect(sut.nextMinisterraad('2030-07-10')).resolves.toEqual({ date: '2030-08-30' });
      await expect(sut.isMinisterraadMeeting('2030-07-12')).resolves.toBe(false);
      await expect(sut.isMinisterraadMeeting('2030-08-30')).resolves.toBe(true);
    });
  });
});
