import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { Actor, TaskStatus, TaskType } from '@notaflow/domain';
import { binder, namedBinder, taskHeldBy } from '../access';
import { TaskEntity } from '../entities/task.entity';
import { managerOf, type Database } from './database';

/** A task as the API shows it: with its nota's kenmerk and title, times in ISO 8601. */
export interface TaskView {
  id: string;
  notaId: string;
  onsKenmerk: string;
  title: string;
  type: TaskType;
  stage: string;
  organisation: string;
  assignee: string | null;
  status: TaskStatus;
  version: number;
  dueAt: string;
  createdAt: string;
  meetingOn: string | null;
  decision: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  remarks: string | null;
  seenSha256: string | null;
}

export interface HeldTaskFilter {
  status: TaskStatus | 'all';
  type?: TaskType;
  notaId?: string;
  limit: number;
  offset: number;
}

/** As Date.prototype.toISOString writes it, the form every other time in the API takes. */
function isoTime(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** The columns of a TaskView, read from tasks `t` joined to their notas `n`. */
const TASK_VIEW = `t.id, t.nota_id AS "notaId", n.ons_kenmerk AS "onsKenmerk", n.title, t.type, t.stage, t.organisation,
  t.assignee, t.status, t.version, ${isoTime('t.due_at')} AS "dueAt", ${isoTime('t.created_at')} AS "createdAt",
  t.meeting_on::text AS "meetingOn", t.decision, t.decided_by AS "decidedBy",
  ${isoTime('t.decided_at')} AS "decidedAt", t.remarks, t.seen_sha256 AS "seenSha256"`;

/** The read model of the flow's tasks: every list and check of who holds one goes through `taskHeldBy`. */
export class TaskRepository {
  private readonly db: EntityManager;

  constructor(db: Database) {
    this.db = managerOf(db);
  }

  /**
   * The tasks `actor` holds, soonest due first. The most requested statement (every inbox polls it), so it answers
   * in the view's own shape: no entities to hydrate, and times as PostgreSQL formats them, not parsed into Dates to
   * be formatted again; and as a prepared statement, parsed and planned once per connection.
   */
  listHeld(actor: Actor, filter: HeldTaskFilter): Promise<TaskView[]> {
    const { bind, params } = binder();
    const where = [taskHeldBy(actor, bind, 't')];
    if (filter.status !== 'all') where.push(`t.status = ${bind(filter.status)}`);
    if (filter.type) where.push(`t.type = ${bind(filter.type)}`);
    if (filter.notaId) where.push(`t.nota_id = ${bind(filter.notaId)}`);
    return this.prepared(
      `SELECT ${TASK_VIEW}
         FROM tasks t JOIN notas n ON n.id = t.nota_id
        WHERE ${where.join(' AND ')}
        ORDER BY t.due_at, t.id
        LIMIT ${bind(filter.limit)} OFFSET ${bind(filter.offset)}`,
      params,
    );
  }

  /**
   * Runs a statement as a named prepared statement, which pg prepares once on each pooled connection: the text
   * varies only with the caller's role and filters, so a handful of names cover every call. Inside a transaction it
   * runs as any statement, on the transaction's connection.
   */
  private async prepared<T>(text: string, values: unknown[]): Promise<T[]> {
    if (this.db.queryRunner) return this.db.query(text, values);
    const pool = (this.db.connection.driver as PostgresDriver).master as {
      query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: T[] }>;
    };
    const name = `task_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    return (await pool.query({ name, text, values })).rows;
  }

  /** One task in the shape the inbox lists it. */
  async view(id: string): Promise<TaskView | null> {
    const [task]: TaskView[] = await this.db.query(
      `SELECT ${TASK_VIEW} FROM tasks t JOIN notas n ON n.id = t.nota_id WHERE t.id = $1`,
      [id],
    );
    return task ?? null;
  }

  /** The task and whether `actor` holds it, in one read. */
  async findFor(actor: Actor, id: string): Promise<{ task: TaskEntity; held: boolean } | null> {
    const { bind, params } = namedBinder();
    const { entities, raw } = await this.db
      .createQueryBuilder(TaskEntity, 't')
      .addSelect(taskHeldBy(actor, bind, 't'), 'held')
      .where('t.id = :id', { id })
      .setParameters(params)
      .getRawAndEntities<{ held: boolean }>();
    return entities[0] ? { task: entities[0], held: raw[0].held } : null;
  }
}
