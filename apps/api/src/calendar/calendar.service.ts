import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  addDays,
  addWorkingDays,
  backwardPlan,
  compareIsoDates,
  nextMinisterraad,
  prinsjesdag,
  vergaderjaarOf,
  workingDaysBetween,
  type DateRange,
  type IsoDate,
} from '@notaflow/calendar';
import { CalendarPeriodEntity, type CalendarPeriodKind } from '@notaflow/persistence';
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
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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
    return { date: nextMinisterraad(after, { breaks: await this.ministerraadBreaks() }) };
  }

  /** Whether the ministerraad meets on date: a Friday outside its breaks that is no public holiday. */
  async isMinisterraadMeeting(date: IsoDate): Promise<boolean> {
    return nextMinisterraad(addDays(date, -1), { breaks: await this.ministerraadBreaks() }) === date;
  }

  async backwardPlan(target: IsoDate, route = DEFAULT_PLAN_ROUTE): Promise<BackwardPlanDto> {
    const steps = parseRoute(route);
    const breaks = steps.some((step) => 'onMeeting' in step) ? await this.ministerraadBreaks() : [];
    let stages;
    try {
      stages = backwardPlan(target, steps, { breaks });
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      throw AppException.field('target', 'no_meeting_to_plan_on', 'leaves no ministerraad meeting to plan on');
    }
    return { target, stages, startBy: stages[0]!.latestStart };
  }

  async list(kind: CalendarPeriodKind): Promise<CalendarPeriodDto[]> {
    const rows = await this.dataSource.query(
      `SELECT id, name, from_on::text AS "fromOn", to_on::text AS "toOn"
         FROM calendar_periods WHERE kind = $1 ORDER BY from_on, id`,
      [kind],
    );
    return rows as CalendarPeriodDto[];
  }

  /** Adds a period; one that overlaps another of the same kind is refused with 409. */
  async create(kind: CalendarPeriodKind, dto: CreateCalendarPeriodDto): Promise<CalendarPeriodDto> {
    if (compareIsoDates(dto.fromOn, dto.toOn) > 0)
      throw AppException.field('toOn', 'before_start', 'must not be before fromOn');
    return this.dataSource.transaction(async (db) => {
      // One writer at a time per table, so two overlapping periods cannot both pass the check below.
      await db.query('LOCK TABLE calendar_periods IN SHARE ROW EXCLUSIVE MODE');
      const [overlap] = await db.query(
        `SELECT name, from_on::text AS "fromOn", to_on::text AS "toOn" FROM calendar_periods
          WHERE kind = $1 AND from_on <= $3::date AND to_on >= $2::date ORDER BY from_on LIMIT 1`,
        [kind, dto.fromOn, dto.toOn],
      );
      if (overlap) {
        throw new AppException(
          'calendar_period_overlap',
          `The ${KIND_NAMES[kind]} overlaps ${overlap.name} (${overlap.fromOn} to ${overlap.toOn}).`,
        );
      }
      const [row] = await db.query(
        `INSERT INTO calendar_periods (kind, name, from_on, to_on) VALUES ($1, $2, $3, $4)
         RETURNING id, name, from_on::text AS "fromOn", to_on::text AS "toOn"`,
        [kind, dto.name.trim(), dto.fromOn, dto.toOn],
      );
      return row as CalendarPeriodDto;
    });
  }

  async remove(kind: CalendarPeriodKind, id: string): Promise<void> {
    const result = isUuid(id) ? await this.dataSource.getRepository(CalendarPeriodEntity).delete({ id, kind }) : null;
    if (!result?.affected) throw new AppException('calendar_period_not_found', `No ${KIND_NAMES[kind]} ${id}.`);
  }

  private ministerraadBreaks(): Promise<DateRange[]> {
    return this.dataSource.query(
      `SELECT from_on::text AS "from", to_on::text AS "to" FROM calendar_periods WHERE kind = 'ministerraad_break'`,
    );
  }
}
