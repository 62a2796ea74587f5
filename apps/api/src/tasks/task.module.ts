import { Module } from '@nestjs/common';
import { DocumentRepository, TaskRepository, UserRepository } from '@notaflow/persistence';
import { CalendarModule } from '../calendar/calendar.module';
import { repositoryProviders } from '../database/repository.providers';
import { FlowModule } from '../flow/flow.module';
import { InboxCache } from './inbox-cache';
import { TaskController } from './task.controller';
import { TaskService } from './task.service';

@Module({
  imports: [FlowModule, CalendarModule],
  controllers: [TaskController],
  providers: [TaskService, InboxCache, ...repositoryProviders(TaskRepository, DocumentRepository, UserRepository)],
  exports: [TaskService],
})
export class TaskModule {}
