import { Module } from '@nestjs/common';
import { CalendarFeedController, DeadlineFeedController } from './calendar-feed.controller';
import { CalendarFeedService } from './calendar-feed.service';

@Module({ controllers: [CalendarFeedController, DeadlineFeedController], providers: [CalendarFeedService] })
export class CalendarFeedModule {}
