import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { AppException } from '../common/app.exception';

const MINUTE_MS = 60_000;

interface Window {
  /** When the current window began; windows follow each other from a key's first request. */
  start: number;
  current: number;
  previous: number;
}

/**
 * Budgets per key and minute (a user, an IP address), counted in this process as a sliding window: the requests of the
 * current minute plus those of the minute before, weighted by how much of it still falls in the last 60 seconds. Two
 * counters per key, whatever the budget: nothing to walk or to time out per request. A refused request does not count,
 * so a client that keeps trying is let in again as soon as its earlier requests age out.
 *
 * With several API replicas each counts its own share; the limits are there to stop a runaway script or a password
 * guesser, not to meter fairly across a cluster.
 */
export class SlidingWindowCounter {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly windowMs: number = MINUTE_MS) {}

  /** Counts a request against `key` if the budget allows it; else how long until it would, in milliseconds. */
  take(key: string, limit: number, now: number): { allowed: true } | { allowed: false; retryAfterMs: number } {
    const window = this.roll(key, now);
    const overlap = 1 - (now - window.start) / this.windowMs;
    if (window.current + window.previous * overlap < limit) {
      window.current += 1;
      return { allowed: true };
    }
    // The minute before ages out by `now`; the current minute's requests only once the next has begun.
    const room = limit - window.current;
    const freeAt =
      room > 0 && window.previous > 0
        ? window.start + this.windowMs * (1 - room / window.previous)
        : window.start + this.windowMs * (2 - limit / Math.max(window.current, 1));
    return { allowed: false, retryAfterMs: Math.max(1, Math.ceil(freeAt - now)) };
  }

  /** Forgets keys idle for two windows: they count nothing any more. */
  sweep(now: number): void {
    for (const [key, window] of this.windows) {
      if (now - window.start >= 2 * this.windowMs) this.windows.delete(key);
    }
  }

  get size(): number {
    return this.windows.size;
  }

  private roll(key: string, now: number): Window {
    let window = this.windows.get(key);
    if (!window) {
      window = { start: now, current: 0, previous: 0 };
      this.windows.set(key, window);
      return window;
    }
    const elapsed = Math.floor((now - window.start) / this.windowMs);
    if (elapsed >= 1) {
      window.previous = elapsed === 1 ? window.current : 0;
      window.current = 0;
      window.start += elapsed * this.windowMs;
    }
    return window;
  }
}

@Injectable()
export class RateLimiter implements OnApplicationShutdown {
  private readonly counter = new SlidingWindowCounter();
  private readonly sweeper = setInterval(() => this.counter.sweep(Date.now()), MINUTE_MS).unref();

  /** Counts one request against `key`; 429 problem+json with Retry-After once `perMinute` is spent. */
  consume(key: string, perMinute: number, what: string): void {
    const outcome = this.counter.take(key, perMinute, Date.now());
    if (!outcome.allowed) {
      const retryAfterSeconds = Math.max(1, Math.ceil(outcome.retryAfterMs / 1000));
      throw new AppException('too_many_requests', `Too many ${what}; try again in ${retryAfterSeconds} seconds.`, {
        retryAfterSeconds,
      });
    }
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweeper);
  }
}
