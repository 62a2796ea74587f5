import { Module } from '@nestjs/common';
import { CalendarRepository } from '@notaflow/persistence';
import { repositoryProviders } from '../database/repository.providers';
import { CalendarChanges } from './calendar-changes';

/**
 * The calendar data (recesses, breaks, meetings, equated days, the Kamer's events) for every feature that computes
 * with it, and the news that an administrator changed it. Kept apart from the calendar's routes, so features that
 * follow a change need not depend on the module that makes it.
 */
@Module({
  providers: [CalendarChanges, ...repositoryProviders(CalendarRepository)],
  exports: [CalendarChanges, CalendarRepository],
})
export class CalendarDataModule {}
