import type { EntityManager } from 'typeorm';
import {
  recessKindOf,
  type EquatedDay,
  KamerCalendarData,
  KamerEventKind,
  MinisterraadCalendar,
  WorkingDayCalendar,
} from '@notaflow/calendar';
import type { CalendarPeriodKind } from '../entities/calendar-period.entity';
import { managerOf, type Database } from './database';

/** A recess or ministerraad break, both ends included, dates as `YYYY-MM-DD`. */
export interface CalendarPeriod {
  id: string;
  name: string;
  fromOn: string;
  toOn: string;
  /** Where it was read; null for what an administrator added without one. */
  source: string | null;
}

/** A meeting the Friday rule does not give: an extra one, or one moved here from `movedFrom`. */
export interface MinisterraadMeeting {
  date: string;
  movedFrom: string | null;
  source: string | null;
}

/** The APB or a ministry's begrotingsbehandeling, both ends included. */
export interface KamerEventRow {
  id: string;
  kind: KamerEventKind;
  organisation: string | null;
  fromOn: string;
  toOn: string;
  source: string | null;
}

/** A period as libs/calendar takes it: `{ from, to }`, both included. */
export interface PeriodRange {
  from: string;
  to: string;
}

// Dates as text: the pg driver would read a date column as midnight in the process's time zone.
const PERIOD_COLUMNS = `id, name, from_on::text AS "fromOn", to_on::text AS "toOn", source`;
const MEETING_COLUMNS = `day::text AS date, moved_from::text AS "movedFrom", source`;
const EVENT_COLUMNS = `id, kind, organisation_code AS organisation, from_on::text AS "fromOn", to_on::text AS "toOn", source`;

/**
 * The calendar data an administrator maintains: Kamer recesses and ministerraad breaks (calendar_periods), the days
 * equated with a holiday (equated_days), extra and moved ministerraad meetings, and the Kamer's events per
 * vergaderjaar (kamer_events). Read fresh by every computation that needs it, in the API and in the flow's
 * activities: an administrator may correct it at any moment.
 */
export class CalendarRepository {
  private readonly db: EntityManager;

  constructor(source: Database) {
    this.db = managerOf(source);
  }

  /**
   * Runs `work` in one transaction that is the only writer of periods meanwhile, so two overlapping periods cannot
   * both pass an overlap check.
   */
  writing<T>(work: (periods: CalendarRepository) => Promise<T>): Promise<T> {
    return this.db.transaction(async (db) => {
      await db.query('LOCK TABLE calendar_periods, kamer_events IN SHARE ROW EXCLUSIVE MODE');
      return work(new CalendarRepository(db));
    });
  }

  list(kind: CalendarPeriodKind): Promise<CalendarPeriod[]> {
    return this.db.query(`SELECT ${PERIOD_COLUMNS} FROM calendar_periods WHERE kind = $1 ORDER BY from_on, id`, [kind]);
  }

  /** The earliest period of `kind` that shares a day with [fromOn, toOn]. */
  async firstOverlap(kind: CalendarPeriodKind, fromOn: string, toOn: string): Promise<CalendarPeriod | undefined> {
    const [overlap]: CalendarPeriod[] = await this.db.query(
      `SELECT ${PERIOD_COLUMNS} FROM calendar_periods
        WHERE kind = $1 AND from_on <= $3::date AND to_on >= $2::date ORDER BY from_on LIMIT 1`,
      [kind, fromOn, toOn],
    );
    return overlap;
  }

  async insert(kind: CalendarPeriodKind, period: Omit<CalendarPeriod, 'id'>): Promise<CalendarPeriod> {
    const [row]: CalendarPeriod[] = await this.db.query(
      `INSERT INTO calendar_periods (kind, name, from_on, to_on, source) VALUES ($1, $2, $3, $4, $5)
       RETURNING ${PERIOD_COLUMNS}`,
      [kind, period.name, period.fromOn, period.toOn, period.source],
    );
    return row;
  }

