import { DataSource, type DataSourceOptions } from 'typeorm';
import { CalendarFeedEntity } from './entities/calendar-feed.entity';
import { CalendarPeriodEntity } from './entities/calendar-period.entity';
import { DeadlineEntity } from './entities/deadline.entity';
import { FlowEventEntity } from './entities/flow-event.entity';
import { NotaVersionEntity } from './entities/nota-version.entity';
import { NotaEntity } from './entities/nota.entity';
import { NotificationEntity } from './entities/notification.entity';
import { OrganisationEntity } from './entities/organisation.entity';
import { PostponementEntity } from './entities/postponement.entity';
import { TaskEntity } from './entities/task.entity';
import { UserEntity } from './entities/user.entity';
import { Organisations1763900000000 } from './migrations/1763900000000-organisations';
import { RegistryAndFlow1763900100000 } from './migrations/1763900100000-registry-and-flow';
import { Calendar1763900200000 } from './migrations/1763900200000-calendar';
import { Deadlines1763900300000 } from './migrations/1763900300000-deadlines';
import { DeadlineWatchAndEmail1763900400000 } from './migrations/1763900400000-deadline-watch-and-email';
import { CalendarFeeds1763900500000 } from './migrations/1763900500000-calendar-feeds';
import { Analytics1763900600000 } from './migrations/1763900600000-analytics';
import { AuditAndSignIn1763900700000 } from './migrations/1763900700000-audit-and-sign-in';
import { NotaFlowSeq1763900800000 } from './migrations/1763900800000-nota-flow-seq';
import { Documents1763900900000 } from './migrations/1763900900000-documents';
import { CalendarLaw1763910000000 } from './migrations/1763910000000-calendar-law';
import { DeadlineAnchors1763910100000 } from './migrations/1763910100000-deadline-anchors';
import { RegistryDetails1763910200000 } from './migrations/1763910200000-registry-details';

export const entities = [
  OrganisationEntity,
  UserEntity,
  NotaEntity,
  NotaVersionEntity,
  FlowEventEntity,
  TaskEntity,
  NotificationEntity,
  CalendarPeriodEntity,
  DeadlineEntity,
  PostponementEntity,
  CalendarFeedEntity,
];

/** In order: TypeORM runs them by timestamp, but an explicit list keeps the compiled and source trees alike. */
export const migrations = [
  Organisations1763900000000,
  RegistryAndFlow1763900100000,
  Calendar1763900200000,
  Deadlines1763900300000,
  DeadlineWatchAndEmail1763900400000,
  CalendarFeeds1763900500000,
  Analytics1763900600000,
  AuditAndSignIn1763900700000,
  NotaFlowSeq1763900800000,
  Documents1763900900000,
  CalendarLaw1763910000000,
  DeadlineAnchors1763910100000,
  RegistryDetails1763910200000,
];

export interface DataSourceSettings {
  url: string;
  poolSize?: number;
  applicationName?: string;
}

/** The one data-source definition, used by the API, the worker, the migration CLI and the tests. */
export function dataSourceOptions(settings: DataSourceSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    entities,
    migrations,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    poolSize: settings.poolSize ?? 10,
    applicationName: settings.applicationName ?? 'notaflow',
    extra: { connectionTimeoutMillis: 5000 },
  };
}

export function createDataSource(settings: DataSourceSettings): DataSource {
  return new DataSource(dataSourceOptions(settings));
}
