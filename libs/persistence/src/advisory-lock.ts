import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';

/**
 * What runs once per system, whichever replica starts it: a PostgreSQL advisory lock named by the work. The lock is
 * taken in a transaction of its own, on a connection of its own, held while the work runs (on any connections it
 * likes) and let go when that transaction ends. However the process ends, a crash or kill -9 included, PostgreSQL
 * ends the transaction with the connection and lets the lock go: no lock outlives its holder, and none needs
 * cleaning up by hand.
 */

/**
 * The lock's key: the first eight bytes of the name's SHA-256 as a signed bigint, the same in every process and
 * release. A name is never reused for other work.
 */
export function advisoryLockKey(name: string): string {
  return createHash('sha256').update(`notaflow:${name}`).digest().readBigInt64BE(0).toString();
}

/** Runs `work` under the lock `name`, waiting first for whoever holds it (migrations: the second waits, then finds nothing to do). */
export function withAdvisoryLock<T>(db: DataSource, name: string, work: () => Promise<T>): Promise<T> {
  return locked(db, name, 'wait', work).then((outcome) => (outcome as { value: T }).value);
}

/**
 * Runs `work` under the lock `name` unless another process holds it, then skips: for periodic work (a sweep) that
 * whoever holds the lock is doing already.
 */
export function tryAdvisoryLock<T>(
  db: DataSource,
  name: string,
  work: () => Promise<T>,
): Promise<{ ran: true; value: T } | { ran: false }> {
  return locked(db, name, 'try', work);
}

async function locked<T>(
  db: DataSource,
  name: string,
  mode: 'wait' | 'try',
  work: () => Promise<T>,
): Promise<{ ran: true; value: T } | { ran: false }> {
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    try {
      const key = advisoryLockKey(name);
      if (mode === 'wait') {
        await runner.query('SELECT pg_advisory_xact_lock($1::bigint)', [key]);
      } else {
        const [{ held }] = (await runner.query('SELECT pg_try_advisory_xact_lock($1::bigint) AS held', [key])) as {
          held: boolean;
        }[];
        if (!held) return { ran: false };
      }
      return { ran: true, value: await work() };
    } finally {
      // Nothing was written on this connection: ending the transaction only lets the lock go.
      await runner.rollbackTransaction().catch(() => undefined);
    }
  } finally {
    await runner.release();
  }
}

/**
 * The pending migrations, applied by one process at a time: replicas (or a replica and `npm run migration:run`)
 * starting together on one database would otherwise both find a migration pending and both apply it. The second waits
 * for the first, then finds nothing left to do.
 */
export function migrateOnce(db: DataSource): Promise<{ name: string }[]> {
  return withAdvisoryLock(db, 'migrations', () => db.runMigrations({ transaction: 'each' }));
}
