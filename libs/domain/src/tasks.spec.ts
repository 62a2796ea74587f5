import type { Actor } from './roles';
import { DECISIONS_BY_TASK_TYPE, isDecisionAllowed, mayActOnTask, type TaskHolder } from './tasks';

const actor = (username: string, role: Actor['role'], organisation: string): Actor => ({
  username,
  role,
  organisation,
});

describe(mayActOnTask.name, () => {
  const dg = actor('jenv.dg', 'reviewer', 'JENV');
  const vws = actor('vws.signer', 'cosigner', 'VWS');
  const bz = actor('bz.signer', 'cosigner', 'BZ');
  const staff = actor('jenv.staff', 'drafter', 'JENV');
  const otherStaff = actor('bz.staff', 'drafter', 'BZ');
  const mr = actor('mr.secretariaat', 'ministerraad', 'AZ');

  it.each<[string, TaskHolder, Actor, boolean]>([
    ['the named reviewer initials', { type: 'initial', organisation: 'JENV', assignee: 'jenv.dg' }, dg, true],
    ['another reviewer does not', { type: 'initial', organisation: 'JENV', assignee: 'jenv.directeur' }, dg, false],
    ['a cosigner of the ministry co-signs', { type: 'co-sign', organisation: 'VWS', assignee: null }, vws, true],
    ['never another ministry', { type: 'co-sign', organisation: 'VWS', assignee: null }, bz, false],
    [
      'a reviewer of the own ministry does not co-sign',
      { type: 'co-sign', organisation: 'JENV', assignee: null },
      dg,
      false,
    ],
    ['the secretariat holds the ministerraad', { type: 'ministerraad', organisation: 'AZ', assignee: null }, mr, true],
    ['a drafter does not', { type: 'ministerraad', organisation: 'AZ', assignee: null }, staff, false],
    [
      'a drafter of the own organisation dispatches',
      { type: 'dispatch', organisation: 'JENV', assignee: null },
      staff,
      true,
    ],
    ['a drafter of another does not', { type: 'dispatch', organisation: 'JENV', assignee: null }, otherStaff, false],
  ])('%s', (_name, task, who, expected) => {
    expect(mayActOnTask(task, who)).toBe(expected);
  });
});

describe(isDecisionAllowed.name, () => {
  it('accepts exactly the decisions of API.md per task type', () => {
    expect(DECISIONS_BY_TASK_TYPE).toEqual({
      initial: ['approve', 'reject', 'request_changes'],
      decide: ['approve', 'reject', 'request_changes'],
      'co-sign': ['approve', 'reject', 'request_changes'],
      ministerraad: ['approve', 'hold', 'reject'],
      dispatch: ['approve'],
    });
    expect(isDecisionAllowed('ministerraad', 'request_changes')).toBe(false);
    expect(isDecisionAllowed('dispatch', 'reject')).toBe(false);
    expect(isDecisionAllowed('initial', 'maybe')).toBe(false);
  });
});
