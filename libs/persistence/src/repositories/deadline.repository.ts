import { QueryFailedError, type EntityManager } from 'typeorm';
import {
  addIsoPeriod,
  type Actor,
  type DeadlineClosingStatus,
  type DeadlineKind,
  type DeadlineStatus,
} from '@notaflow/domain';
import { binder, notaVisibleTo } from '../access';
import { DeadlineEntity, type DeadlineAnchor } from '../entities/deadline.entity';
import { PostponementEntity } from '../entities/postponement.entity';
import { managerOf, type Database } from './database';

export interface DeadlineFilter {
  from?: string;
  to?: string;
  dossier?: string;
  status?: DeadlineStatus;
  kind?: DeadlineKind;
  limit: number;
  offset: number;
}

export type NewDeadline = Pick<
  DeadlineEntity,
  | 'kind'
  | 'title'
  | 'dueOn'
  | 'dossier'
  | 'notaId'
  | 'organisation'
  | 'recurrence'
  | 'reminderLeadWorkingDays'
  | 'createdBy'
> &
  Partial<Pick<DeadlineEntity, 'anchor' | 'preset' | 'presetFrom' | 'kamerstukken'>> & { id?: string };

export type NewPostponement = Pick<
  PostponementEntity,
  'deadlineId' | 'requestedDueOn' | 'requestedOn' | 'reason' | 'notaId' | 'requestedBy'
>;

/** An open deadline tied to the Kamer's calendar, as re-dating it needs it. */
export interface AnchoredDeadline {
  id: string;
  organisation: string;
  anchor: DeadlineAnchor;
  dueOn: string | null;
  originalDueOn: string | null;
  /** A granted postponement moved it: its due date is the Kamer's answer, no longer the anchor's. */
  postponed: boolean;
}

/** What a deadline or postponement may say of the nota it names, for the one who names it. */
export type NotaLink = 'unknown' | 'invisible' | 'visible';

export interface ClosedDeadline {
  id: string;
  status: DeadlineClosingStatus;
  /** The next occurrence of a recurring deadline, when this one was met or missed. */
  nextId: string | null;
}

const ONE_REQUESTED_INDEX = 'postponements_one_requested_idx';

/**
 * The Kamer deadlines and their postponements: the registry's rows, how a deadline closes (and recurs), and which
 * deadlines have their watch. Used by the API and by the worker's activities; inside a transaction through
 * `transaction()`, or on a transaction another repository began through `new DeadlineRepository(db)`.
 */
export class DeadlineRepository {
  private readonly db: EntityManager;

  constructor(source: Database) {
    this.db = managerOf(source);
  }

