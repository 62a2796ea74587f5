/** Anything that runs SQL inside the caller's transaction: an EntityManager or a QueryRunner. */
export interface SqlRunner {
  // TypeORM's own signature: rows of unknown shape, typed by each caller.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(sql: string, parameters?: unknown[]): Promise<any>;
}
