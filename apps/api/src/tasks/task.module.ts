import { Module } from '@nestjs/common';
import { FlowModule } from '../flow/flow.module';
import { TaskController } from './task.controller';
import { TaskService } from './task.service';

@Module({ imports: [FlowModule], controllers: [TaskController], providers: [TaskService], exports: [TaskService] })
export class TaskModule {}
