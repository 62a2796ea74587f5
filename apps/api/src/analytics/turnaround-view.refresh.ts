import type { DataSource } from 'typeorm';

/** Any number, stable across processes: one refresh at a time over all API replicas. */
const REFRESH_LOCK = 0x6e660002;

export interface RefreshOutcome {
  refreshed: boolean;
  durationMs: number;
}

/**
 * Recomputes `analytics_turnaround` without blocking readers, and moves the watermark in the same transaction, so
 * a reader sees the old view with the old watermark or the new with the new. `wait: false` gives way when another
 * process is refreshing (the scheduled case); `wait: true` waits for it and refreshes after (the caller has just
 * written history and needs it in).
 */
export async function refreshTurnaroundView(
  dataSource: DataSource,
  { wait }: { wait: boolean },
): Promise<RefreshOutcome> {
  const outcome = await dataSource.transaction(async (db): Promise<RefreshOutcome> => {
    if (wait) {
      await db.query('SELECT pg_advisory_xact_lock($1)', [REFRESH_LOCK]);
    } else {
      const [{ locked }] = (await db.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [REFRESH_LOCK])) as {
        locked: boolean;
      }[];
      if (!locked) return { refreshed: false, durationMs: 0 };
    }
    const started = performance.now();
    await db.query('REFRESH MATERIALIZED VIEW CONCURRENTLY analytics_turnaround');
    const durationMs = Math.round(performance.now() - started);
    // now() is the transaction's start, as it was inside the view's query: the watermarks agree.
    await db.query(
      'UPDATE analytics_refresh SET watermark = analytics_watermark(), refreshed_at = now(), duration_ms = $1',
      [durationMs],
    );
    return { refreshed: true, durationMs };
  });
  // The pages a refresh rewrote lose their all-visible bit until a vacuum; autovacuum waits for far more inserts
  // than a refresh makes, and without the bit the index-only scans behind every query fetch from the heap.
  if (outcome.refreshed) await dataSource.query('VACUUM (ANALYZE) analytics_turnaround');
  return outcome;
}
