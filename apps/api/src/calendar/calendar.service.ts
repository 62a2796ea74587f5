import { Injectable } from '@nestjs/common';
import {
  addDays,
  addWorkingDays,
  backwardPlan,
  compareIsoDates,
  isWorkingDay,
  nextMinisterraad,
  prinsjesdag,
  termEnd,
  vergaderjaarOf,
  workingDaysBetween,
  type IsoDate,
} from '@notaflow/calendar';
import { CalendarRepository, type CalendarPeriodKind } from '@notaflow/persistence';
import { AppException } from '../common/app.exception';
import { isUuid } from '../common/ids';
import { DEFAULT_PLAN_ROUTE, parseRoute } from './backward-plan';
import { CalendarChanges, type CalendarChange } from './calendar-changes';
import type {
  BackwardPlanDto,
  CalendarPeriodDto,
  CreateCalendarPeriodDto,
  CreateEquatedDayDto,
  CreateKamerEventDto,
  CreateMinisterraadMeetingDto,
  DateResultDto,
  EquatedDayDto,
  KamerEventDto,
  MinisterraadMeetingDto,
  VergaderjaarDto,
  WorkingDaysResultDto,
} from './dto/calendar.dto';

const KIND_NAMES: Record<CalendarPeriodKind, string> = {
  recess: 'recess',
  ministerraad_break: 'ministerraad break',
};
const PERIOD_CHANGES: Record<CalendarPeriodKind, CalendarChange> = {
  recess: 'recesses',
  ministerraad_break: 'ministerraad',
};

/**
 * The calendar as the Algemene termijnenwet and the Kamer have it: every working-day computation skips the days a
 * decree equates with a holiday, as an administrator keeps them (equated_days), and the ministerraad meets by its
 * own calendar (breaks, extra and moved meetings). All of it read fresh per request: an administrator may correct it
 * at any moment, and what computes from it (anchored deadlines, the analytics' working days) follows the change.
 */
@Injectable()
export class CalendarService {
  constructor(
    private readonly periods: CalendarRepository,
    private readonly changes: CalendarChanges = new CalendarChanges(),
  ) {}

  async addWorkingDays(from: IsoDate, days: number): Promise<DateResultDto> {
    return { date: addWorkingDays(from, days, await this.periods.workingDayCalendar()) };
  }

  async workingDays(from: IsoDate, to: IsoDate): Promise<WorkingDaysResultDto> {
    return { workingDays: workingDaysBetween(from, to, await this.periods.workingDayCalendar()) };
  }

  /** The last day of a statutory term of `days` days from `from`, per ATW art. 1, 2 and 4. */
  async termEnd(from: IsoDate, days: number): Promise<DateResultDto> {
    return { date: termEnd(from, days, await this.periods.workingDayCalendar()) };
  }

  vergaderjaar(date: IsoDate): VergaderjaarDto {
    const vergaderjaar = vergaderjaarOf(date);
    return { vergaderjaar, startsOn: prinsjesdag(Number(vergaderjaar.split('-')[0])) };
  }

  async nextMinisterraad(after: IsoDate): Promise<DateResultDto> {
    return { date: nextMinisterraad(after, await this.periods.ministerraadCalendar()) };
  }

  /** Whether the ministerraad meets on date: a Friday outside its breaks and no public holiday, or an extra meeting. */
  async isMinisterraadMeeting(date: IsoDate): Promise<boolean> {
    return nextMinisterraad(addDays(date, -1), await this.periods.ministerraadCalendar()) === date;
  }

