import { Module } from '@nestjs/common';
import { CalendarRepository } from '@notaflow/persistence';
import { repositoryProviders } from '../database/repository.providers';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';

@Module({
  controllers: [CalendarController],
  providers: [CalendarService, ...repositoryProviders(CalendarRepository)],
  exports: [CalendarService],
})
export class CalendarModule {}
