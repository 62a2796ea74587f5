import { Module } from '@nestjs/common';
import { AnalyticsRepository } from '@notaflow/persistence';
import { CalendarDataModule } from '../calendar/calendar-data.module';
import { repositoryProviders } from '../database/repository.providers';
import { AnalyticsController } from './analytics.controller';
import { AnalyticsService } from './analytics.service';
import { TurnaroundViewRefresher } from './turnaround-view.refresher';

/** Management figures: turnaround per stage, organisation and month, and what is overdue. */
@Module({
  imports: [CalendarDataModule],
  controllers: [AnalyticsController],
  providers: [AnalyticsService, TurnaroundViewRefresher, ...repositoryProviders(AnalyticsRepository)],
  exports: [TurnaroundViewRefresher],
})
export class AnalyticsModule {}
