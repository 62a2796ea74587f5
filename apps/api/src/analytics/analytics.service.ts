import { Injectable } from '@nestjs/common';
import {
  addDays,
  addWorkingDays,
  amsterdamStartOfDayInstant,
  compareIsoDates,
  isInRange,
  toAmsterdamDate,
} from '@notaflow/calendar';
import type { Actor } from '@notaflow/domain';
import { AnalyticsRepository, CalendarRepository } from '@notaflow/persistence';
import { AppException } from '../common/app.exception';
import { resolvePeriod, periodInstants } from './analytics-period';
import { sortTurnaroundGroups, toOverdueItem, toTurnaroundGroup } from './analytics.mapper';
import type { OverdueQueryDto, TurnaroundQueryDto } from './dto/analytics-requests.dto';
import type { OverdueDto, TurnaroundDto } from './dto/analytics.dto';
import { WORKING_DAYS_RANGE } from './working-days.sync';

/**
 * Management figures. A manager sees the notas of their own organisation, with every task on them, co-signing
 * ministries' included (that is the per-ministry view), and the deadlines their organisation registered.
 */
@Injectable()
export class AnalyticsService {
  constructor(
    private readonly figures: AnalyticsRepository,
    private readonly calendar: CalendarRepository,
  ) {}

  async turnaround(actor: Actor, query: TurnaroundQueryDto): Promise<TurnaroundDto> {
    const outside = (['from', 'to'] as const).filter((field) => {
      const day = query[field];
      return day !== undefined && !isInRange(day, WORKING_DAYS_RANGE);
    });
    if (outside.length) {
      throw AppException.validation(
        outside.map((name) => ({
          name,
          code: 'outside_period' as const,
          params: { from: WORKING_DAYS_RANGE.from, to: WORKING_DAYS_RANGE.to },
          reason: `must lie between ${WORKING_DAYS_RANGE.from} and ${WORKING_DAYS_RANGE.to}, the days working days are known for`,
        })),
      );
    }
    const { from, to } = resolvePeriod(toAmsterdamDate(new Date()), query.from, query.to, WORKING_DAYS_RANGE.from);
    if (compareIsoDates(from, to) > 0) {
      throw AppException.validation([
        { name: 'from', code: 'after_end', reason: `must not be after to (${to})`, params: { value: to } },
        { name: 'to', code: 'before_start', reason: `must not be before from (${from})`, params: { value: from } },
      ]);
    }
    const groupBy = query.groupBy ?? 'stage';
    const rows = await this.figures.turnaround(groupBy, {
      notaOrganisation: actor.organisation,
      ...periodInstants(from, to),
      dossier: query.dossier ?? null,
      organisation: query.organisation ?? null,
    });
    return { from, to, groupBy, groups: sortTurnaroundGroups(groupBy, rows.map(toTurnaroundGroup)) };
  }

  async overdue(actor: Actor, query: OverdueQueryDto): Promise<OverdueDto> {
    const asOf = new Date();
    const today = toAmsterdamDate(asOf);
    const within = query.withinWorkingDays ?? 0;
    const dueBy = within === 0 ? today : addWorkingDays(today, within, await this.calendar.workingDayCalendar());
    const rows = await this.figures.overdue({
      organisation: actor.organisation,
      asOf,
      today,
      dueBy,
      dueBefore: amsterdamStartOfDayInstant(addDays(dueBy, 1)),
    });
    return { asOf: asOf.toISOString(), dueBy, items: rows.map(toOverdueItem) };
  }
}
