import type { DataSource } from 'typeorm';
import { createTestDatabase } from '../../../test/support/stack';
import { advisoryLockKey, migrateOnce, tryAdvisoryLock, withAdvisoryLock } from './advisory-lock';
import { createDataSource, migrations } from './data-source';

/** Two replicas on one database: each with a pool of its own, as two API processes have. */
describe('advisory locks: work that runs once per system', () => {
  let replicas: DataSource[];

  beforeAll(async () => {
    const url = await createTestDatabase();
    replicas = [createDataSource({ url, poolSize: 3 }), createDataSource({ url, poolSize: 3 })];
    await Promise.all(replicas.map((db) => db.initialize()));
  });

  afterAll(async () => {
    await Promise.all(replicas.map((db) => db.destroy()));
  });

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('derives one key per name, the same everywhere', () => {
    expect(advisoryLockKey('deadline-watch-sweep')).toBe(advisoryLockKey('deadline-watch-sweep'));
    expect(advisoryLockKey('deadline-watch-sweep')).not.toBe(advisoryLockKey('migrations'));
    expect(BigInt(advisoryLockKey('migrations'))).toBeGreaterThanOrEqual(-(2n ** 63n));
  });

  it('lets one replica run the work while the other skips it', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = tryAdvisoryLock(replicas[0], 'sweep-a', () => held.then(() => 'done'));
    await sleep(200);
    expect(await tryAdvisoryLock(replicas[1], 'sweep-a', () => Promise.resolve('twice'))).toEqual({ ran: false });
    // Another name is another lock.
    expect(await tryAdvisoryLock(replicas[1], 'sweep-b', () => Promise.resolve('other'))).toEqual({
      ran: true,
      value: 'other',
    });
    release();
    expect(await first).toEqual({ ran: true, value: 'done' });
    // Let go once the work is over, also for the replica that skipped.
    expect(await tryAdvisoryLock(replicas[1], 'sweep-a', () => Promise.resolve('now'))).toEqual({
      ran: true,
      value: 'now',
    });
  });

  it('makes a waiting replica run after the holder, never beside it', async () => {
    const order: string[] = [];
    const work = (name: string) => async () => {
      order.push(`${name} begins`);
      await sleep(300);
      order.push(`${name} ends`);
      return name;
    };
    const first = withAdvisoryLock(replicas[0], 'migrations-test', work('first'));
    await sleep(100);
    const second = withAdvisoryLock(replicas[1], 'migrations-test', work('second'));
    expect(await Promise.all([first, second])).toEqual(['first', 'second']);
    expect(order).toEqual(['first begins', 'first ends', 'second begins', 'second ends']);
  });

  it('lets go when the work fails, and passes the failure on', async () => {
    await expect(
      withAdvisoryLock(replicas[0], 'failing', () => Promise.reject(new Error('work failed'))),
    ).rejects.toThrow('work failed');
    expect(await tryAdvisoryLock(replicas[1], 'failing', () => Promise.resolve(1))).toEqual({ ran: true, value: 1 });
  });

  it("lets go when the holder's connection dies, as when its process is killed", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = tryAdvisoryLock(replicas[0], 'killed', () => held);
    await sleep(200);
    expect(await tryAdvisoryLock(replicas[1], 'killed', () => Promise.resolve(1))).toEqual({ ran: false });
    // The connection that holds it, as PostgreSQL sees it: in a transaction, its last statement the lock.
    await replicas[1].query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND state = 'idle in transaction'
          AND query LIKE '%pg_try_advisory_xact_lock%'`,
    );
    await sleep(200);
    expect(await tryAdvisoryLock(replicas[1], 'killed', () => Promise.resolve(2))).toEqual({ ran: true, value: 2 });
    release();
    await first.catch(() => undefined);
  });

  it('migrates an empty database once when two replicas start together: the second finds nothing left to do', async () => {
    const url = await createTestDatabase({ empty: true });
    const both = [createDataSource({ url, poolSize: 3 }), createDataSource({ url, poolSize: 3 })];
    await Promise.all(both.map((db) => db.initialize()));
    try {
      const applied = await Promise.all(both.map((db) => migrateOnce(db)));
      expect(applied.map((list) => list.length).sort((a, b) => a - b)).toEqual([0, migrations.length]);
    } finally {
      await Promise.all(both.map((db) => db.destroy()));
    }
  });
});
