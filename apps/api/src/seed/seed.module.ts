import { Module } from '@nestjs/common';
import { AnalyticsModule } from '../analytics/analytics.module';
import { DeadlineModule } from '../deadlines/deadline.module';
import { DocumentModule } from '../documents/document.module';
import { NotaModule } from '../notas/nota.module';
import { TaskModule } from '../tasks/task.module';
import { DemoSeedService } from './demo-seed.service';

@Module({
  imports: [NotaModule, TaskModule, DeadlineModule, AnalyticsModule, DocumentModule],
  providers: [DemoSeedService],
  exports: [DemoSeedService],
})
export class SeedModule {}
