import { Module } from '@nestjs/common';
import { DeadlineRepository } from '@notaflow/persistence';
import { repositoryProvider } from '../database/repository.provider';
import { DeadlineController, PostponementController } from './deadline.controller';
import { DeadlineService } from './deadline.service';
import { DeadlineWatchService } from './deadline-watch.service';

@Module({
  controllers: [DeadlineController, PostponementController],
  providers: [DeadlineService, DeadlineWatchService, repositoryProvider(DeadlineRepository)],
  exports: [DeadlineService, DeadlineWatchService],
})
export class DeadlineModule {}
