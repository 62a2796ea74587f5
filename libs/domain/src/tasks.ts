import type { NotaStage } from './nota';
import type { Actor } from './roles';

export const TASK_TYPES = ['initial', 'decide', 'co-sign', 'ministerraad', 'dispatch'] as const;
export type TaskType = (typeof TASK_TYPES)[number];

export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const DECISIONS = ['approve', 'reject', 'request_changes', 'hold'] as const;
export type Decision = (typeof DECISIONS)[number];

/** The decisions each kind of task accepts (API.md, Tasks). */
export const DECISIONS_BY_TASK_TYPE: Readonly<Record<TaskType, readonly Decision[]>> = {
  initial: ['approve', 'reject', 'request_changes'],
  decide: ['approve', 'reject', 'request_changes'],
  'co-sign': ['approve', 'reject', 'request_changes'],
  ministerraad: ['approve', 'hold', 'reject'],
  dispatch: ['approve'],
};

export function isDecisionAllowed(type: TaskType, decision: string): decision is Decision {
  return (DECISIONS_BY_TASK_TYPE[type] as readonly string[]).includes(decision);
}

/** What a task is and who holds it, as the flow opens it and the read model keeps it. */
export interface TaskIdentity {
  id: string;
  type: TaskType;
  stage: NotaStage;
  organisation: string;
  assignee: string | null;
  version: number;
}

export interface TaskHolder {
  type: TaskType;
  organisation: string;
  assignee: string | null;
}

/**
 * Who holds a task: the named reviewer or decider; any cosigner of that ministry; the ministerraad
 * secretariat; any drafter of the nota's own organisation for dispatch. Never another ministry.
 */
export function mayActOnTask(task: TaskHolder, actor: Actor): boolean {
  switch (task.type) {
    case 'initial':
    case 'decide':
      return task.assignee === actor.username && task.organisation === actor.organisation;
    case 'co-sign':
      return actor.role === 'cosigner' && actor.organisation === task.organisation;
    case 'ministerraad':
      return actor.role === 'ministerraad';
    case 'dispatch':
      return actor.role === 'drafter' && actor.organisation === task.organisation;
    default:
      return assertNever(task.type);
  }
}

export function assertNever(value: never): never {
  throw new Error(`unexpected value ${String(value)}`);
}
