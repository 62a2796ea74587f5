import { createHash } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { Actor, TaskHolder, TaskStatus, TaskType } from '@notaflow/domain';
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

/**
 * The channel on which every transaction that opens or closes tasks names their holders (NOTIFY, delivered when it
 * commits and never if it rolls back): whoever keeps answers per holder (the API's inbox) learns whose went stale.
 */
export const TASK_HOLDERS_CHANNEL = 'notaflow_task_holders';

/** Inside the transaction that opened or closed the tasks: their holders, for every listener once it commits. */
export async function notifyTaskHolders(db: EntityManager, holders: TaskHolder[]): Promise<void> {
  if (holders.length === 0) return;
  // Each holder once: a payload is limited to 8,000 bytes, and a step touches a handful of holders.
  const distinct = new Map(holders.map((h) => [`${h.type}|${h.organisation}|${h.assignee ?? ''}`, h]));
  const payload = [...distinct.values()].map(({ type, organisation, assignee }) => ({ type, organisation, assignee }));
  await db.query('SELECT pg_notify($1, $2)', [TASK_HOLDERS_CHANNEL, JSON.stringify(payload)]);
}

export interface TaskHolderEvents {
  /** Tasks of these holders opened or closed; null when the notification could not be read: assume anyone's. */
  changed(holders: TaskHolder[] | null): void;
  /** The connection ended: notifications may have been missed from here on. Called once. */
  lost(error: unknown): void;
}

/**
 * Listens on a connection of its own (LISTEN holds it) for the holders of tasks that transactions opened or closed.
 * Resolves once it listens; after `lost` it is done, and the caller listens anew.
 */
export async function listenToTaskHolders(
  dataSource: DataSource,
  events: TaskHolderEvents,
): Promise<{ close(): Promise<void> }> {
  const options = dataSource.options as PostgresConnectionOptions;
  const client = new Client({
    connectionString: options.url,
    application_name: `${options.applicationName ?? 'notaflow'}-listen`,
    connectionTimeoutMillis: 5000,
    keepAlive: true,
  });
  let ended = false;
  const end = (error: unknown) => {
    if (ended) return;
    ended = true;
    events.lost(error);
    void client.end().catch(() => undefined);
  };
  client.on('error', end);
  client.on('end', () => end(new Error('the listening connection ended')));
  client.on('notification', (message) => {
    if (message.channel !== TASK_HOLDERS_CHANNEL) return;
    let holders: TaskHolder[] | null = null;
    try {
      holders = JSON.parse(message.payload ?? '') as TaskHolder[];
    } catch {
      // Unreadable: treated as news of everyone's tasks.
    }
    events.changed(Array.isArray(holders) ? holders : null);
  });
  try {
    await client.connect();
    await client.query(`LISTEN ${TASK_HOLDERS_CHANNEL}`);
  } catch (error) {
    ended = true;
    await client.end().catch(() => undefined);
    throw error;
  }
  return {
    close: async () => {
      ended = true;
      await client.end().catch(() => undefined);
    },
  };
}
