import { Injectable } from '@nestjs/common';
import {
  addDays,
  addWorkingDays,
  backwardPlan,
  compareIsoDates,
  nextMinisterraad,
  prinsjesdag,
  vergaderjaarOf,
  workingDaysBetween,
  type IsoDate,
} from '@notaflow/calendar';
import { CalendarRepository, type CalendarPeriodKind } from '@notaflow/persistence';
import { AppException } from '../common/app.exception';
import { isUuid } from '../common/ids';
import { DEFAULT_PLAN_ROUTE, parseRoute } from './backward-plan';
import type {
  BackwardPlanDto,
  CalendarPeriodDto,
  CreateCalendarPeriodDto,
  DateResultDto,
  VergaderjaarDto,
  WorkingDaysResultDto,
} from './dto/calendar.dto';

const KIND_NAMES: Record<CalendarPeriodKind, string> = {
  recess: 'recess',
  ministerraad_break: 'ministerraad break',
};

@Injectable()
export class CalendarService {
  constructor(private readonly periods: CalendarRepository) {}

  addWorkingDays(from: IsoDate, days: number): DateResultDto {
    return { date: addWorkingDays(from, days) };
  }

  workingDays(from: IsoDate, to: IsoDate): WorkingDaysResultDto {
    return { workingDays: workingDaysBetween(from, to) };
  }

  vergaderjaar(date: IsoDate): VergaderjaarDto {
    const vergaderjaar = vergaderjaarOf(date);
    return { vergaderjaar, startsOn: prinsjesdag(Number(vergaderjaar.split('-')[0])) };
  }

  async nextMinisterraad(after: IsoDate): Promise<DateResultDto> {
    return { date: nextMinisterraad(after, { breaks: await this.periods.ministerraadBreaks() }) };
  }

  /** Whether the ministerraad meets on date: a Friday outside its breaks that is no public holiday. */
  async isMinisterraadMeeting(date: IsoDate): Promise<boolean> {
    return nextMinisterraad(addDays(date, -1), { breaks: await this.periods.ministerraadBreaks() }) === date;
  }

  async backwardPlan(target: IsoDate, route = DEFAULT_PLAN_ROUTE): Promise<BackwardPlanDto> {
    const steps = parseRoute(route);
    const breaks = steps.some((step) => 'onMeeting' in step) ? await this.periods.ministerraadBreaks() : [];
    let stages;
    try {
      stages = backwardPlan(target, steps, { breaks });
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      throw AppException.field('target', 'no_meeting_to_plan_on', 'leaves no ministerraad meeting to plan on');
    }
    return { target, stages, startBy: stages[0]!.latestStart };
  }

  list(kind: CalendarPeriodKind): Promise<CalendarPeriodDto[]> {
    return this.periods.list(kind);
  }

  /** Adds a period; one that overlaps another of the same kind is refused with 409. */
  async create(kind: CalendarPeriodKind, dto: CreateCalendarPeriodDto): Promise<CalendarPeriodDto> {
    if (compareIsoDates(dto.fromOn, dto.toOn) > 0)
      throw AppException.field('toOn', 'before_start', 'must not be before fromOn');
    return this.periods.writing(async (periods) => {
      const overlap = await periods.firstOverlap(kind, dto.fromOn, dto.toOn);
      if (overlap) {
        throw new AppException(
          'calendar_period_overlap',
          `The ${KIND_NAMES[kind]} overlaps ${overlap.name} (${overlap.fromOn} to ${overlap.toOn}).`,
        );
      }
      return periods.insert(kind, { name: dto.name.trim(), fromOn: dto.fromOn, toOn: dto.toOn });
    });
  }

  async remove(kind: CalendarPeriodKind, id: string): Promise<void> {
    const deleted = isUuid(id) && (await this.periods.delete(kind, id));
    if (!deleted) throw new AppException('calendar_period_not_found', `No ${KIND_NAMES[kind]} ${id}.`);
  }
}
