import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@notaflow/config';
import { APP_CONFIG } from '../config/config.module';
import { refreshTurnaroundView, type RefreshOutcome } from './turnaround-view.refresh';
import { syncWorkingDays } from './working-days.sync';

/**
 * Keeps the analytics data in step. At start-up, before the API serves: `working_days` from libs/calendar. Then,
 * every ANALYTICS_REFRESH_MINUTES, the materialised view, unless another replica refreshed it meanwhile. The figures
 * are current in between (the items after the watermark are read live); the interval only bounds how much is read
 * live. ANALYTICS_REFRESH_MINUTES=0 leaves refreshing to whoever calls `refresh()`.
 */
@Injectable()
export class TurnaroundViewRefresher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(TurnaroundViewRefresher.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const changed = await this.dataSource.transaction((db) => syncWorkingDays(db));
    const minutes = this.config.ANALYTICS_REFRESH_MINUTES;
    if (minutes === 0) return;
    // Working days changed (first start, or a holiday rule): the view's working-day figures are stale.
    if (changed > 0) this.schedule(0, true);
    this.timer = setInterval(() => this.schedule(minutes, false), minutes * 60_000);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Refreshes now, after any refresh in progress anywhere: for callers that have just written history. */
  refresh(): Promise<RefreshOutcome> {
    const run = this.running.then(() => refreshTurnaroundView(this.dataSource, { wait: true }));
    this.running = run.catch(() => undefined);
    return run;
  }

  private schedule(minutes: number, force: boolean): void {
    this.running = this.running
      .then(async () => {
        if (!force && (await this.refreshedWithin(minutes))) return;
        const outcome = await refreshTurnaroundView(this.dataSource, { wait: false });
        if (outcome.refreshed) this.logger.log({ durationMs: outcome.durationMs }, 'analytics view refreshed');
      })
      .catch((error: unknown) => this.logger.error({ err: error }, 'analytics view refresh failed'));
  }

  /** Another replica may have refreshed a moment ago. */
  private async refreshedWithin(minutes: number): Promise<boolean> {
    const [{ recent }] = (await this.dataSource.query(
      `SELECT refreshed_at > now() - make_interval(secs => $1) AS recent FROM analytics_refresh`,
      [minutes * 60 * 0.9],
    )) as { recent: boolean }[];
    return recent;
  }
}
