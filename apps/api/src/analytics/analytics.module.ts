import { Module } from '@nestjs/common';
import { AnalyticsRepository } from '@notaflow/persistence';
import { repositoryProvider } from '../database/repository.provider';
import { AnalyticsController } from './analytics.controller';
import { AnalyticsService } from './analytics.service';
import { TurnaroundViewRefresher } from './turnaround-view.refresher';

/** Management figures: turnaround per stage, organisation and month, and what is overdue. */
@Module({
  controllers: [AnalyticsController],
  providers: [AnalyticsService, TurnaroundViewRefresher, repositoryProvider(AnalyticsRepository)],
  exports: [TurnaroundViewRefresher],
})
export class AnalyticsModule {}
