import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '@notaflow/config';
import { AnalyticsModule } from './analytics/analytics.module';
import { AuthModule } from './auth/auth.module';
import { SecurityModule } from './security/security.module';
import { CalendarFeedModule } from './calendar-feeds/calendar-feed.module';
import { CalendarModule } from './calendar/calendar.module';
import { CodecModule } from './codec/codec.module';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { DeadlineModule } from './deadlines/deadline.module';
import { DocumentModule } from './documents/document.module';
import { HealthModule } from './health/health.module';
import { MetricsModule } from './metrics/metrics.module';
import { NotaModule } from './notas/nota.module';
import { NotificationModule } from './notifications/notification.module';
import { OrganisationModule } from './organisations/organisation.module';
import { SeedModule } from './seed/seed.module';
import { TaskModule } from './tasks/task.module';
import { TemporalModule } from './temporal/temporal.module';
import { loggerOptions } from './logging';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerOptions(config)),
        DatabaseModule,
        TemporalModule,
        HealthModule,
        SecurityModule,
        AuthModule,
        NotaModule,
        DocumentModule,
        OrganisationModule,
        TaskModule,
        NotificationModule,
        SeedModule,
        CalendarModule,
        DeadlineModule,
        AnalyticsModule,
        MetricsModule,
        CalendarFeedModule,
        CodecModule,
      ],
    };
  }
}
