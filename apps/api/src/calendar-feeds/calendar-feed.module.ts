import { Module } from '@nestjs/common';
import { CalendarFeedRepository } from '@notaflow/persistence';
import { repositoryProvider } from '../database/repository.provider';
import { CalendarFeedController, DeadlineFeedController } from './calendar-feed.controller';
import { CalendarFeedService } from './calendar-feed.service';

@Module({
  controllers: [CalendarFeedController, DeadlineFeedController],
  providers: [CalendarFeedService, repositoryProvider(CalendarFeedRepository)],
})
export class CalendarFeedModule {}
