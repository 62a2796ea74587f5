import { addIsoPeriod } from '@notaflow/domain';
import { CalendarRepository, DeadlineRepository } from '@notaflow/persistence';
import type { DeadlineWatches } from '@notaflow/temporal';
import { TestDatabase } from '../../../../test/support/database';
import type { AppException } from '../common/app.exception';
import { DeadlineRegistration } from './deadline-registration';
import { DeadlineService } from './deadline.service';
import { DeadlineWatchService } from './deadline-watch.service';
import type { CreateDeadlineDto } from './dto/deadline-requests.dto';

/** The watches a change would start or wake (Temporal's part is tested in the deadline-watch specs). */
class RecordingWatches implements DeadlineWatches {
  readonly ensured: string[][] = [];
  ensure(deadlineIds: readonly string[]): Promise<void> {
    this.ensured.push([...deadlineIds]);
    return Promise.resolve();
  }
}

/** What a refusal says: its code, and for a 400 the field and the field's code. */
async function refusal(promise: Promise<unknown>) {
  const error = (await promise.then(
    () => undefined,
    (e: unknown) => e,
  )) as AppException | undefined;
  if (!error?.code) throw new Error(`expected a refusal, got ${String(error)}`);
  return { code: error.code, fields: error.extras.errors?.map((f) => `${f.name}: ${f.code}`) ?? [] };
}

