import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DeadlineRepository, tryAdvisoryLock } from '@notaflow/persistence';
import type { DeadlineWatches } from '@notaflow/temporal';

/** The deadline watches on the API's task queue (deadline.module.ts); a test may give others. */
export const DEADLINE_WATCHES = Symbol('DEADLINE_WATCHES');

/** How often open deadlines without a watch are looked for. */
const SWEEP_INTERVAL_MS = 60_000;
/** A deadline younger than this may still be in the request that registers it, which starts its watch itself. */
const GRACE_SECONDS = 60;
const SWEEP_BATCH = 200;
/** One sweep at a time over all replicas: the others skip a minute that one of them is sweeping. */
export const SWEEP_LOCK = 'deadline-watch-sweep';

/**
 * Tells the deadline watches (Temporal workflows) that their deadline changed, after the change is committed. The
 * request never fails for it: a deadline whose watch could not be reached is marked unwatched and picked up by the
 * sweep once Temporal answers again, so a Temporal outage or a crash right after the commit delays a reminder but
 * never loses one.
 */
@Injectable()
export class DeadlineWatchService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeadlineWatchService.name);
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> | undefined;

  constructor(
    @Inject(DEADLINE_WATCHES) private readonly watches: DeadlineWatches,
    private readonly deadlines: DeadlineRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async changed(deadlineIds: readonly string[]): Promise<void> {
    if (!deadlineIds.length) return;
    try {
      await this.watches.ensure(deadlineIds);
    } catch (error) {
      this.logger.warn({ err: error, deadlineIds }, 'deadline watch not reached; the sweep will retry');
      await this.deadlines.markUnwatched(deadlineIds).catch(() => undefined);
    }
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), SWEEP_INTERVAL_MS);
    this.timer.unref();
    void this.sweep();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  /**
   * Starts the watches that a crash or an unreachable Temporal left unstarted. Every replica runs the timer; the one
   * that holds the lock sweeps, so a deadline's watch is looked for once a minute, not once per replica. A watch is
   * keyed by its deadline, so two sweeps would start none twice: the lock saves the work, not the outcome.
   */
  sweep(): Promise<void> {
    this.sweeping ??= (async () => {
      try {
        await tryAdvisoryLock(this.dataSource, SWEEP_LOCK, async () => {
          const ids = await this.deadlines.unwatched({ graceSeconds: GRACE_SECONDS, limit: SWEEP_BATCH });
          if (ids.length) {
            await this.watches.ensure(ids);
            this.logger.log(`started ${ids.length} deadline watches that were missing`);
          }
        });
      } catch (error) {
        this.logger.warn({ err: error }, 'deadline watch sweep failed; it runs again later');
      } finally {
        this.sweeping = undefined;
      }
    })();
    return this.sweeping;
  }
}
