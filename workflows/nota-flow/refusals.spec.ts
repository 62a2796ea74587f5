import type { Actor } from '@notaflow/domain';
import type { DecideInput, FlowTask } from '@notaflow/temporal';
import {
  refuseDecision,
  refuseNewVersion,
  refuseReassignment,
  refuseUnstorableText,
  refuseWithdrawal,
  type RefusalState,
} from './refusals';

const task = (overrides: Partial<FlowTask>): FlowTask => ({
  id: 'task-1',
  type: 'initial',
  stage: 'initialling',
  organisation: 'JENV',
  assignee: 'jenv.dg',
  version: 1,
  createdAt: '2026-12-01T09:00:00.000Z',
  dueAt: '2026-12-07T22:59:59.999Z',
  remindAt: null,
  meetingOn: null,
  ...overrides,
});

const dg: Actor = { username: 'jenv.dg', role: 'reviewer', organisation: 'JENV' };
const staff: Actor = { username: 'jenv.staff', role: 'drafter', organisation: 'JENV' };
const mr: Actor = { username: 'mr.secretariaat', role: 'ministerraad', organisation: 'AZ' };

function state(overrides: Partial<RefusalState> = {}, tasks: FlowTask[] = [task({})]): RefusalState {
  return {
    organisation: 'JENV',
    status: 'in_review',
    openTasks: new Map(tasks.map((t) => [t.id, t])),
    deciding: new Set(),
    withdrawing: false,
    newVersionPending: false,
    ...overrides,
  };
}

const decide = (overrides: Partial<DecideInput> = {}): DecideInput => ({
  taskId: 'task-1',
  actor: dg,
  decision: 'approve',
  ...overrides,
});

