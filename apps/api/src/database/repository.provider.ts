import type { Provider, Type } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A repository of libs/persistence as a Nest provider, built on the API's data source. */
export function repositoryProvider<T>(repository: Type<T> & (new (dataSource: DataSource) => T)): Provider<T> {
  return {
    provide: repository,
    inject: [DataSource],
    useFactory: (dataSource: DataSource) => new repository(dataSource),
  };
}
