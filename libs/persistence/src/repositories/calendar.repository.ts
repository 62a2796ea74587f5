import type { EntityManager } from 'typeorm';
import type { CalendarPeriodKind } from '../entities/calendar-period.entity';
import { managerOf, type Database } from './database';

/** A recess or ministerraad break, both ends included, dates as `YYYY-MM-DD`. */
export interface CalendarPeriod {
  id: string;
  name: string;
  fromOn: string;
  toOn: string;
}

/** A period as libs/calendar takes it: `{ from, to }`, both included. */
export interface PeriodRange {
  from: string;
  to: string;
}

// Dates as text: the pg driver would read a date column as midnight in the process's time zone.
const PERIOD_COLUMNS = `id, name, from_on::text AS "fromOn", to_on::text AS "toOn"`;

/**
 * The calendar data an administrator maintains: Kamer recesses and ministerraad breaks (calendar_periods). Read by
 * the API's calendar and by the flow, which plans on ministerraad meetings.
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
      await db.query('LOCK TABLE calendar_periods IN SHARE ROW EXCLUSIVE MODE');
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
      `INSERT INTO calendar_periods (kind, name, from_on, to_on) VALUES ($1, $2, $3, $4) RETURNING ${PERIOD_COLUMNS}`,
      [kind, period.name, period.fromOn, period.toOn],
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
}