describe(refuseDecision.name, () => {
  it('takes a decision the holder of an open task may take', () => {
    expect(refuseDecision(state(), decide())).toBeNull();
    expect(refuseDecision(state(), decide({ decision: 'request_changes', remarks: 'graag' }))).toBeNull();
  });

  it.each([
    ['unknown to the flow', state(), decide({ taskId: 'task-2' })],
    ['already being decided', state({ deciding: new Set(['task-1']) }), decide()],
    ['of a nota being withdrawn', state({ withdrawing: true }), decide()],
  ])('refuses a task %s as not open', (_why, flow, input) => {
    expect(refuseDecision(flow, input)).toEqual({ kind: 'TaskNotOpen', message: `task ${input.taskId} is not open` });
  });

  it.each([
    ['another reviewer', { ...dg, username: 'jenv.directeur' }],
    ['the reviewer’s name from another ministry', { ...dg, organisation: 'VWS' }],
    ['a drafter of the nota', staff],
  ])('refuses %s as not the holder', (_who, actor) => {
    expect(refuseDecision(state(), decide({ actor }))).toEqual({
      kind: 'TaskNotHolder',
      message: `${actor.username} may not act on this initial task`,
    });
  });

  it('asks who holds the task before whether the decision fits it', () => {
    expect(refuseDecision(state(), decide({ actor: staff, decision: 'hold' }))?.kind).toBe('TaskNotHolder');
  });

  it.each(['hold', 'maybe', ''])('refuses "%s" on an initialling task, naming the field and the task type', (d) => {
    expect(refuseDecision(state(), decide({ decision: d as DecideInput['decision'] }))).toEqual({
      kind: 'DecisionNotAllowed',
      message: `a initial task does not take "${d}"`,
      field: {
        name: 'decision',
        code: 'decision_not_allowed',
        reason: `a initial task does not take "${d}"`,
        params: { value: d, taskType: 'initial' },
      },
    });
  });

  describe('a decision on the text of the current version', () => {
    const current = 'a'.repeat(64);
    const older = 'b'.repeat(64);

    it('takes one that names the current nota document', () => {
      expect(refuseDecision(state({ documentSha256: current }), decide({ seenSha256: current }))).toBeNull();
    });

    it('refuses one given on another text, or on none, as stale', () => {
      for (const seenSha256 of [older, undefined]) {
        expect(refuseDecision(state({ documentSha256: current }), decide({ seenSha256 }))).toMatchObject({
          kind: 'StaleVersion',
        });
      }
    });

    it('asks who holds the task first: a stranger is told so, not that the text moved on', () => {
      const stranger: Actor = { username: 'jenv.directeur', role: 'reviewer', organisation: 'JENV' };
      expect(
        refuseDecision(state({ documentSha256: current }), decide({ actor: stranger, seenSha256: older })),
      ).toMatchObject({ kind: 'TaskNotHolder' });
    });

    it('names what is wrong with the decision itself before whether the text moved on', () => {
      expect(
        refuseDecision(state({ documentSha256: current }), decide({ decision: 'maybe' as never, seenSha256: older })),
      ).toMatchObject({ kind: 'DecisionNotAllowed' });
    });

    it('takes decisions without a hash in a flow started before documents existed, as it replays them', () => {
      expect(refuseDecision(state(), decide())).toBeNull();
    });
  });

  describe('a hold of the ministerraad to another meeting', () => {
    const meeting = task({
      type: 'ministerraad',
      stage: 'ministerraad',
      organisation: 'AZ',
      assignee: null,
      meetingOn: '2026-12-11',
    });
    const flow = state({}, [meeting]);
    const hold = (nextMeeting: unknown, decision: DecideInput['decision'] = 'hold') =>
      refuseDecision(flow, decide({ actor: mr, decision, nextMeeting: nextMeeting as string }));

    it('takes a later meeting, and a hold without one', () => {
      expect(hold('2026-12-18')).toBeNull();
      expect(hold(undefined)).toBeNull();
    });

    it.each(['approve', 'reject'] as const)('refuses a nextMeeting with "%s"', (decision) => {
      expect(hold('2026-12-18', decision)).toEqual({
        kind: 'NextMeetingOnlyWithHold',
        message: 'nextMeeting goes only with "hold"',
        field: { name: 'nextMeeting', code: 'only_with_hold', reason: 'goes only with "hold"' },
      });
    });

    it.each(['zzzz', '2999-02-30', '2026-12-1', 20261218, null])('refuses %p, which is no day', (value) => {
      expect(hold(value)).toMatchObject({
        kind: 'NextMeetingNotADay',
        message: 'nextMeeting must be a day as YYYY-MM-DD',
        field: { name: 'nextMeeting', code: 'not_a_date' },
      });
    });

    it.each(['2026-12-11', '2026-12-04'])('refuses %s, not after the current meeting', (value) => {
      expect(hold(value)).toEqual({
        kind: 'NextMeetingNotAfterCurrent',
        message: 'nextMeeting must be after the current meeting of 2026-12-11',
        field: {
          name: 'nextMeeting',
          code: 'not_after_current_meeting',
          reason: 'must be after the current meeting of 2026-12-11',
          params: { value: '2026-12-11' },
        },
      });
    });
  });
});

describe(refuseNewVersion.name, () => {
  const asked = state({ status: 'changes_requested' });

  it('takes a new version from a drafter of the nota’s organisation once changes were asked', () => {
    expect(refuseNewVersion(asked, { actor: staff, note: 'v2' })).toBeNull();
  });

  it.each([
    ['a reviewer of the nota’s organisation', dg],
    ['a drafter of another ministry', { ...staff, organisation: 'VWS' }],
  ])('refuses %s as not managing the nota', (_who, actor) => {
    expect(refuseNewVersion(asked, { actor })).toEqual({
      kind: 'NotaNotManaged',
      message: 'only a drafter of JENV manages this nota',
    });
  });

  it.each([
    ['in review', state()],
    ['with a new version already on its way', state({ status: 'changes_requested', newVersionPending: true })],
    ['being withdrawn', state({ status: 'changes_requested', withdrawing: true })],
  ])('refuses a new version while the nota is %s', (_when, flow) => {
    expect(refuseNewVersion(flow, { actor: staff })).toEqual({
      kind: 'NotaNotAwaitingVersion',
      message: `a new version is taken only after changes were requested (status ${flow.status})`,
    });
  });
});

