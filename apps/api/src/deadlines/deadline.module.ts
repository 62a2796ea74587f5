import { Module } from '@nestjs/common';
import { Client } from '@temporalio/client';
import type { AppConfig } from '@notaflow/config';
import { DeadlineRepository } from '@notaflow/persistence';
import { deadlineWatchClient } from '@notaflow/temporal';
import { APP_CONFIG } from '../config/config.module';
import { repositoryProviders } from '../database/repository.providers';
import { DeadlineController, PostponementController } from './deadline.controller';
import { DeadlineService } from './deadline.service';
import { DEADLINE_WATCHES, DeadlineWatchService } from './deadline-watch.service';

@Module({
  controllers: [DeadlineController, PostponementController],
  providers: [
    DeadlineService,
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
