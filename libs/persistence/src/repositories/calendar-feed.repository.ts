import { IsNull, type EntityManager } from 'typeorm';
import type { DeadlineKind, DeadlineStatus } from '@notaflow/domain';
import { CalendarFeedEntity } from '../entities/calendar-feed.entity';
import { managerOf, type Database } from './database';

/** Whom a live token belongs to, as the registry knows them now. */
export interface FeedOwner {
  feedId: string;
  organisation: string;
}

/** A deadline as a feed shows it: the row plus what its postponements add. */
export interface FeedDeadline {
  id: string;
  kind: DeadlineKind;
  title: string;
  dueOn: string;
  originalDueOn: string | null;
  dossier: string | null;
  status: DeadlineStatus;
  /** Each one moved the date: a calendar event counts them in its SEQUENCE. */
  grantedPostponements: number;
  /** The date asked of the Kamer while a postponement awaits its answer. */
  pendingPostponementTo: string | null;
  /** The latest change to the deadline or its postponements. */
  lastModified: Date;
}

/**
 * Calendar feeds (subscription URLs, stored by the hash of their token) and what a feed serves: an organisation's
 * deadlines.
 */
export class CalendarFeedRepository {
  private readonly db: EntityManager;

  constructor(source: Database) {
    this.db = managerOf(source);
  }

  transaction<T>(work: (feeds: CalendarFeedRepository) => Promise<T>): Promise<T> {
    return this.db.transaction((db) => work(new CalendarFeedRepository(db)));
  }

  /**
   * Locks the user's registry row, in a transaction: proves the registry knows them, and lines up concurrent
   * requests of theirs. NO KEY UPDATE leaves the rows that reference the user (notas, tasks) free to be written.
   */
  async lockUser(username: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM users WHERE username = $1 FOR NO KEY UPDATE`, [
      username,
    ]);
    return rows.length > 0;
  }

  countActive(username: string): Promise<number> {
    return this.db.countBy(CalendarFeedEntity, { username, revokedAt: IsNull() });
  }

  insert(feed: { username: string; tokenHash: Buffer; name: string | null }): Promise<CalendarFeedEntity> {
    return this.db.save(this.db.create(CalendarFeedEntity, { ...feed, lastUsedAt: null, revokedAt: null }));
  }

  /** The user's own feeds, newest first, revoked ones too; never their token hashes. */
  list(username: string, page: { limit: number; offset: number }): Promise<CalendarFeedEntity[]> {
    return this.db.find(CalendarFeedEntity, {
      where: { username },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
  }

  findOwn(username: string, id: string): Promise<CalendarFeedEntity | null> {
    return this.db.findOneBy(CalendarFeedEntity, { id, username });
  }

  /** Revoking a revoked feed changes nothing: the first moment stays. */
  async revoke(id: string): Promise<void> {
    await this.db.update(CalendarFeedEntity, { id, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
  }

  /**
   * The owner of a live feed by its token's hash, joined to users: a token whose user is gone opens nothing, and a
   * user who moved sees their new organisation. Marks the feed used, at most once a minute: clients poll, several
   * devices per feed, and a write per minute is enough to tell a feed in use.
   */
  async ownerOf(tokenHash: Buffer): Promise<FeedOwner | undefined> {
    const [owner]: (FeedOwner & { fresh: boolean | null })[] = await this.db.query(
      `SELECT f.id AS "feedId", u.organisation_code AS organisation,
              f.last_used_at >= now() - interval '1 minute' AS fresh
         FROM calendar_feeds f
         JOIN users u ON u.username = f.username
        WHERE f.token_hash = $1 AND f.revoked_at IS NULL`,
      [tokenHash],
    );
    if (!owner) return undefined;
    if (!owner.fresh) {
      await this.db.query(
        `UPDATE calendar_feeds SET last_used_at = now()
          WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
        [owner.feedId],
      );
    }
    return { feedId: owner.feedId, organisation: owner.organisation };
  }

  /**
   * Open deadlines whenever they fall, closed ones due within the last year, and cancellations of the last year
   * whatever their date, so a client that once showed one sees it called off. Only dated ones: an event needs a day.
   */
  deadlinesOf(organisation: string): Promise<FeedDeadline[]> {
    // Dates as text: the pg driver would read a date column as midnight in the process's time zone.
    return this.db.query(
      `SELECT d.id, d.kind, d.title, d.dossier, d.status,
              to_char(d.due_on, 'YYYY-MM-DD') AS "dueOn",
              to_char(d.original_due_on, 'YYYY-MM-DD') AS "originalDueOn",
              p.granted AS "grantedPostponements",
              p.pending_to AS "pendingPostponementTo",
              GREATEST(d.updated_at, p.changed_at) AS "lastModified"
         FROM deadlines d
         CROSS JOIN LATERAL (
           SELECT count(*) FILTER (WHERE status = 'granted')::int AS granted,
                  to_char(max(requested_due_on) FILTER (WHERE status = 'requested'), 'YYYY-MM-DD') AS pending_to,
                  max(coalesce(decided_at, created_at)) AS changed_at
             FROM postponements
            WHERE deadline_id = d.id
         ) p
        WHERE d.organisation_code = $1
          -- A deadline without a date yet ("z.s.m.") is no event in a calendar.
          AND d.due_on IS NOT NULL
          AND (d.status = 'open'
               OR d.due_on >= (now() AT TIME ZONE 'Europe/Amsterdam')::date - interval '1 year'
               OR (d.status = 'cancelled' AND d.updated_at >= now() - interval '1 year'))
        ORDER BY d.due_on, d.created_at, d.id`,
      [organisation],
    );
  }
}
