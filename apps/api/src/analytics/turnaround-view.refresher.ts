import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { AppConfig } from '@notaflow/config';
import { AnalyticsRepository, CalendarRepository, type RefreshOutcome } from '@notaflow/persistence';
import { CalendarChanges } from '../calendar/calendar-changes';
import { APP_CONFIG } from '../config/config.module';
import { WORKING_DAYS_RANGE, workingDayRows } from './working-days.sync';

/**
 * Keeps the analytics data in step. At start-up, before the API serves, and whenever an administrator changes the
 * equated days: `working_days` from libs/calendar and the equated days. Then,
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
    private readonly figures: AnalyticsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly calendar: CalendarRepository,
    changes: CalendarChanges,
  ) {
    changes.subscribe(TurnaroundViewRefresher.name, async (change) => {
      if (change !== 'equated_days') return;
      // The working-day figures of finished tasks are read from the view: it is refreshed with the new days.
      if ((await this.syncWorkingDays()) > 0) await this.refresh();
    });
  }

  /** `working_days` as libs/calendar and the equated days say now; answers how many rows changed. */
  async syncWorkingDays(): Promise<number> {
    const range = WORKING_DAYS_RANGE;
    const calendar = await this.calendar.workingDayCalendar();
    return this.figures.syncWorkingDays(workingDayRows(range.from, range.to, calendar), range);
  }

  async onApplicationBootstrap(): Promise<void> {
    const changed = await this.syncWorkingDays();
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
    const run = this.running.then(() => this.figures.refreshView({ wait: true }));
    this.running = run.catch(() => undefined);
    return run;
  }

  private schedule(minutes: number, force: boolean): void {
    this.running = this.running
      .then(async () => {
        // Another replica may have refreshed a moment ago.
        if (!force && (await this.figures.refreshedWithin(minutes * 60 * 0.9))) return;
        const outcome = await this.figures.refreshView({ wait: false });
        if (outcome.refreshed) this.logger.log({ durationMs: outcome.durationMs }, 'analytics view refreshed');
      })
      .catch((error: unknown) => this.logger.error({ err: error }, 'analytics view refresh failed'));
  }
}
