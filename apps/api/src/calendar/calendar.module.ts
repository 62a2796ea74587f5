import { Module } from '@nestjs/common';
import { CalendarRepository } from '@notaflow/persistence';
import { repositoryProvider } from '../database/repository.provider';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';

@Module({
  controllers: [CalendarController],
  providers: [CalendarService, repositoryProvider(CalendarRepository)],
  exports: [CalendarService],
})
export class CalendarModule {}
