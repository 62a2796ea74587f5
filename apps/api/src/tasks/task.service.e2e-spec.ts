import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { addDays, toAmsterdamDate } from '@notaflow/calendar';
import { ONS_KENMERK_PATTERN, type TaskType } from '@notaflow/domain';
import {
  DocumentRepository,
  NotaRepository,
  OrganisationRepository,
  TaskRepository,
  UserRepository,
} from '@notaflow/persistence';
import { FakeFlow, FlowSteps } from '../../../../test/support/flow-steps';
import { addNotaDocument, demoActor, openTestRegistry } from '../../../../test/support/registry';
import type { CalendarService } from '../calendar/calendar.service';
import { AppException } from '../common/app.exception';
import { NotaService } from '../notas/nota.service';
import type { DecisionDto } from './dto/task.dto';
import { InboxCache } from './inbox-cache';
import { TaskService } from './task.service';

const staff = demoActor('jenv.staff');

/** The refusal `call` ends in: its code and, for a 400, the fields it names. */
async function refusal(call: Promise<unknown>) {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppException)) throw new Error(`expected a refusal, got ${String(error)}`);
  return { code: error.code, fields: error.extras.errors?.map((e) => [e.name, e.code]) };
}

describe(TaskService.name, () => {
  let db: DataSource;
  let steps: FlowSteps;
  let flow: FakeFlow;
  let sut: TaskService;
  let notaId: string;
  /** The SHA-256 of the nota document every decision names. */
  let seen: string;
  /** The meeting days the calendar knows: the ministerraad's calendar is not what this spec is about. */
  const meetings = new Set<string>();
  /** The task ids of the nota, by what they are. */
  const task: Record<string, string> = {};

  beforeAll(async () => {
    db = await openTestRegistry();
    steps = new FlowSteps(db);
    flow = new FakeFlow(steps);
    const calendar = { isMinisterraadMeeting: (day: string) => Promise.resolve(meetings.has(day)) };
    sut = new TaskService(
      new TaskRepository(db),
      new DocumentRepository(db),
      new UserRepository(db),
      flow.service,
      calendar as unknown as CalendarService,
      // Not started, so it never listens and keeps nothing: every list reads PostgreSQL.
      new InboxCache(db),
    );

    const notas = new NotaService(
      new NotaRepository(db),
      new UserRepository(db),
      new OrganisationRepository(db),
      new DocumentRepository(db),
      flow.service,
    );
    const route = {
      reviewers: ['jenv.afdelingshoofd'],
      decider: 'jenv.bewindspersoon',
      coSigners: ['VWS', 'BZ'],
      ministerraad: true,
    };
    notaId = (await notas.register(staff, { title: 'Voortgang aanpak mensenhandel', route })).id;
    seen = await addNotaDocument(db, notaId);
    await notas.submit(staff, notaId);
    const open = (name: string, type: TaskType, organisation: string, assignee: string | null = null) =>
      steps.openTask(notaId, { type, stage: STAGE_OF[type], organisation, assignee }).then((id) => {
        task[name] = id;
      });
    await open('initial', 'initial', 'JENV', 'jenv.afdelingshoofd');
    await open('decide', 'decide', 'JENV', 'jenv.bewindspersoon');
    await open('co-sign VWS', 'co-sign', 'VWS');
    await open('co-sign BZ', 'co-sign', 'BZ');
    await open('ministerraad', 'ministerraad', 'AZ');
    await open('dispatch', 'dispatch', 'JENV');
  });
  afterAll(async () => {
    await db?.destroy();
  });

  const held = async (username: string, query = {}) =>
    (await sut.list(demoActor(username), query)).map((t) => Object.keys(task).find((name) => task[name] === t.id));

  describe('list', () => {
    it.each([
      ['jenv.afdelingshoofd', ['initial']],
      ['jenv.directeur', []],
      ['jenv.bewindspersoon', ['decide']],
      ['vws.signer', ['co-sign VWS']],
      ['bz.signer', ['co-sign BZ']],
      ['szw.signer', []],
      ['mr.secretariaat', ['ministerraad']],
      ['jenv.staff', ['dispatch']],
      ['jenv.management', []],
      ['az.admin', []],
    ])('lists for %s the open tasks they hold', async (username, names) => {
      expect(await held(username)).toEqual(names);
    });

    it('answers each task in the API shape, with its nota', async () => {
      const [listed] = await sut.list(demoActor('vws.signer'), {});
      expect(listed).toEqual({
        id: task['co-sign VWS'],
        notaId,
        onsKenmerk: expect.stringMatching(ONS_KENMERK_PATTERN),
        title: 'Voortgang aanpak mensenhandel',
        type: 'co-sign',
        stage: 'co-signing',
        organisation: 'VWS',
        assignee: null,
        status: 'open',
        version: 1,
        dueAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        meetingOn: null,
        decision: null,
        decidedBy: null,
        decidedAt: null,
        remarks: null,
        seenSha256: null,
      });
    });

    it('filters by status, type and nota, soonest due first, a page at a time', async () => {
      const bz = demoActor('bz.signer');
      await steps.decideTask(notaId, { id: task['co-sign BZ'], organisation: 'BZ' }, 'approve', bz.username);
      // Asked again, as after a new version: due later than the first.
      task['co-sign BZ again'] = await steps.openTask(notaId, {
        type: 'co-sign',
        stage: 'co-signing',
        organisation: 'BZ',
      });

      expect(await held('bz.signer')).toEqual(['co-sign BZ again']);
      expect(await held('bz.signer', { status: 'done' })).toEqual(['co-sign BZ']);
      expect(await held('bz.signer', { status: 'all' })).toEqual(['co-sign BZ', 'co-sign BZ again']);
      expect(await held('bz.signer', { status: 'all', limit: 1, offset: 1 })).toEqual(['co-sign BZ again']);
      expect(await held('bz.signer', { status: 'all', type: 'dispatch' })).toEqual([]);
      expect(await held('bz.signer', { status: 'all', notaId: randomUUID() })).toEqual([]);
    });
  });

  describe('decide', () => {
    const decide = (username: string, name: string, dto: Omit<DecisionDto, 'seenSha256'> & { seenSha256?: string }) =>
      sut.decide(demoActor(username), task[name], { seenSha256: seen, ...dto });
    const nextFriday = () => {
      let day = addDays(toAmsterdamDate(new Date()), 1);
      while (new Date(`${day}T12:00:00Z`).getUTCDay() !== 5) day = addDays(day, 1);
      return day;
    };

    it('refuses a task that does not exist, and one that is not the caller’s', async () => {
      await expect(
        refusal(sut.decide(staff, randomUUID(), { decision: 'approve', seenSha256: seen })),
      ).resolves.toMatchObject({
        code: 'task_not_found',
      });
      await expect(
        refusal(sut.decide(staff, 'not-an-id', { decision: 'approve', seenSha256: seen })),
      ).resolves.toMatchObject({
        code: 'task_not_found',
      });
      await expect(refusal(decide('bz.signer', 'co-sign VWS', { decision: 'approve' }))).resolves.toMatchObject({
        code: 'task_not_holder',
      });
      await expect(refusal(decide('jenv.directeur', 'initial', { decision: 'approve' }))).resolves.toMatchObject({
        code: 'task_not_holder',
      });
    });

    it('refuses a decision given on another text than the current nota document, before asking the flow', async () => {
      const asked = flow.asked.length;
      await expect(
        refusal(decide('vws.signer', 'co-sign VWS', { decision: 'approve', seenSha256: 'f'.repeat(64) })),
      ).resolves.toMatchObject({ code: 'stale_version' });
      expect(flow.asked).toHaveLength(asked);
    });

    it('refuses a decision on a task that is no longer open', async () => {
      await expect(refusal(decide('bz.signer', 'co-sign BZ', { decision: 'approve' }))).resolves.toMatchObject({
        code: 'task_not_open',
      });
    });

    it('refuses a decision the task does not take, and a next meeting that does not fit', async () => {
      const meeting = nextFriday();
      meetings.add(meeting);
      await expect(refusal(decide('vws.signer', 'co-sign VWS', { decision: 'hold' }))).resolves.toEqual({
        code: 'validation_failed',
        fields: [['decision', 'decision_not_allowed']],
      });
      const secretariaat = (dto: Omit<DecisionDto, 'seenSha256'>) =>
        refusal(decide('mr.secretariaat', 'ministerraad', dto));
      await expect(secretariaat({ decision: 'approve', nextMeeting: meeting })).resolves.toMatchObject({
        fields: [['nextMeeting', 'only_with_hold']],
      });
      await expect(secretariaat({ decision: 'hold', nextMeeting: toAmsterdamDate(new Date()) })).resolves.toMatchObject(
        { fields: [['nextMeeting', 'not_after_today']] },
      );
      await expect(secretariaat({ decision: 'hold', nextMeeting: addDays(meeting, 1) })).resolves.toMatchObject({
        fields: [['nextMeeting', 'not_a_meeting_day']],
      });
      expect(flow.asked.filter((a) => a.operation === 'decide')).toEqual([]);
    });

    it('asks the flow, and answers the task as the registry then holds it', async () => {
      const result = await decide('vws.signer', 'co-sign VWS', { decision: 'approve', remarks: 'Akkoord' });
      expect(flow.asked.at(-1)).toEqual({ operation: 'decide', notaId, actor: demoActor('vws.signer') });
      expect(result.task).toMatchObject({
        id: task['co-sign VWS'],
        status: 'done',
        decision: 'approve',
        decidedBy: 'vws.signer',
      });
      expect(result.nota).toEqual({ status: 'in_review', stage: 'decision', version: 1 });
    });
  });
});

const STAGE_OF = {
  initial: 'initialling',
  decide: 'decision',
  'co-sign': 'co-signing',
  ministerraad: 'ministerraad',
  dispatch: 'dispatch',
} as const;
