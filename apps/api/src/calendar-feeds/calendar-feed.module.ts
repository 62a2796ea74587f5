import { Module } from '@nestjs/common';
import { CalendarFeedRepository } from '@notaflow/persistence';
import { repositoryProviders } from '../database/repository.providers';
import { CalendarFeedController, DeadlineFeedController } from './calendar-feed.controller';
import { CalendarFeedService } from './calendar-feed.service';

@Module({
  controllers: [CalendarFeedController, DeadlineFeedController],
  providers: [CalendarFeedService, ...repositoryProviders(CalendarFeedRepository)],
})
export class CalendarFeedModule {}
