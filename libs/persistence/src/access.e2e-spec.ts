import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  buildRouteTemplate,
  mayActOnTask,
  NOTA_STATUSES,
  ROLES,
  TASK_TYPES,
  type Actor,
  type NotaStatus,
  type RouteChoice,
  type RouteTemplate,
  type TaskHolder,
} from '@notaflow/domain';
import { binder, notaPartVisibleTo, notaVisibleTo, taskHeldBy } from './access';
import { NEXT_ONS_KENMERK_SQL } from './repositories/nota.repository';
import { openTestRegistry } from '../../../test/support/registry';

const ORGANISATIONS = ['JENV', 'VWS', 'BZ', 'AZ'];

/** One user per organisation and role (az.admin is a demo user already), and the actors they sign in as. */
const USERS: Actor[] = ORGANISATIONS.flatMap((organisation) =>
  ROLES.map((role) => ({ username: `${organisation.toLowerCase()}.${role}`, role, organisation })),
);
/** Tokens may name a user with another organisation than the registry's: a named task is still not theirs. */
const ACTORS: Actor[] = [
  ...USERS,
  { username: 'jenv.reviewer', role: 'reviewer', organisation: 'VWS' },
  { username: 'vws.cosigner', role: 'cosigner', organisation: 'BZ' },
];

/**
 * Who saw a nota before the rule was written in SQL: the API's own check, kept here as the rule's specification. Outside
 * its organisation a nota is seen only once it was submitted: a draft withdrawn before that stays its ministry's own.
 */
function visibleBefore(
  actor: Actor,
  nota: { organisation: string; submitted: boolean; route: RouteTemplate },
): boolean {
  if (nota.organisation === actor.organisation) return true;
  if (!nota.submitted) return false;
  if (actor.role === 'cosigner') {
    return nota.route.stages.some((s) => s.stage === 'co-signing' && s.ministries.includes(actor.organisation));
  }
  if (actor.role === 'ministerraad') return nota.route.stages.some((s) => s.stage === 'ministerraad');
  return false;
}

/** Which part of a nota (its tasks and events, by organisation) a ministry read before. */
function partVisibleBefore(actor: Actor, nota: { organisation: string }, organisation: string | null) {
  return (
    nota.organisation === actor.organisation ||
    organisation === null ||
    organisation === actor.organisation ||
    organisation === nota.organisation
  );
}

/**
 * The access rules of access.ts on a real PostgreSQL: `taskHeldBy` picks exactly the tasks `mayActOnTask` lets an
 * actor decide on, and `notaVisibleTo` and `notaPartVisibleTo` show exactly what the API showed before they were
 * written in SQL, for every role of every organisation.
 */
