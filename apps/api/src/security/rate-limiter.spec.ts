import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AppException } from '../common/app.exception';
import { RateLimiter } from './rate-limiter';

/**
 * What the limiter does around its store: the store itself (PostgreSQL, shared by the replicas) is exercised on a real
 * database in test/replicas.e2e-spec.ts. Here the store is a stand-in that answers as the library's upsert does, or
 * that cannot be reached.
 */
class FakeStore {
  readonly rows = new Map<string, { points: number; expire: number }>();
  statements = 0;
  reachable = true;

  query(statement: { values?: unknown[] }): Promise<{ rows: { points: number; expire: number }[]; rowCount: number }> {
    this.statements++;
    if (!this.reachable)
      return Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    // INSERT ... ON CONFLICT: a new window when the old one has ended, else one point more.
    const [key, points, expire, now] = statement.values as [string, number, number, number];
    const row = this.rows.get(key);
    const next = !row || row.expire <= now ? { points, expire } : { points: row.points + points, expire: row.expire };
    this.rows.set(key, next);
    return Promise.resolve({ rows: [next], rowCount: 1 });
  }
}

const replicaOn = (store: FakeStore) => new RateLimiter({ driver: { master: store } } as unknown as DataSource);

async function outcome(limiter: RateLimiter, key: string, budget: number): Promise<number | AppException> {
  try {
    await limiter.consume(key, budget, 'requests');
    return 200;
  } catch (error) {
    return error as AppException;
  }
}

describe(RateLimiter.name, () => {
  // The warning that PostgreSQL is away is expected here.
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn']));

  it('counts one budget for all replicas: the N+1st request is refused on either', async () => {
    const store = new FakeStore();
    const [one, two] = [replicaOn(store), replicaOn(store)];
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await outcome(i % 2 ? two : one, 'user:jenv.staff', 5));
    expect(answers).toEqual([200, 200, 200, 200, 200]);
    for (const replica of [one, two]) {
      const refused = (await outcome(replica, 'user:jenv.staff', 5)) as AppException;
      expect(refused.code).toBe('too_many_requests');
      expect(refused.extras.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(refused.extras.retryAfterSeconds).toBeLessThanOrEqual(60);
    }
    // Another key has a budget of its own.
    expect(await outcome(one, 'user:jenv.dg', 5)).toBe(200);
  });

  it('refuses a key that spent its budget from memory, without asking the store again', async () => {
    const store = new FakeStore();
    const limiter = replicaOn(store);
    for (let i = 0; i < 3; i++) await outcome(limiter, 'sign-in:192.0.2.7', 3);
    const asked = store.statements;
    for (let i = 0; i < 10; i++)
      expect(((await outcome(limiter, 'sign-in:192.0.2.7', 3)) as AppException).code).toBe('too_many_requests');
    expect(store.statements).toBe(asked);
  });

  it('counts in its own memory while PostgreSQL is away: neither open nor closed', async () => {
    const store = new FakeStore();
    store.reachable = false;
    const limiter = replicaOn(store);
    const answers = [];
    for (let i = 0; i < 4; i++) {
      const answer = await outcome(limiter, 'user:jenv.dg', 3);
      answers.push(typeof answer === 'number' ? answer : answer.code);
    }
    expect(answers).toEqual([200, 200, 200, 'too_many_requests']);
  });
});
