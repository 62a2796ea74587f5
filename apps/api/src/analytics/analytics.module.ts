import { Module } from '@nestjs/common';
import { AnalyticsRepository } from '@notaflow/persistence';
import { repositoryProviders } from '../database/repository.providers';
import { AnalyticsController } from './analytics.controller';
import { AnalyticsService } from './analytics.service';
import { TurnaroundViewRefresher } from './turnaround-view.refresher';

/** Management figures: turnaround per stage, organisation and month, and what is overdue. */
@Module({
  controllers: [AnalyticsController],
  providers: [AnalyticsService, TurnaroundViewRefresher, ...repositoryProviders(AnalyticsRepository)],
  exports: [TurnaroundViewRefresher],
})
export class AnalyticsModule {}
