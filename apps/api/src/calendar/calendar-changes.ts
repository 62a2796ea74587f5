import { Injectable, Logger } from '@nestjs/common';

/** What an administrator changed in the calendar data. */
export type CalendarChange = 'recesses' | 'ministerraad' | 'equated_days' | 'kamer_events';

export type CalendarListener = (change: CalendarChange) => Promise<void>;

/**
 * Tells the features that compute from the calendar data that an administrator changed it, after the change is
 * committed: anchored deadlines move, the analytics' working days follow the equated days. Features subscribe at
 * start-up, so the calendar does not depend on them. A listener that fails is logged; what it keeps is also
 * brought in step at the next start.
 */
@Injectable()
export class CalendarChanges {
  private readonly logger = new Logger(CalendarChanges.name);
  private readonly listeners: { name: string; listener: CalendarListener }[] = [];

  subscribe(name: string, listener: CalendarListener): void {
    this.listeners.push({ name, listener });
  }

  async changed(change: CalendarChange): Promise<void> {
    for (const { name, listener } of this.listeners) {
      try {
        await listener(change);
      } catch (error) {
        this.logger.error({ err: error, change, listener: name }, 'a calendar change was not followed');
      }
    }
  }
}