describe(DeadlineService.name, () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await TestDatabase.open();
  });
  afterAll(async () => {
    await db?.close();
  });

  const setup = () => {
    const deadlines = new DeadlineRepository(db.dataSource);
    const calendar = new CalendarRepository(db.dataSource);
    const watches = new RecordingWatches();
    const registration = new DeadlineRegistration(deadlines, calendar);
    return {
      sut: new DeadlineService(deadlines, new DeadlineWatchService(watches, deadlines), calendar, registration),
      registration,
      watches,
    };
  };
  const debat = (overrides: Partial<CreateDeadlineDto> = {}): CreateDeadlineDto => ({
    kind: 'commissiedebat',
    title: 'Commissiedebat prostitutiebeleid en mensenhandel',
    dueOn: '2023-10-12',
    dossier: '28 638',
    ...overrides,
  });

  describe('create', () => {
    it("computes the due date from the Kamervragen term, for the registrar's organisation, and starts its watch", async () => {
      const { sut, watches } = setup();
      const staff = await db.newUser('drafter');
      const created = await sut.create(staff, {
        kind: 'kamervragen',
        title: '  Vragen van het lid Mutluer over loverboys  ',
        preset: 'kamervragen',
        presetFrom: '2024-05-16',
        reminderLeadWorkingDays: [1, 10, 5],
      });
      expect(created).toMatchObject({
        kind: 'kamervragen',
        title: 'Vragen van het lid Mutluer over loverboys',
        // Three weeks from Thursday 16 May 2024.
        dueOn: '2024-06-06',
        originalDueOn: '2024-06-06',
        organisation: 'JENV',
        status: 'open',
        reminderLeadWorkingDays: [10, 5, 1],
        createdBy: staff.username,
        postponements: [],
      });
      expect(watches.ensured).toEqual([[created.id]]);
    });

    it('refuses a due date that is not the term of the preset it names', async () => {
      const { sut, watches } = setup();
      const staff = await db.newUser('drafter');
      const dto = { kind: 'woo', title: 'Woo-verzoek', preset: 'woo', presetFrom: '2024-05-16', dueOn: '2024-06-01' };
      expect(await refusal(sut.create(staff, dto as CreateDeadlineDto))).toEqual({
        code: 'validation_failed',
        fields: ['dueOn: preset_mismatch'],
      });
      expect(watches.ensured).toEqual([]);
    });

    it('links a nota the registrar may see, and refuses one unknown or out of sight', async () => {
      const { sut } = setup();
      const staff = await db.newUser('drafter');
      const ownNota = await db.newNota(staff);
      await expect(sut.create(staff, debat({ notaId: ownNota }))).resolves.toMatchObject({ notaId: ownNota });

      expect(await refusal(sut.create(staff, debat({ notaId: '7d9f2b8e-0000-4000-8000-000000000000' })))).toEqual({
        code: 'validation_failed',
        fields: ['notaId: unknown_nota'],
      });
      // Submitted and on JenV's co-signing route: a JenV co-signer sees it, a JenV drafter does not.
      const vws = await db.newUser('drafter', 'VWS');
      const vwsNota = await db.newNota(vws, { status: 'in_review', route: { coSigners: ['JENV'] } });
      expect(await refusal(sut.create(staff, debat({ notaId: vwsNota })))).toEqual({
        code: 'nota_not_visible',
        fields: [],
      });
      const cosigner = await db.newUser('cosigner');
      await expect(sut.create(cosigner, debat({ notaId: vwsNota }))).resolves.toMatchObject({ notaId: vwsNota });
    });

    it('registers under a fixed id for the seeding, and leaves the watch to its caller', async () => {
      const { sut, registration, watches } = setup();
      const staff = await db.newUser('drafter');
      const id = '2f0c1c9e-5a9a-4e53-8d1e-3c6a0b7d9e11';
      await expect(registration.register(staff, debat(), id)).resolves.toBe(id);
      await expect(sut.get(staff, id)).resolves.toMatchObject({ id });
      expect(watches.ensured).toEqual([]);
    });
  });

  describe('requestPostponement', () => {
    it('records one request at a time, for a date after the due date, of an open deadline of its own', async () => {
      const { sut } = setup();
      const staff = await db.newUser('drafter');
      const deadline = await sut.create(staff, debat());
      const ask = (requestedDueOn: string) =>
        sut.requestPostponement(staff, deadline.id, { requestedDueOn, reason: 'Het actieplan is nog niet gereed' });

      expect(await refusal(ask('2023-10-12'))).toEqual({
        code: 'validation_failed',
        fields: ['requestedDueOn: not_after_current_due'],
      });
      await expect(ask('2023-11-30')).resolves.toMatchObject({
        deadlineId: deadline.id,
        status: 'requested',
        requestedDueOn: '2023-11-30',
        requestedBy: staff.username,
      });
      expect((await refusal(ask('2023-12-21'))).code).toBe('postponement_pending');

      const vws = await db.newUser('drafter', 'VWS');
      const later = { requestedDueOn: '2024-01-01', reason: 'x' };
      expect((await refusal(sut.requestPostponement(vws, deadline.id, later))).code).toBe('deadline_not_own');
      expect((await refusal(sut.requestPostponement(staff, 'no-such-deadline', later))).code).toBe(
        'deadline_not_found',
      );
    });

    it('lets only one of two requests arriving at once through', async () => {
      const { sut } = setup();
      const staff = await db.newUser('drafter');
      const deadline = await sut.create(staff, debat());
      const outcomes = await Promise.allSettled(
        ['2023-11-30', '2023-12-21'].map((requestedDueOn) =>
          sut.requestPostponement(staff, deadline.id, { requestedDueOn, reason: 'Nog niet gereed' }),
        ),
      );
      expect(
        outcomes.map((o) => (o.status === 'fulfilled' ? 'recorded' : (o.reason as AppException).code)).sort(),
      ).toEqual(['postponement_pending', 'recorded']);
    });

    it('refuses a request for a closed deadline', async () => {
      const { sut } = setup();
      const staff = await db.newUser('drafter');
      const deadline = await sut.create(staff, debat());
      await sut.setStatus(staff, deadline.id, { status: 'cancelled' });
      const asked = sut.requestPostponement(staff, deadline.id, { requestedDueOn: '2024-01-01', reason: 'x' });
      expect((await refusal(asked)).code).toBe('deadline_closed');
    });
  });

  describe('recordOutcome', () => {
    it('moves the due date to the date granted, keeps the original one, and moves the watch', async () => {
      const { sut, watches } = setup();
      const [staff, management] = [await db.newUser('drafter'), await db.newUser('manager')];
      const deadline = await sut.create(staff, debat());
      const asked = await sut.requestPostponement(staff, deadline.id, { requestedDueOn: '2023-11-30', reason: 'x' });

      const granted = await sut.recordOutcome(management, asked.id, { outcome: 'granted', newDueOn: '2023-12-21' });
      expect(granted.postponement).toMatchObject({
        status: 'granted',
        newDueOn: '2023-12-21',
        decidedBy: management.username,
      });
      expect(granted.deadline).toMatchObject({ dueOn: '2023-12-21', originalDueOn: '2023-10-12', status: 'open' });
      expect(granted.deadline.postponements).toEqual([expect.objectContaining({ id: asked.id, status: 'granted' })]);
      expect(watches.ensured).toEqual([[deadline.id], [deadline.id]]);

      expect((await refusal(sut.recordOutcome(management, asked.id, { outcome: 'refused' }))).code).toBe(
        'postponement_decided',
      );
    });

    it('grants the date asked unless told another, and records a refusal without moving anything', async () => {
      const { sut, watches } = setup();
      const staff = await db.newUser('drafter');
      const deadline = await sut.create(staff, debat());
      const first = await sut.requestPostponement(staff, deadline.id, { requestedDueOn: '2023-11-30', reason: 'x' });
      expect(await refusal(sut.recordOutcome(staff, first.id, { outcome: 'refused', newDueOn: '2023-12-01' }))).toEqual(
        {
          code: 'validation_failed',
          fields: ['newDueOn: only_with_granted'],
        },
      );
      const refused = await sut.recordOutcome(staff, first.id, { outcome: 'refused' });
      expect(refused.deadline).toMatchObject({ dueOn: '2023-10-12' });

      const second = await sut.requestPostponement(staff, deadline.id, { requestedDueOn: '2023-11-30', reason: 'y' });
      expect(
        await refusal(sut.recordOutcome(staff, second.id, { outcome: 'granted', newDueOn: '2023-10-01' })),
      ).toEqual({
        code: 'validation_failed',
        fields: ['newDueOn: not_after_current_due'],
      });
      const granted = await sut.recordOutcome(staff, second.id, { outcome: 'granted' });
      expect(granted.deadline).toMatchObject({ dueOn: '2023-11-30', originalDueOn: '2023-10-12' });
      // Registered, then the one grant: a refusal moves no watch.
      expect(watches.ensured).toEqual([[deadline.id], [deadline.id]]);
      expect((await refusal(sut.recordOutcome(staff, 'no-such-postponement', { outcome: 'refused' }))).code).toBe(
        'postponement_not_found',
      );
    });
  });

  describe('setStatus', () => {
    it('gives a recurring deadline that is met its next occurrence once, and starts its watch', async () => {
      const { sut, watches } = setup();
      const staff = await db.newUser('drafter');
      const deadline = await sut.create(staff, {
        kind: 'reporting',
        title: 'Voortgangsrapportage mensenhandel',
        dueOn: '2024-06-17',
        recurrence: 'P2Y',
      });
      const met = await sut.setStatus(staff, deadline.id, { status: 'met' });
      expect(met.deadline).toMatchObject({ status: 'met', closedAt: expect.any(String) });
      expect(met.nextOccurrence).toMatchObject({
        dueOn: addIsoPeriod('2024-06-17', 'P2Y'),
        originalDueOn: '2026-06-17',
        previousId: deadline.id,
        recurrence: 'P2Y',
        status: 'open',
        title: 'Voortgangsrapportage mensenhandel',
      });
      expect(watches.ensured.at(-1)).toEqual([deadline.id, met.nextOccurrence!.id]);

      // The same status again changes nothing and adds no occurrence; another one is refused.
      const again = await sut.setStatus(staff, deadline.id, { status: 'met' });
      expect(again.nextOccurrence?.id).toBe(met.nextOccurrence!.id);
      expect((await refusal(sut.setStatus(staff, deadline.id, { status: 'missed' }))).code).toBe('deadline_closed');
      expect(
        (await sut.list(staff, { from: '2024-01-01', to: '2030-12-31' })).filter((d) =>
          d.title.startsWith('Voortgang'),
        ),
      ).toHaveLength(2);
    });

    it('lets a cancelled recurring deadline end there', async () => {
      const { sut, watches } = setup();
      const staff = await db.newUser('drafter');
      const deadline = await sut.create(staff, {
        kind: 'reporting',
        title: 'Jaarverslag',
        dueOn: '2024-03-01',
        recurrence: 'P1Y',
      });
      const cancelled = await sut.setStatus(staff, deadline.id, { status: 'cancelled' });
      expect(cancelled).toMatchObject({ deadline: { status: 'cancelled' }, nextOccurrence: null });
      expect(watches.ensured.at(-1)).toEqual([deadline.id]);
    });
  });

  describe('list', () => {
    it("lists the organisation's own deadlines by due date, within a range", async () => {
      const { sut } = setup();
      const [staff, vws] = [await db.newUser('drafter', 'SZW'), await db.newUser('drafter', 'VWS')];
      for (const dueOn of ['2025-03-01', '2025-01-15', '2025-02-01']) await sut.create(staff, debat({ dueOn }));
      await sut.create(vws, debat({ dueOn: '2025-02-02' }));
      const listed = await sut.list(staff, { from: '2025-01-20', to: '2025-12-31' });
      expect(listed.map((d) => [d.organisation, d.dueOn])).toEqual([
        ['SZW', '2025-02-01'],
        ['SZW', '2025-03-01'],
      ]);
      expect(await refusal(sut.list(staff, { from: '2025-02-01', to: '2025-01-01' }))).toEqual({
        code: 'validation_failed',
        fields: ['to: before_start'],
      });
    });
  });
});
