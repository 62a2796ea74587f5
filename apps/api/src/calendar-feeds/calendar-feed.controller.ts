import { Body, Controller, Delete, Get, Header, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import type { AppConfig } from '@notaflow/config';
import type { Actor } from '@notaflow/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Public } from '../auth/public.decorator';
import { AppException } from '../common/app.exception';
import { APP_CONFIG } from '../config/config.module';
import { CalendarFeedService } from './calendar-feed.service';
import {
  CalendarFeedDto,
  CreateCalendarFeedDto,
  CreatedCalendarFeedDto,
  ListCalendarFeedsQuery,
} from './dto/calendar-feed.dto';
import { publicOrigin } from './subscription-url';

// Clients poll on the feed's own TTL (an hour); five minutes of their own cache absorbs retries and reloads.
// Private: the URL is a credential, so no shared cache may keep the answer.
const FEED_CACHE_CONTROL = 'private, max-age=300';

@ApiTags('calendar-feeds')
@ApiBearerAuth()
@Controller('calendar-feeds')
export class CalendarFeedController {
  constructor(
    private readonly feeds: CalendarFeedService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'A subscription URL for Outlook and other calendar apps; its token is shown in this answer only',
  })
  @ApiCreatedResponse({ type: CreatedCalendarFeedDto })
  @ApiConflictResponse({ description: 'The caller has too many active feeds' })
  create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateCalendarFeedDto,
    @Req() request: Request,
  ): Promise<CreatedCalendarFeedDto> {
    const origin = publicOrigin(this.config, request);
    if (!origin)
      throw AppException.validation([
        { name: 'Host', code: 'bad_host', reason: 'must be a plain host name with a port' },
      ]);
    return this.feeds.create(actor, body, origin);
  }

  @Get()
  @ApiOperation({ summary: "The caller's own feeds, newest first, revoked ones included; never their tokens" })
  @ApiOkResponse({ type: [CalendarFeedDto] })
  list(@CurrentActor() actor: Actor, @Query() query: ListCalendarFeedsQuery): Promise<CalendarFeedDto[]> {
    return this.feeds.list(actor, query);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: "Revoke one of the caller's feeds: its URL stops working at once" })
  @ApiNoContentResponse({ description: 'Revoked (also when it already was)' })
  @ApiNotFoundResponse({ description: 'No such feed of the caller' })
  revoke(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<void> {
    return this.feeds.revoke(actor, id);
  }
}

@ApiTags('calendar-feeds')
@Controller()
export class DeadlineFeedController {
  constructor(
    private readonly feeds: CalendarFeedService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Public: calendar apps cannot send an access token; the token in the URL is the credential. */
  @Get('deadlines.ics')
  @Public()
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', FEED_CACHE_CONTROL)
  @ApiOperation({
    summary: "iCalendar feed of the Kamer deadlines of the token owner's organisation, to subscribe to",
    description:
      'One all-day event per deadline: open ones, and those met, missed or cancelled in the last year. ' +
      'UIDs are stable; SEQUENCE rises with each granted postponement; cancelled ones carry STATUS:CANCELLED. ' +
      'Each event has a URL to the deadline in the web app.',
  })
  @ApiQuery({
    name: 'token',
    required: true,
    description: 'The feed token from POST /calendar-feeds',
    schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{43}$' },
  })
  @ApiProduces('text/calendar')
  @ApiOkResponse({
    description: 'An iCalendar (RFC 5545) VCALENDAR',
    content: { 'text/calendar': { schema: { type: 'string' } } },
  })
  @ApiUnauthorizedResponse({
    description: 'problem+json: the token is missing, unknown, expired or revoked, or its user deactivated',
  })
  feed(@Query('token') token: unknown, @Req() request: Request): Promise<string> {
    // A Host header that is no plain host leaves the events without a link, never the calendar app without a feed.
    return this.feeds.render(token, publicOrigin(this.config, request));
  }
}
