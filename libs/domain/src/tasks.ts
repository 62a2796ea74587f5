import type { NotaStage } from './nota';
import type { Actor, Role } from './roles';

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
 * Who holds a task, as data: the one rule that the flow's validators (mayActOnTask) and the registry's SQL
 * (libs/persistence, taskHeldBy) both interpret, so the inbox lists exactly the tasks a decision is taken on.
 * - `named`: only the user the task names (a reviewer, the decider);
 * - `roles`: any user with one of these roles;
 * - `ownOrganisation`: and only of the organisation that holds the task.
 */
export type TaskHolderRule =
  { named: true; ownOrganisation: true } | { roles: readonly Role[]; ownOrganisation: boolean };

/**
 * The named reviewer or decider; any cosigner of that ministry; the ministerraad secretariat; any drafter of the
 * nota's own organisation for dispatch. Never another ministry.
 */
export const TASK_HOLDERS: Readonly<Record<TaskType, TaskHolderRule>> = {
  initial: { named: true, ownOrganisation: true },
  decide: { named: true, ownOrganisation: true },
  'co-sign': { roles: ['cosigner'], ownOrganisation: true },
  ministerraad: { roles: ['ministerraad'], ownOrganisation: false },
  dispatch: { roles: ['drafter'], ownOrganisation: true },
};

/**
 * The tasks that name a person, and the role that person holds: a reviewer initials, the decider decides. Only these
 * are handed on to someone else; a ministry's task belongs to everyone of the role.
 */
export const PERSONAL_TASK_ROLES = { initial: 'reviewer', decide: 'decider' } as const satisfies Partial<
  Record<TaskType, Role>
>;
export type PersonalTaskType = keyof typeof PERSONAL_TASK_ROLES;

export function isPersonalTask(type: TaskType): type is PersonalTaskType {
  return Object.hasOwn(PERSONAL_TASK_ROLES, type);
}

/** Who hands a personal task on: the person it names, or a manager of the organisation that holds it. */
export function mayReassignTask(task: TaskHolder, actor: Actor): boolean {
  if (task.organisation !== actor.organisation) return false;
  return task.assignee === actor.username || actor.role === 'manager';
}

export function mayActOnTask(task: TaskHolder, actor: Actor): boolean {
  const rule = TASK_HOLDERS[task.type];
  if (rule.ownOrganisation && task.organisation !== actor.organisation) return false;
  return 'named' in rule ? task.assignee === actor.username : rule.roles.includes(actor.role);
}

/** For the default of an exhaustive switch: a value the types say cannot come. */
export function assertNever(value: never): never {
  throw new Error(`unexpected value ${String(value)}`);
}
