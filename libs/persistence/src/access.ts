import { TASK_HOLDERS, TASK_TYPES, type Actor } from '@notaflow/domain';

/** Binds a value as the next query parameter and names its placeholder (`$3`). */
export type Bind = (value: unknown) => string;

/** A binder over a fresh parameter list: `const { bind, params } = binder()`. */
export function binder(params: unknown[] = []): { bind: Bind; params: unknown[] } {
  return { bind: (value) => `$${params.push(value)}`, params };
}

/**
 * A binder for TypeORM's query builder, whose parameters are named (`:access1`), not numbered: the same rules then
 * filter entity queries too. `params` goes to `setParameters`.
 */
export function namedBinder(prefix = 'access'): { bind: Bind; params: Record<string, unknown> } {
  const params: Record<string, unknown> = {};
  let count = 0;
  return {
    bind: (value) => {
      const name = `${prefix}${++count}`;
      params[name] = value;
      return `:${name}`;
    },
    params,
  };
}

/**
 * The SQL condition for the tasks `actor` holds, read from TASK_HOLDERS: the same rule the flow's validators
 * apply through mayActOnTask, so the inbox lists exactly what a decision is taken on. `t` names the tasks row.
 */
export function taskHeldBy(actor: Actor, bind: Bind, t = 't'): string {
  const held = TASK_TYPES.flatMap((type) => {
    const rule = TASK_HOLDERS[type];
    const who = 'named' in rule ? `${t}.assignee = ${bind(actor.username)}` : rule.roles.includes(actor.role) && 'true';
    if (!who) return [];
    const where = rule.ownOrganisation ? `${who} AND ${t}.organisation = ${bind(actor.organisation)}` : who;
    return [`(${t}.type = ${bind(type)} AND ${where})`];
  });
  return held.length ? `(${held.join(' OR ')})` : 'false';
}

/**
 * The SQL condition for the notas `actor` may see: its own organisation's; and, once submitted, a co-signing
 * ministry's that are on its route and the ministerraad secretariat's that go to the ministerraad. Every list,
 * read and search of notas, and everything reached through a nota, goes through this one rule. `n` names the
 * notas row.
 *
 * "Once submitted" is `submitted_at`, which the flow's first step sets and nothing clears, not the status: a draft
 * withdrawn before it was ever submitted is `withdrawn` too, and stays its own ministry's.
 */
export function notaVisibleTo(actor: Actor, bind: Bind, n = 'n'): string {
  const org = bind(actor.organisation);
  const visible = [`${n}.organisation_code = ${org}`];
  const onRoute = (stage: string, also = '') =>
    `(${n}.submitted_at IS NOT NULL AND EXISTS (SELECT 1 FROM jsonb_array_elements(${n}.route->'stages') s
       WHERE s->>'stage' = '${stage}'${also}))`;
  if (actor.role === 'cosigner') visible.push(onRoute('co-signing', ` AND s->'ministries' ? ${org}`));
  if (actor.role === 'ministerraad') visible.push(onRoute('ministerraad'));
  return `(${visible.join(' OR ')})`;
}

/**
 * The SQL condition for the deadlines `actor` may see: a deadline belongs to the organisation that registered it,
 * and everyone of that organisation reads it. `d` names the deadlines row.
 */
export function deadlineVisibleTo(actor: Actor, bind: Bind, d = 'd'): string {
  return `(${d}.organisation_code = ${bind(actor.organisation)})`;
}

/**
 * Outside the nota's own organisation, a ministry sees its own tasks and events on a nota it may see, never
 * another ministry's: the part of `organisationColumn` of a nota `n` that `actor` may read.
 */
export function notaPartVisibleTo(actor: Actor, bind: Bind, organisationColumn: string, n = 'n'): string {
  const org = bind(actor.organisation);
  return `(${n}.organisation_code = ${org} OR ${organisationColumn} IS NULL OR ${organisationColumn} = ${org}
           OR ${organisationColumn} = ${n}.organisation_code)`;
}
