import { DataSource, type EntityManager } from 'typeorm';

/**
 * What a repository runs its SQL on: the pool (each statement on its own, `transaction` opening one) or the
 * caller's transaction, whose work it then joins.
 */
export type Database = DataSource | EntityManager;

export function managerOf(db: Database): EntityManager {
  return db instanceof DataSource ? db.manager : db;
}

/** TypeORM answers a bare UPDATE with `[rows, affected]`: the number of rows it changed. */
export function affectedRows(result: unknown): number {
  return (result as [unknown, number])[1];
}