describe(refuseWithdrawal.name, () => {
  it.each(['in_review', 'changes_requested'] as const)('takes a withdrawal while %s', (status) => {
    expect(refuseWithdrawal(state({ status }), { actor: staff, reason: 'vervalt' })).toBeNull();
  });

  it('refuses anyone but a drafter of the nota’s organisation, before looking at the state', () => {
    expect(refuseWithdrawal(state({ status: 'dispatched' }), { actor: dg, reason: 'x' })?.kind).toBe('NotaNotManaged');
  });

  it.each(['rejected', 'withdrawn', 'dispatched'] as const)('refuses a withdrawal once %s', (status) => {
    expect(refuseWithdrawal(state({ status }), { actor: staff, reason: 'x' })).toEqual({
      kind: 'NotaClosed',
      message: `the nota can no longer be withdrawn (status ${status})`,
    });
  });

  it('refuses a second withdrawal while the first is on its way', () => {
    expect(refuseWithdrawal(state({ withdrawing: true }), { actor: staff, reason: 'x' })?.kind).toBe('NotaClosed');
  });
});

describe(refuseUnstorableText.name, () => {
  it('takes text PostgreSQL stores, and text left out', () => {
    expect(refuseUnstorableText({ remarks: 'akkoord 📜', note: undefined })).toBeNull();
  });

  it.each([
    ['remarks', 'a\u0000', /NUL/],
    ['reason', 'half \uD83D', /surrogate/],
  ])('refuses %s it could never write, naming the field', (name, text, reason) => {
    const refusal = refuseUnstorableText({ [name]: text });
    expect(refusal).toEqual({
      kind: 'UnstorableText',
      message: expect.stringMatching(new RegExp(`^${name} contains`)),
      field: { name, code: 'unstorable_text', reason: expect.stringMatching(reason) },
    });
  });

  describe('handing a task on', () => {
    const directeur: Actor = { username: 'jenv.directeur', role: 'reviewer', organisation: 'JENV' };
    const manager: Actor = { username: 'jenv.management', role: 'manager', organisation: 'JENV' };
    const reassign = (actor: Actor, to: Actor, taskId = 'task-1') => ({ taskId, actor, to, reason: 'Met verlof' });

    it('takes the holder or a manager of its organisation handing it to another of its role there', () => {
      expect(refuseReassignment(state(), reassign(dg, directeur))).toBeNull();
      expect(refuseReassignment(state(), reassign(manager, directeur))).toBeNull();
    });

    it('refuses anyone else, a ministry’s task, and a task closed, being decided or being handed on', () => {
      expect(refuseReassignment(state(), reassign(directeur, directeur))).toMatchObject({ kind: 'TaskNotHolder' });
      const coSign = task({ id: 'co', type: 'co-sign', stage: 'co-signing', organisation: 'VWS', assignee: null });
      const vws: Actor = { username: 'vws.signer', role: 'cosigner', organisation: 'VWS' };
      expect(refuseReassignment(state({}, [coSign]), reassign(vws, vws, 'co'))).toMatchObject({
        kind: 'TaskNotPersonal',
      });
      expect(refuseReassignment(state(), reassign(dg, directeur, 'gone'))).toMatchObject({ kind: 'TaskNotOpen' });
      for (const busy of [{ deciding: new Set(['task-1']) }, { reassigning: new Set(['task-1']) }]) {
        expect(refuseReassignment(state(busy), reassign(dg, directeur))).toMatchObject({ kind: 'TaskNotOpen' });
      }
    });

    it('names the field when the new holder is the current one, of another role or of another organisation', () => {
      const cases: [Actor, string][] = [
        [dg, 'current_holder'],
        [staff, 'wrong_role'],
        [{ username: 'vws.reviewer', role: 'reviewer', organisation: 'VWS' }, 'other_organisation'],
      ];
      for (const [to, code] of cases) {
        expect(refuseReassignment(state(), reassign(dg, to))).toMatchObject({ field: { name: 'to', code } });
      }
    });

    it('takes no decision on a task while it is handed on', () => {
      const decision = { taskId: 'task-1', actor: dg, decision: 'approve' } as DecideInput;
      expect(refuseDecision(state({ reassigning: new Set(['task-1']) }), decision)).toMatchObject({
        kind: 'TaskNotOpen',
      });
    });
  });
});
