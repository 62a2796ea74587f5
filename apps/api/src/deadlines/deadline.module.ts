import { Module } from '@nestjs/common';
import { Client } from '@temporalio/client';
import type { AppConfig } from '@notaflow/config';
import { DeadlineRepository } from '@notaflow/persistence';
import { CalendarDataModule } from '../calendar/calendar-data.module';
import { deadlineWatchClient } from '@notaflow/temporal';
import { APP_CONFIG } from '../config/config.module';
import { repositoryProviders } from '../database/repository.providers';
import { DeadlineAnchorService } from './deadline-anchor.service';
import { DeadlineRegistration } from './deadline-registration';
import { DeadlineController, PostponementController } from './deadline.controller';
import { DeadlineService } from './deadline.service';
import { DEADLINE_WATCHES, DeadlineWatchService } from './deadline-watch.service';

@Module({
  imports: [CalendarDataModule],
  controllers: [DeadlineController, PostponementController],
  providers: [
    DeadlineService,
    DeadlineAnchorService,
    DeadlineRegistration,
    DeadlineWatchService,
    ...repositoryProviders(DeadlineRepository),
    {
      provide: DEADLINE_WATCHES,
      inject: [Client, APP_CONFIG, DeadlineRepository],
      useFactory: (client: Client, config: AppConfig, deadlines: DeadlineRepository) =>
        deadlineWatchClient(client, config.TEMPORAL_TASK_QUEUE, deadlines),
    },
  ],
  exports: [DeadlineService, DeadlineWatchService],
})
export class DeadlineModule {}
