import { Module } from '@nestjs/common';
import { DeadlineController, PostponementController } from './deadline.controller';
import { DeadlineService } from './deadline.service';

@Module({ controllers: [DeadlineController, PostponementController], providers: [DeadlineService] })
export class DeadlineModule {}