  /** Whether there was such a period to delete. */
  async delete(kind: CalendarPeriodKind, id: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `WITH deleted AS (DELETE FROM calendar_periods WHERE id = $1 AND kind = $2 RETURNING 1) SELECT * FROM deleted`,
      [id, kind],
    );
    return rows.length > 0;
  }

  /** When the ministerraad does not meet, read fresh each time: an administrator may change them at any moment. */
  ministerraadBreaks(): Promise<PeriodRange[]> {
    return this.db.query(
      `SELECT from_on::text AS "from", to_on::text AS "to" FROM calendar_periods WHERE kind = 'ministerraad_break'`,
    );
  }

  /** The equated days of `year` (every one when absent), in date order, with their reason and source. */
  equatedDays(year?: number): Promise<EquatedDay[]> {
    return this.db.query(
      `SELECT day::text AS date, reason, source FROM equated_days
        WHERE $1::integer IS NULL OR extract(year FROM day) = $1 ORDER BY day`,
      [year ?? null],
    );
  }

  /** Undefined when the day was equated already. */
  async insertEquatedDay(day: EquatedDay): Promise<EquatedDay | undefined> {
    const [row]: EquatedDay[] = await this.db.query(
      `INSERT INTO equated_days (day, reason, source) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING
       RETURNING day::text AS date, reason, source`,
      [day.date, day.reason, day.source],
    );
    return row;
  }

  async deleteEquatedDay(date: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `WITH deleted AS (DELETE FROM equated_days WHERE day = $1::date RETURNING 1) SELECT * FROM deleted`,
      [date],
    );
    return rows.length > 0;
  }

  /** What every working-day computation passes to libs/calendar: the equated days as they stand now. */
  async workingDayCalendar(): Promise<WorkingDayCalendar> {
    const equatedDays: { date: string }[] = await this.db.query(`SELECT day::text AS date FROM equated_days`);
    return { equatedDays };
  }

  ministerraadMeetings(): Promise<MinisterraadMeeting[]> {
    return this.db.query(`SELECT ${MEETING_COLUMNS} FROM ministerraad_meetings ORDER BY day`);
  }

  /** Undefined when that day, or the day it moved from, is recorded already. */
  async insertMinisterraadMeeting(meeting: MinisterraadMeeting): Promise<MinisterraadMeeting | undefined> {
    const [row]: MinisterraadMeeting[] = await this.db.query(
      `INSERT INTO ministerraad_meetings (day, moved_from, source) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING
       RETURNING ${MEETING_COLUMNS}`,
      [meeting.date, meeting.movedFrom, meeting.source],
    );
    return row;
  }

  async deleteMinisterraadMeeting(date: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `WITH deleted AS (DELETE FROM ministerraad_meetings WHERE day = $1::date RETURNING 1) SELECT * FROM deleted`,
      [date],
    );
    return rows.length > 0;
  }

  /**
   * The ministerraad's meeting calendar as libs/calendar takes it: the Friday rule with the breaks, the extra and
   * moved meetings, and each day a meeting moved away from as a break of one day.
   */
  async ministerraadCalendar(): Promise<MinisterraadCalendar> {
    const [breaks, meetings] = await Promise.all([this.ministerraadBreaks(), this.ministerraadMeetings()]);
    const movedAway = meetings.flatMap((m) => (m.movedFrom ? [{ from: m.movedFrom, to: m.movedFrom }] : []));
    return { breaks: [...breaks, ...movedAway], extraMeetings: meetings.map((m) => m.date) };
  }

  kamerEvents(): Promise<KamerEventRow[]> {
    return this.db.query(`SELECT ${EVENT_COLUMNS} FROM kamer_events ORDER BY from_on, kind, organisation_code`);
  }

  /** The earliest event of the same kind (and ministry) that shares a day with [fromOn, toOn]. */
  async firstKamerEventOverlap(event: Omit<KamerEventRow, 'id' | 'source'>): Promise<KamerEventRow | undefined> {
    const [row]: KamerEventRow[] = await this.db.query(
      `SELECT ${EVENT_COLUMNS} FROM kamer_events
        WHERE kind = $1 AND organisation_code IS NOT DISTINCT FROM $2 AND from_on <= $4::date AND to_on >= $3::date
        ORDER BY from_on LIMIT 1`,
      [event.kind, event.organisation, event.fromOn, event.toOn],
    );
    return row;
  }

  async insertKamerEvent(event: Omit<KamerEventRow, 'id'>): Promise<KamerEventRow> {
    const [row]: KamerEventRow[] = await this.db.query(
      `INSERT INTO kamer_events (kind, organisation_code, from_on, to_on, source) VALUES ($1, $2, $3, $4, $5)
       RETURNING ${EVENT_COLUMNS}`,
      [event.kind, event.organisation, event.fromOn, event.toOn, event.source],
    );
    return row;
  }

  async deleteKamerEvent(id: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `WITH deleted AS (DELETE FROM kamer_events WHERE id = $1 RETURNING 1) SELECT * FROM deleted`,
      [id],
    );
    return rows.length > 0;
  }

  /** What a deadline's anchor is computed from: the recesses by their kind, and the Kamer's events. */
  async kamerCalendarData(): Promise<KamerCalendarData> {
    const [recesses, events] = await Promise.all([this.list('recess'), this.kamerEvents()]);
    return {
      recesses: recesses.flatMap((r) => {
        const kind = recessKindOf(r.name);
        return kind ? [{ kind, from: r.fromOn, to: r.toOn }] : [];
      }),
      events: events.map((e) => ({
        kind: e.kind,
        from: e.fromOn,
        to: e.toOn,
        ...(e.organisation ? { organisation: e.organisation } : {}),
      })),
    };
  }
}
