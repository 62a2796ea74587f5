import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { FlowModule } from '../flow/flow.module';
import { TaskController } from './task.controller';
import { TaskService } from './task.service';

@Module({
  imports: [FlowModule, CalendarModule],
  controllers: [TaskController],
  providers: [TaskService],
  exports: [TaskService],
})
export class TaskModule {}
