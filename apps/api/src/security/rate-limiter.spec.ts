import { SlidingWindowCounter } from './rate-limiter';

describe(SlidingWindowCounter.name, () => {
  const minute = 60_000;
  const t0 = 1_000_000;

  function takeMany(counter: SlidingWindowCounter, key: string, times: number, limit: number, now: number): number {
    let allowed = 0;
    for (let i = 0; i < times; i++) if (counter.take(key, limit, now).allowed) allowed++;
    return allowed;
  }

  it('lets exactly the budget through in a first minute, per key', () => {
    const counter = new SlidingWindowCounter(minute);
    expect(takeMany(counter, 'user:a', 20, 15, t0)).toBe(15);
    expect(takeMany(counter, 'user:b', 3, 15, t0 + 1)).toBe(3);
  });

  it('says when the spent budget frees up: once the next minute has begun', () => {
    const counter = new SlidingWindowCounter(minute);
    takeMany(counter, 'k', 10, 10, t0);
    const refused = counter.take('k', 10, t0 + 15_000);
    // Ten requests from the minute before weigh 10 * (1 - f) in the next; below 10 as soon as it begins.
    expect(refused).toEqual({ allowed: false, retryAfterMs: 45_000 });
    expect(counter.take('k', 10, t0 + minute - 1).allowed).toBe(false);
    expect(counter.take('k', 10, t0 + minute + 1).allowed).toBe(true);
  });

  it('weighs the minute before by how much of it still falls in the last 60 seconds', () => {
    const counter = new SlidingWindowCounter(minute);
    takeMany(counter, 'k', 10, 10, t0);
    // A quarter into the next minute, 7.5 of the 10 still count: 3 more fit (10.5 would not).
    expect(takeMany(counter, 'k', 5, 10, t0 + minute + 15_000)).toBe(3);
    // 3 + 10 * (1 - f) < 10 once f > 0.3, 18 s into the minute.
    expect(counter.take('k', 10, t0 + minute + 15_000)).toEqual({ allowed: false, retryAfterMs: 3_000 });
    expect(counter.take('k', 10, t0 + minute + 17_999).allowed).toBe(false);
    expect(counter.take('k', 10, t0 + minute + 18_001).allowed).toBe(true);
  });

  it('forgets a minute that is over two minutes gone', () => {
    const counter = new SlidingWindowCounter(minute);
    takeMany(counter, 'k', 10, 10, t0);
    expect(takeMany(counter, 'k', 12, 10, t0 + 2 * minute + 1)).toBe(10);
  });

  it('sweeps keys idle for two minutes, and only those', () => {
    const counter = new SlidingWindowCounter(minute);
    counter.take('old', 5, t0);
    counter.take('recent', 5, t0 + minute);
    counter.sweep(t0 + 2 * minute);
    expect(counter.size).toBe(1);
    // What it took a minute before still counts.
    expect(counter.take('recent', 1, t0 + 2 * minute).allowed).toBe(false);
    expect(counter.take('recent', 2, t0 + 2 * minute).allowed).toBe(true);
  });
});
