import { EntityManager, type DataSource } from 'typeorm';

/** A repository works on the data source's own manager, or on the manager of a transaction already begun. */
export function managerOf(source: DataSource | EntityManager): EntityManager {
  return source instanceof EntityManager ? source : source.manager;
}
