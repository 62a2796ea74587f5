import type { Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Database } from '@notaflow/persistence';

/**
 * Repositories are plain classes made from a DataSource, so the worker's activities make theirs without Nest: for a
 * module, each is a provider made from the app's DataSource.
 */
export function repositoryProviders(...repositories: (new (db: Database) => object)[]): Provider[] {
  return repositories.map((repository) => ({
    provide: repository,
    useFactory: (dataSource: DataSource) => new repository(dataSource),
    inject: [getDataSourceToken()],
  }));
}
