import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@notaflow/config';
import type { Actor } from '@notaflow/domain';
import { CalendarFeedRepository, type CalendarFeedEntity, type FeedOwner } from '@notaflow/persistence';
import { AppException } from '../common/app.exception';
import { APP_CONFIG } from '../config/config.module';
import { isUuid } from '../common/ids';
import { hashFeedToken, isFeedTokenShape, newFeedToken } from './calendar-feed-token';
import { buildDeadlineCalendar } from './deadline-calendar';
import type {
  CalendarFeedDto,
  CreateCalendarFeedDto,
  CreatedCalendarFeedDto,
  ListCalendarFeedsQuery,
} from './dto/calendar-feed.dto';
import { subscriptionUrls } from './subscription-url';

/** Enough for every device and app a person uses; a leak of tokens by a script gone wrong stops here. */
export const MAX_ACTIVE_FEEDS_PER_USER = 20;

// One answer for a missing, malformed, unknown, revoked, expired or orphaned token: which one it was is nobody's business.
const DEAD_TOKEN = 'The calendar feed token is missing, unknown, expired or revoked; create a new feed in notaflow.';

/**
 * Calendar feeds: per-user subscription URLs to the Kamer deadlines of the user's organisation, for calendar apps
 * that cannot send an access token. The token is the credential, so it is shown once and stored only as a hash;
 * what it opens is decided at every fetch from the owner's current registry entry (organisation, existence).
 */
@Injectable()
export class CalendarFeedService {
  constructor(
    private readonly feeds: CalendarFeedRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A new feed for the caller; `origin` is where the caller reached the API, for the subscription URL. */
  async create(actor: Actor, dto: CreateCalendarFeedDto, origin: string): Promise<CreatedCalendarFeedDto> {
    const token = newFeedToken();
    const feed = await this.feeds.transaction(async (feeds) => {
      // The owner's row, locked: lines up concurrent requests for the cap.
      if (!(await feeds.lockUser(actor.username))) {
        throw new AppException('user_unknown', `The registry does not know user ${actor.username}.`);
      }
      if ((await feeds.countActive(actor.username, this.config.CALENDAR_FEED_TTL_DAYS)) >= MAX_ACTIVE_FEEDS_PER_USER) {
        throw new AppException(
          'calendar_feed_limit',
          `You already have ${MAX_ACTIVE_FEEDS_PER_USER} active calendar feeds; revoke one you no longer use first.`,
        );
      }
      return feeds.insert({
        username: actor.username,
        tokenHash: hashFeedToken(token),
        name: dto.name?.trim() ?? null,
      });
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
    const feeds = await this.feeds.list(actor.username, { limit: query.limit ?? 50, offset: query.offset ?? 0 });
    return feeds.map(toCalendarFeedDto);
  }

  /** Kills the feed's URL for good. Revoking a revoked feed changes nothing. */
  async revoke(actor: Actor, id: string): Promise<void> {
    // Someone else's feed is answered like one that does not exist.
    const feed = isUuid(id) ? await this.feeds.findOwn(actor.username, id) : null;
    if (!feed) throw new AppException('calendar_feed_not_found', `No calendar feed ${id}.`);
    if (!feed.revokedAt) await this.feeds.revoke(id);
  }

  /**
   * The iCalendar text of the deadlines the token's owner may read now; 401 for a token that opens nothing. Each
   * event links to its deadline in the web app at `webOrigin`, when one is known.
   */
  async render(token: unknown, webOrigin?: string): Promise<string> {
    const owner = await this.ownerOf(token);
    const deadlines = await this.feeds.deadlinesOf(owner.organisation);
    return buildDeadlineCalendar(owner.organisation, deadlines, webOrigin);
  }

  private async ownerOf(token: unknown): Promise<FeedOwner> {
    const owner = isFeedTokenShape(token)
      ? await this.feeds.ownerOf(hashFeedToken(token), this.config.CALENDAR_FEED_TTL_DAYS)
      : undefined;
    if (!owner) throw new AppException('calendar_feed_token_invalid', DEAD_TOKEN);
    return owner;
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
