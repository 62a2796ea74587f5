import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import type { Actor } from '@notaflow/domain';
import { CalendarFeedEntity } from '@notaflow/persistence';
import { AppException } from '../common/app.exception';
import { isUuid } from '../common/ids';
import { hashFeedToken, isFeedTokenShape, newFeedToken } from './calendar-feed-token';
import { buildDeadlineCalendar, type FeedDeadline } from './deadline-calendar';
import type {
  CalendarFeedDto,
  CreateCalendarFeedDto,
  CreatedCalendarFeedDto,
  ListCalendarFeedsQuery,
} from './dto/calendar-feed.dto';
import { subscriptionUrls } from './subscription-url';

/** Enough for every device and app a person uses; a leak of tokens by a script gone wrong stops here. */
export const MAX_ACTIVE_FEEDS_PER_USER = 20;

// One answer for a missing, malformed, unknown, revoked or orphaned token: which one it was is nobody's business.
const DEAD_TOKEN = 'The calendar feed token is missing, unknown or revoked; create a new feed in notaflow.';

interface FeedOwner {
  id: string;
  organisation: string;
  fresh: boolean | null;
}

/**
 * Calendar feeds: per-user subscription URLs to the Kamer deadlines of the user's organisation, for calendar apps
 * that cannot send an access token. The token is the credential, so it is shown once and stored only as a hash;
 * what it opens is decided at every fetch from the owner's current registry entry (organisation, existence).
 */
@Injectable()
export class CalendarFeedService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A new feed for the caller; `origin` is where the caller reached the API, for the subscription URL. */
  async create(actor: Actor, dto: CreateCalendarFeedDto, origin: string): Promise<CreatedCalendarFeedDto> {
    const token = newFeedToken();
    const feed = await this.dataSource.transaction(async (db) => {
      // The owner's row, locked: proves the registry knows them, and lines up concurrent requests for the cap.
      // NO KEY UPDATE leaves the rows that reference the user (their notas, tasks) free to be written meanwhile.
      const owner: unknown[] = await db.query(`SELECT 1 FROM users WHERE username = $1 FOR NO KEY UPDATE`, [
        actor.username,
      ]);
      if (owner.length === 0) {
        throw new AppException('user_unknown', `The registry does not know user ${actor.username}.`);
      }
      const active = await db.countBy(CalendarFeedEntity, { username: actor.username, revokedAt: IsNull() });
      if (active >= MAX_ACTIVE_FEEDS_PER_USER) {
        throw new AppException(
          'calendar_feed_limit',
          `You already have ${MAX_ACTIVE_FEEDS_PER_USER} active calendar feeds; revoke one you no longer use first.`,
        );
      }
      return db.save(
        db.create(CalendarFeedEntity, {
          username: actor.username,
          tokenHash: hashFeedToken(token),
          name: dto.name?.trim() ?? null,
          lastUsedAt: null,
          revokedAt: null,
        }),
      );
    });
    return {
      id: feed.id,
      name: feed.name,
      ...subscriptionUrls(origin, token),
      createdAt: feed.createdAt.toISOString(),
    };
  }

  /** The caller's own feeds, newest first, revoked ones too. */
  async list(actor: Actor, query: ListCalendarFeedsQuery): Promise<CalendarFeedDto[]> {
    const feeds = await this.dataSource.getRepository(CalendarFeedEntity).find({
      where: { username: actor.username },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: query.limit ?? 50,
      skip: query.offset ?? 0,
    });
    return feeds.map(toCalendarFeedDto);
  }

  /** Kills the feed's URL for good. Revoking a revoked feed changes nothing. */
  async revoke(actor: Actor, id: string): Promise<void> {
    const repository = this.dataSource.getRepository(CalendarFeedEntity);
    // Someone else's feed is answered like one that does not exist.
    const feed = isUuid(id) ? await repository.findOneBy({ id, username: actor.username }) : null;
    if (!feed) throw new AppException('calendar_feed_not_found', `No calendar feed ${id}.`);
    if (!feed.revokedAt) {
      await repository.update({ id, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
    }
  }

  /** The iCalendar text of the deadlines the token's owner may read; 401 for a token that opens nothing. */
  async render(token: unknown): Promise<string> {
    const owner = await this.ownerOf(token);
    const deadlines = await this.feedDeadlines(owner.organisation);
    return buildDeadlineCalendar(owner.organisation, deadlines);
  }

  private async ownerOf(token: unknown): Promise<FeedOwner> {
    if (!isFeedTokenShape(token)) throw new AppException('calendar_feed_token_invalid', DEAD_TOKEN);
    // Joined to users: a token whose user is gone opens nothing, and a user who moved sees their new organisation.
    const [owner]: FeedOwner[] = await this.dataSource.query(
      `SELECT f.id, u.organisation_code AS organisation, f.last_used_at >= now() - interval '1 minute' AS fresh
         FROM calendar_feeds f
         JOIN users u ON u.username = f.username
        WHERE f.token_hash = $1 AND f.revoked_at IS NULL`,
      [hashFeedToken(token)],
    );
    if (!owner) throw new AppException('calendar_feed_token_invalid', DEAD_TOKEN);
    // Clients poll, several devices per feed: a write per minute at most is enough to tell a feed in use.
    if (!owner.fresh) {
      await this.dataSource.query(
        `UPDATE calendar_feeds SET last_used_at = now()
          WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
        [owner.id],
      );
    }
    return owner;
  }

  /**
   * Open deadlines whenever they fall, closed ones due within the last year, and cancellations of the last year
   * whatever their date, so a client that once showed one sees it called off.
   */
  private async feedDeadlines(organisation: string): Promise<FeedDeadline[]> {
    // Dates as text: the pg driver would read a date column as midnight in the process's time zone.
    return this.dataSource.query(
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
          AND (d.status = 'open'
               OR d.due_on >= (now() AT TIME ZONE 'Europe/Amsterdam')::date - interval '1 year'
               OR (d.status = 'cancelled' AND d.updated_at >= now() - interval '1 year'))
        ORDER BY d.due_on, d.created_at, d.id`,
      [organisation],
    );
  }
}

function toCalendarFeedDto(feed: CalendarFeedEntity): CalendarFeedDto {
  return {
    id: feed.id,
    name: feed.name,
    createdAt: feed.createdAt.toISOString(),
    lastUsedAt: feed.lastUsedAt?.toISOString() ?? null,
    revokedAt: feed.revokedAt?.toISOString() ?? null,
  };
}
