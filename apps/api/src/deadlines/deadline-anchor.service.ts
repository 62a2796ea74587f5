import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { CalendarRepository, DeadlineRepository } from '@notaflow/persistence';
import { CalendarChanges } from '../calendar/calendar-changes';
import { resolveDeadlineAnchor, type DeadlineCalendar } from './deadline-dates';
import { DeadlineWatchService } from './deadline-watch.service';

/**
 * Keeps the dates of deadlines tied to the Kamer's calendar in step with the calendar data: when an administrator
 * adds, corrects or removes a recess, a Kamer event or an equated day, each open anchored deadline is dated anew (or
 * left without a date while the data does not hold its event), and its watch moves its reminders. A deadline a
 * granted postponement moved keeps the Kamer's date; only its original date follows the data. At start-up too, so a
 * change that was committed but not followed (a crash in between) is followed then.
 */
@Injectable()
export class DeadlineAnchorService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DeadlineAnchorService.name);

  constructor(
    private readonly deadlines: DeadlineRepository,
    private readonly calendarData: CalendarRepository,
    private readonly watches: DeadlineWatchService,
    changes: CalendarChanges,
  ) {
    changes.subscribe(DeadlineAnchorService.name, async (change) => {
      if (change !== 'ministerraad') await this.redate();
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.redate().catch((error: unknown) => this.logger.warn({ err: error }, 'anchored deadlines not redated'));
  }

  /** Dates every open anchored deadline by the calendar data as it is now; answers the ids that moved. */
  async redate(): Promise<string[]> {
    const [kamer, workingDays, anchored] = await Promise.all([
      this.calendarData.kamerCalendarData(),
      this.calendarData.workingDayCalendar(),
      this.deadlines.openAnchored(),
    ]);
    const calendar: DeadlineCalendar = { kamer, workingDays };
    const moved: string[] = [];
    for (const deadline of anchored) {
      const resolution = resolveDeadlineAnchor(deadline.anchor, deadline.organisation, calendar);
      // Two events where there was one: no date until the data (or the anchor's vergaderjaar) says which.
      const date = resolution.status === 'dated' ? resolution.date : null;
      const dueOn = deadline.postponed ? deadline.dueOn : date;
      if (date === deadline.originalDueOn && dueOn === deadline.dueOn) continue;
      if (await this.deadlines.redate(deadline.id, { dueOn, originalDueOn: date })) moved.push(deadline.id);
    }
    if (moved.length) {
      this.logger.log({ deadlineIds: moved }, 'anchored deadlines dated anew from the calendar data');
      await this.watches.changed(moved);
    }
    return moved;
  }
}