  /** Runs `work` in one transaction, with this repository and the transaction's manager for other repositories. */
  transaction<T>(work: (deadlines: DeadlineRepository, db: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction((db) => work(new DeadlineRepository(db), db));
  }

  async insert(deadline: NewDeadline): Promise<DeadlineEntity> {
    return this.db.save(
      this.db.create(DeadlineEntity, {
        anchor: null,
        preset: null,
        presetFrom: null,
        kamerstukken: [],
        ...deadline,
        originalDueOn: deadline.dueOn,
        previousId: null,
        status: 'open',
        watchedSince: null,
        closedAt: null,
        extendedOn: null,
        extensionReasons: null,
      }),
    );
  }

  /** `lock` takes the row lock that every read-then-write of a deadline holds, so concurrent changes line up. */
  find(id: string, { lock = false } = {}): Promise<DeadlineEntity | null> {
    return this.db.findOne(DeadlineEntity, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' } } : {}) });
  }

  list(organisation: string, filter: DeadlineFilter): Promise<DeadlineEntity[]> {
    const qb = this.db
      .createQueryBuilder(DeadlineEntity, 'd')
      .where('d.organisation_code = :organisation', { organisation })
      // Undated deadlines ("z.s.m.") last.
      .orderBy('d.due_on', 'ASC', 'NULLS LAST')
      .addOrderBy('d.created_at', 'ASC')
      .addOrderBy('d.id', 'ASC')
      .limit(filter.limit)
      .offset(filter.offset);
    if (filter.from) qb.andWhere('d.due_on >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('d.due_on <= :to', { to: filter.to });
    if (filter.dossier) qb.andWhere('d.dossier = :dossier', { dossier: filter.dossier });
    if (filter.status) qb.andWhere('d.status = :status', { status: filter.status });
    if (filter.kind) qb.andWhere('d.kind = :kind', { kind: filter.kind });
    return qb.getMany();
  }

  /** The occurrence a recurring deadline got when it closed. */
  nextOccurrenceOf(id: string): Promise<DeadlineEntity | null> {
    return this.db.findOneBy(DeadlineEntity, { previousId: id });
  }

  /** A granted postponement moves the due date; the original one stays, the history is in the postponements. */
  async moveDueOn(id: string, dueOn: string): Promise<void> {
    await this.db.update(DeadlineEntity, { id }, { dueOn });
  }

  /** Open deadlines tied to the Kamer's calendar, with whether a postponement moved them. */
  openAnchored(): Promise<AnchoredDeadline[]> {
    return this.db.query(
      `SELECT d.id, d.organisation_code AS organisation, d.anchor, d.due_on::text AS "dueOn",
              d.original_due_on::text AS "originalDueOn",
              EXISTS (SELECT 1 FROM postponements p WHERE p.deadline_id = d.id AND p.status = 'granted') AS postponed
         FROM deadlines d WHERE d.status = 'open' AND d.anchor IS NOT NULL ORDER BY d.id`,
    );
  }

  /** The calendar data dates an anchored deadline anew; answers whether it was still open to be moved. */
  async redate(id: string, { dueOn, originalDueOn }: { dueOn: string | null; originalDueOn: string | null }) {
    const rows: unknown[] = await this.db.query(
      `WITH moved AS (
         UPDATE deadlines SET due_on = $2, original_due_on = $3, updated_at = now() WHERE id = $1 AND status = 'open'
         RETURNING 1)
       SELECT * FROM moved`,
      [id, dueOn, originalDueOn],
    );
    return rows.length > 0;
  }

  /** A notice (uitstelbericht, verdaging) extended the term at once. */
  async extend(id: string, notice: { extendedOn: string; reasons: string; dueOn: string }): Promise<void> {
    await this.db.update(
      DeadlineEntity,
      { id },
      { extendedOn: notice.extendedOn, extensionReasons: notice.reasons, dueOn: notice.dueOn },
    );
  }

  /** Whether `actor` may link a deadline to the nota: the nota's own visibility rule, in SQL. */
  async notaLink(actor: Actor, notaId: string): Promise<NotaLink> {
    const { bind, params } = binder([notaId]);
    const [row]: { visible: boolean }[] = await this.db.query(
      `SELECT ${notaVisibleTo(actor, bind, 'n')} AS visible FROM notas n WHERE n.id = $1`,
      params,
    );
    return !row ? 'unknown' : row.visible ? 'visible' : 'invisible';
  }

  postponementsOf(deadlineId: string): Promise<PostponementEntity[]> {
    return this.db.find(PostponementEntity, { where: { deadlineId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  hasPendingPostponement(deadlineId: string): Promise<boolean> {
    return this.db.existsBy(PostponementEntity, { deadlineId, status: 'requested' });
  }

  findPostponement(id: string, { lock = false } = {}): Promise<PostponementEntity | null> {
    return this.db.findOne(PostponementEntity, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' } } : {}),
    });
  }

  /**
   * A new request, or null when one is already awaiting its outcome. The deadline's row lock serialises requests;
   * the partial unique index is the last word, and its refusal ends the caller's transaction.
   */
  async insertPostponement(postponement: NewPostponement): Promise<PostponementEntity | null> {
    try {
      return await this.db.save(
        this.db.create(PostponementEntity, {
          ...postponement,
          status: 'requested',
          newDueOn: null,
          decidedBy: null,
          decidedAt: null,
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error, ONE_REQUESTED_INDEX)) return null;
      throw error;
    }
  }

  async savePostponement(postponement: PostponementEntity): Promise<PostponementEntity> {
    return this.db.save(postponement);
  }

  /**
   * Closes an open deadline, in a transaction that holds its row lock. A recurring deadline that was met or missed
   * gets its next occurrence (`dueOn` + the period) once: the commitment goes on whether or not this occurrence was
   * kept. A cancelled one does not recur. Undefined when the deadline was no longer open.
   */
  async close(id: string, status: DeadlineClosingStatus, at: Date = new Date()): Promise<ClosedDeadline | undefined> {
    const [closed]: { due_on: string | null; recurrence: string | null }[] = await this.db.query(
      // Wrapped in a SELECT: TypeORM answers a bare UPDATE ... RETURNING with [rows, count] instead of the rows.
      `WITH closed AS (
         UPDATE deadlines SET status = $2, closed_at = $3, updated_at = $3
          WHERE id = $1 AND status = 'open'
          RETURNING due_on::text, recurrence)
       SELECT * FROM closed`,
      [id, status, at],
    );
    if (!closed) return undefined;
    if (status === 'cancelled' || !closed.recurrence) return { id, status, nextId: null };
    // An occurrence without a date recurs without one too: the commitment goes on, its date is still to be set.
    const dueOn = closed.due_on === null ? null : addIsoPeriod(closed.due_on, closed.recurrence);
    // previous_id is unique: a second close (there is none, the row is locked) could not add a second occurrence.
    await this.db.query(
      `INSERT INTO deadlines (kind, title, due_on, original_due_on, dossier, organisation_code, recurrence,
                              previous_id, reminder_lead_working_days, created_by, kamerstukken)
       SELECT kind, title, $2::date, $2::date, dossier, organisation_code, recurrence, id, reminder_lead_working_days,
              created_by, kamerstukken
         FROM deadlines WHERE id = $1
       ON CONFLICT (previous_id) DO NOTHING`,
      [id, dueOn],
    );
    const [next]: { id: string }[] = await this.db.query(`SELECT id FROM deadlines WHERE previous_id = $1`, [id]);
    return { id, status, nextId: next?.id ?? null };
  }

  /**
   * A deadline linked to a nota is met when that nota goes to the Kamer on or before its due date. Called in the
   * transaction that records the dispatch; returns what it closed.
   */
  async meetDeadlinesOfDispatchedNota(notaId: string, dispatchedOn: string, at: Date): Promise<ClosedDeadline[]> {
    const open: { id: string }[] = await this.db.query(
      // One without a date is met by any dispatch of its nota.
      `SELECT id FROM deadlines WHERE nota_id = $1 AND status = 'open' AND (due_on IS NULL OR due_on >= $2::date)
        ORDER BY id FOR UPDATE`,
      [notaId, dispatchedOn],
    );
    const closed: ClosedDeadline[] = [];
    for (const { id } of open) {
      const result = await this.close(id, 'met', at);
      if (result) closed.push(result);
    }
    return closed;
  }

  /** The deadlines a dispatch of the nota may have closed, with the occurrences that followed them. */
  async idsLinkedToNota(notaId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM deadlines WHERE nota_id = $1
       UNION SELECT d.id FROM deadlines d JOIN deadlines p ON d.previous_id = p.id WHERE p.nota_id = $1`,
      [notaId],
    );
    return rows.map((row) => row.id);
  }

  /** When the nota went to the Kamer, if it did. */
  async dispatchedAt(notaId: string): Promise<Date | null> {
    const [nota]: { dispatched_at: Date | null }[] = await this.db.query(
      `SELECT dispatched_at FROM notas WHERE id = $1`,
      [notaId],
    );
    return nota?.dispatched_at ?? null;
  }

  /** The keys of the reminders already recorded for the deadline, whatever its due date was then. */
  async reminderKeys(deadlineId: string): Promise<Set<string>> {
    const sent: { dedupe_key: string }[] = await this.db.query(
      `SELECT dedupe_key FROM notifications WHERE deadline_id = $1 AND kind = 'deadline_reminder'`,
      [deadlineId],
    );
    return new Set(sent.map((row) => row.dedupe_key));
  }

  /** The notification recorded under `key`, if one was. */
  async notificationId(key: string): Promise<string | null> {
    const [row]: { id: string }[] = await this.db.query(`SELECT id FROM notifications WHERE dedupe_key = $1`, [key]);
    return row?.id ?? null;
  }

  /** Their watches were started or woken. */
  async markWatched(ids: readonly string[]): Promise<void> {
    if (!ids.length) return;
    await this.db.query(
      `UPDATE deadlines SET watched_since = now() WHERE id = ANY($1::uuid[]) AND watched_since IS NULL`,
      [ids],
    );
  }

  /** Their watches could not be reached: open ones are left to the sweep. */
  async markUnwatched(ids: readonly string[]): Promise<void> {
    if (!ids.length) return;
    await this.db.query(`UPDATE deadlines SET watched_since = NULL WHERE id = ANY($1::uuid[]) AND status = 'open'`, [
      ids,
    ]);
  }

  /** Open deadlines registered more than `graceSeconds` ago that have no watch, earliest due first. */
  async unwatched({ graceSeconds, limit }: { graceSeconds: number; limit: number }): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM deadlines WHERE status = 'open' AND watched_since IS NULL
          AND created_at < now() - make_interval(secs => $1)
        ORDER BY due_on NULLS LAST LIMIT $2`,
      [graceSeconds, limit],
    );
    return rows.map((row) => row.id);
  }

  /** The next occurrence of a deadline, when it is open and has no watch yet. */
  async unwatchedNextOccurrences(previousId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM deadlines WHERE previous_id = $1 AND status = 'open' AND watched_since IS NULL`,
      [previousId],
    );
    return rows.map((row) => row.id);
  }
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' && driverError.constraint === constraint;
}