describe('access rules in SQL', () => {
  let db: DataSource;

  beforeAll(async () => {
    db = await openTestRegistry();
    for (const user of USERS) {
      await db.query(
        `INSERT INTO users (username, display_name, role, organisation_code) VALUES ($1, $1, $2, $3)
         ON CONFLICT (username) DO NOTHING`,
        [user.username, user.role, user.organisation],
      );
    }
  });
  afterAll(async () => {
    await db?.destroy();
  });

  const ids = (rows: { id: string }[]) => rows.map((row) => row.id).sort();

  /** A nota in `status`, submitted unless it is a draft or `submitted` says otherwise (a draft withdrawn). */
  async function insertNota(
    organisation: string,
    status: NotaStatus,
    choice: RouteChoice,
    submitted = status !== 'draft',
  ) {
    const nota = { id: randomUUID(), organisation, status, submitted, route: buildRouteTemplate(choice) };
    await db.query(
      `INSERT INTO notas (id, ons_kenmerk, title, organisation_code, created_by, route, status, submitted_at)
       VALUES ($1, ${NEXT_ONS_KENMERK_SQL}, 'Nota', $2, $3, $4, $5, CASE WHEN $6 THEN now() END)`,
      [nota.id, organisation, `${organisation.toLowerCase()}.drafter`, JSON.stringify(nota.route), status, submitted],
    );
    return nota;
  }

  describe('taskHeldBy', () => {
    const tasks: (TaskHolder & { id: string })[] = [];

    beforeAll(async () => {
      const nota = await insertNota('JENV', 'in_review', {
        reviewers: [],
        decider: 'jenv.decider',
        coSigners: [],
        ministerraad: false,
      });
      // Every type, held by every organisation, unnamed and named after each of its users.
      for (const type of TASK_TYPES) {
        for (const organisation of ORGANISATIONS) {
          const assignees = [null, ...USERS.filter((u) => u.organisation === organisation).map((u) => u.username)];
          for (const assignee of assignees) {
            const task = { id: randomUUID(), type, organisation, assignee };
            tasks.push(task);
            await db.query(
              `INSERT INTO tasks (id, nota_id, workflow_id, type, stage, organisation, assignee, version, due_at,
                                  created_at)
               VALUES ($1, $2, 'nota-x', $3, 'initialling', $4, $5, 1, now(), now())`,
              [task.id, nota.id, type, organisation, assignee],
            );
          }
        }
      }
    });

    it.each(ACTORS.map((actor) => [`${actor.username} (${actor.role}, ${actor.organisation})`, actor] as const))(
      'holds for %s exactly the tasks mayActOnTask lets them decide on',
      async (_name, actor) => {
        const { bind, params } = binder();
        const held = await db.query(`SELECT t.id FROM tasks t WHERE ${taskHeldBy(actor, bind, 't')}`, params);
        expect(ids(held)).toEqual(ids(tasks.filter((task) => mayActOnTask(task, actor))));
      },
    );

    it('gives every type of task a holder', async () => {
      const holders = new Set<string>();
      for (const actor of USERS) {
        const { bind, params } = binder();
        const held: { type: string }[] = await db.query(
          `SELECT DISTINCT t.type FROM tasks t WHERE ${taskHeldBy(actor, bind, 't')}`,
          params,
        );
        held.forEach((row) => holders.add(row.type));
      }
      expect([...holders].sort()).toEqual([...TASK_TYPES].sort());
    });
  });

  describe('notaVisibleTo and notaPartVisibleTo', () => {
    const notas: { id: string; organisation: string; status: NotaStatus; submitted: boolean; route: RouteTemplate }[] =
      [];
    const routes: RouteChoice[] = [
      { reviewers: [], decider: 'x.decider', coSigners: [], ministerraad: false },
      { reviewers: [], decider: 'x.decider', coSigners: ['VWS', 'BZ'], ministerraad: false },
      { reviewers: [], decider: 'x.decider', coSigners: ['BZ'], ministerraad: true },
      { reviewers: [], decider: 'x.decider', coSigners: [], ministerraad: true },
    ];

    beforeAll(async () => {
      await db.query(`DELETE FROM tasks`);
      await db.query(`DELETE FROM notas`);
      for (const organisation of ['JENV', 'VWS']) {
        for (const status of NOTA_STATUSES) {
          for (const route of routes) notas.push(await insertNota(organisation, status, route));
        }
        for (const route of routes) notas.push(await insertNota(organisation, 'withdrawn', route, false));
      }
    });

    it.each(ACTORS.map((actor) => [`${actor.username} (${actor.role}, ${actor.organisation})`, actor] as const))(
      'shows %s the notas the API showed before, and of those the same parts',
      async (_name, actor) => {
        const { bind, params } = binder();
        const visible = await db.query(`SELECT n.id FROM notas n WHERE ${notaVisibleTo(actor, bind, 'n')}`, params);
        expect(ids(visible)).toEqual(ids(notas.filter((nota) => visibleBefore(actor, nota))));

        const parts = binder();
        const rows: { id: string; organisation: string | null }[] = await db.query(
          `SELECT n.id, part.organisation
             FROM notas n CROSS JOIN (VALUES (NULL), ('JENV'), ('VWS'), ('BZ'), ('AZ')) AS part (organisation)
            WHERE ${notaPartVisibleTo(actor, parts.bind, 'part.organisation', 'n')}`,
          parts.params,
        );
        const expected = notas.flatMap((nota) =>
          [null, ...ORGANISATIONS]
            .filter((organisation) => partVisibleBefore(actor, nota, organisation))
            .map((organisation) => `${nota.id} ${organisation}`),
        );
        expect(rows.map((row) => `${row.id} ${row.organisation}`).sort()).toEqual(expected.sort());
      },
    );

    it('never shows a nota that was never submitted outside its own organisation, withdrawn drafts included', async () => {
      for (const actor of ACTORS) {
        const { bind, params } = binder();
        const drafts = await db.query(
          `SELECT n.id FROM notas n
            WHERE n.submitted_at IS NULL AND n.organisation_code <> ${bind(actor.organisation)}
              AND ${notaVisibleTo(actor, bind, 'n')}`,
          params,
        );
        expect(drafts).toEqual([]);
      }
    });
  });
});
