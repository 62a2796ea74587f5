import { Module } from '@nestjs/common';
import { CalendarController } from './calendar.controller';
import { CalendarDataModule } from './calendar-data.module';
import { CalendarService } from './calendar.service';

@Module({
  imports: [CalendarDataModule],
  controllers: [CalendarController],
  providers: [CalendarService],
  exports: [CalendarService],
})
export class CalendarModule {}