  async backwardPlan(target: IsoDate, route = DEFAULT_PLAN_ROUTE): Promise<BackwardPlanDto> {
    const steps = parseRoute(route);
    const [ministerraad, calendar] = await Promise.all([
      steps.some((step) => 'onMeeting' in step) ? this.periods.ministerraadCalendar() : {},
      this.periods.workingDayCalendar(),
    ]);
    let stages;
    try {
      stages = backwardPlan(target, steps, ministerraad, calendar);
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
    const created = await this.periods.writing(async (periods) => {
      const overlap = await periods.firstOverlap(kind, dto.fromOn, dto.toOn);
      if (overlap) {
        throw new AppException(
          'calendar_period_overlap',
          `The ${KIND_NAMES[kind]} overlaps ${overlap.name} (${overlap.fromOn} to ${overlap.toOn}).`,
        );
      }
      return periods.insert(kind, {
        name: dto.name.trim(),
        fromOn: dto.fromOn,
        toOn: dto.toOn,
        source: dto.source?.trim() || null,
      });
    });
    await this.changes.changed(PERIOD_CHANGES[kind]);
    return created;
  }

  async remove(kind: CalendarPeriodKind, id: string): Promise<void> {
    const deleted = isUuid(id) && (await this.periods.delete(kind, id));
    if (!deleted) throw new AppException('calendar_period_not_found', `No ${KIND_NAMES[kind]} ${id}.`);
    await this.changes.changed(PERIOD_CHANGES[kind]);
  }

  equatedDays(year?: number): Promise<EquatedDayDto[]> {
    return this.periods.equatedDays(year);
  }

  /** A day a decree equates with a holiday (ATW art. 3 lid 3): only a day that would count otherwise. */
  async addEquatedDay(dto: CreateEquatedDayDto): Promise<EquatedDayDto> {
    if (!isWorkingDay(dto.date)) {
      throw AppException.field('date', 'not_a_working_day', 'is a weekend day or a public holiday already', {
        value: dto.date,
      });
    }
    const created = await this.periods.insertEquatedDay({
      date: dto.date,
      reason: dto.reason.trim(),
      source: dto.source.trim(),
    });
    if (!created) throw new AppException('equated_day_exists', `${dto.date} is equated with a holiday already.`);
    await this.changes.changed('equated_days');
    return created;
  }

  async removeEquatedDay(date: string): Promise<void> {
    if (!(await this.periods.deleteEquatedDay(date))) {
      throw new AppException('equated_day_not_found', `${date} is not equated with a holiday.`);
    }
    await this.changes.changed('equated_days');
  }

  ministerraadMeetings(): Promise<MinisterraadMeetingDto[]> {
    return this.periods.ministerraadMeetings();
  }

  /**
   * A meeting the Friday rule does not give: an extra one, or one moved from a day the ministerraad would have met
   * (no meeting is held then). A day on which it meets already is not recorded twice.
   */
  async addMinisterraadMeeting(dto: CreateMinisterraadMeetingDto): Promise<MinisterraadMeetingDto> {
    if (dto.movedFrom !== undefined) {
      if (dto.movedFrom === dto.date) {
        throw AppException.field('movedFrom', 'duplicate', 'is the meeting day itself', { value: dto.movedFrom });
      }
      if (!(await this.isMinisterraadMeeting(dto.movedFrom))) {
        throw AppException.field('movedFrom', 'not_a_meeting_day', 'is no day the ministerraad meets', {
          value: dto.movedFrom,
        });
      }
    }
    if (await this.isMinisterraadMeeting(dto.date)) {
      throw new AppException('ministerraad_meeting_exists', `The ministerraad meets on ${dto.date} already.`);
    }
    const created = await this.periods.insertMinisterraadMeeting({
      date: dto.date,
      movedFrom: dto.movedFrom ?? null,
      source: dto.source?.trim() || null,
    });
    if (!created) {
      throw new AppException('ministerraad_meeting_exists', `A meeting on or moved from that day is recorded already.`);
    }
    await this.changes.changed('ministerraad');
    return created;
  }

  async removeMinisterraadMeeting(date: string): Promise<void> {
    if (!(await this.periods.deleteMinisterraadMeeting(date))) {
      throw new AppException('ministerraad_meeting_not_found', `No extra or moved meeting on ${date}.`);
    }
    await this.changes.changed('ministerraad');
  }

  kamerEvents(): Promise<KamerEventDto[]> {
    return this.periods.kamerEvents();
  }

  /** The APB or a ministry's begrotingsbehandeling of a vergaderjaar; one overlapping its own kind gets 409. */
  async addKamerEvent(dto: CreateKamerEventDto): Promise<KamerEventDto> {
    if (compareIsoDates(dto.fromOn, dto.toOn) > 0)
      throw AppException.field('toOn', 'before_start', 'must not be before fromOn');
    const organisation = dto.organisation ?? null;
    if (dto.kind === 'begrotingsbehandeling' && !organisation) {
      throw AppException.field('organisation', 'required', 'names the ministry whose budget is treated');
    }
    if (dto.kind !== 'begrotingsbehandeling' && organisation) {
      throw AppException.field('organisation', 'only_with_begrotingsbehandeling', 'is only given for a budget debate');
    }
    const created = await this.periods.writing(async (periods) => {
      const event = { kind: dto.kind, organisation, fromOn: dto.fromOn, toOn: dto.toOn };
      const overlap = await periods.firstKamerEventOverlap(event);
      if (overlap) {
        throw new AppException(
          'kamer_event_overlap',
          `It overlaps the ${overlap.kind} of ${overlap.fromOn} to ${overlap.toOn}.`,
        );
      }
      return periods.insertKamerEvent({ ...event, source: dto.source?.trim() || null });
    });
    await this.changes.changed('kamer_events');
    return created;
  }

  async removeKamerEvent(id: string): Promise<void> {
    const deleted = isUuid(id) && (await this.periods.deleteKamerEvent(id));
    if (!deleted) throw new AppException('kamer_event_not_found', `No Kamer event ${id}.`);
    await this.changes.changed('kamer_events');
  }
}
