import { DataSource, type DataSourceOptions } from 'typeorm';
import { OrganisationEntity } from './entities/organisation.entity';
import { Organisations1763900000000 } from './migrations/1763900000000-organisations';

export const entities = [OrganisationEntity];

/** In order: TypeORM runs them by timestamp, but an explicit list keeps the compiled and source trees alike. */
export const migrations = [Organisations1763900000000];

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
