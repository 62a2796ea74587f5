import { Module } from '@nestjs/common';
import { DeadlineController, PostponementController } from './deadline.controller';
import { DeadlineService } from './deadline.service';
import { DeadlineWatchService } from './deadline-watch.service';

@Module({
  controllers: [DeadlineController, PostponementController],
  providers: [DeadlineService, DeadlineWatchService],
  exports: [DeadlineService, DeadlineWatchService],
})
export class DeadlineModule {}
