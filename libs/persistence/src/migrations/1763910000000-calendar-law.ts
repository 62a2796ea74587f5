import type { MigrationInterface, QueryRunner } from 'typeorm';
// The seed files themselves, not the library's index: the tests' global setup runs migrations without the path
// aliases, and the seeds need nothing but types.
import { equatedDaysSeed } from '../../../calendar/src/seeds/equated-days.seed';
import { kamerEventsSeed, recessesSeed } from '../../../calendar/src/seeds/kamer-calendar.seed';
import { ministerraadBreaksSeed, ministerraadExtraMeetingsSeed } from '../../../calendar/src/seeds/ministerraad.seed';

/**
 * The rest of the calendar the Algemene termijnenwet and the Kamer need, as data an administrator keeps (DOMAIN.md
 * "Dates and deadlines"), each row with where it was read:
 * - `equated_days`: the days a Royal Decree equates with a general holiday (ATW art. 3 lid 3);
 * - `ministerraad_meetings`: meetings the Friday rule does not give (an extra one, or a moved one: its new day here,
 *   its old day in `moved_from`, where no meeting is held);
 * - `kamer_events`: per vergaderjaar the Algemene Politieke Beschouwingen and each ministry's begrotingsbehandeling,
 *   which deadlines are tied to ("tot na de begrotingsbehandeling", seed 000);
 * - a `source` for recesses and ministerraad breaks.
 * Filled from libs/calendar's seeds with their sources. Every insert skips what is there, so running it on data an
 * administrator already corrected changes nothing of theirs; seeds added later come with a migration of their own.
 */
export class CalendarLaw1763910000000 implements MigrationInterface {
  name = 'CalendarLaw1763910000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE calendar_periods ADD COLUMN source text CHECK (length(source) <= 2000)`);
    await db.query(`
      CREATE TABLE equated_days (
        day date PRIMARY KEY,
        reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 200),
        source text NOT NULL CHECK (length(btrim(source)) BETWEEN 1 AND 2000),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE ministerraad_meetings (
        day date PRIMARY KEY,
        moved_from date UNIQUE CHECK (moved_from <> day),
        source text CHECK (length(source) <= 2000),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE kamer_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('algemene_politieke_beschouwingen', 'begrotingsbehandeling')),
        organisation_code text REFERENCES organisations (code),
        from_on date NOT NULL,
        to_on date NOT NULL,
        source text CHECK (length(source) <= 2000),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT kamer_events_from_before_to CHECK (from_on <= to_on),
        -- A begrotingsbehandeling is that of one ministry's budget; the APB are the whole cabinet's.
        CONSTRAINT kamer_events_organisation CHECK ((kind = 'begrotingsbehandeling') = (organisation_code IS NOT NULL)),
        CONSTRAINT kamer_events_kind_organisation_from_on_key UNIQUE NULLS NOT DISTINCT (kind, organisation_code, from_on)
      )`);

    for (const day of equatedDaysSeed) {
      await db.query(`INSERT INTO equated_days (day, reason, source) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
        day.date,
        day.reason,
        day.source,
      ]);
    }
    const periods = [
      ...recessesSeed.map((r) => ({ ...r, kind: 'recess' })),
      ...ministerraadBreaksSeed.map((b) => ({ kind: 'ministerraad_break', ...b })),
    ];
    for (const { kind, name, from, to, source } of periods) {
      // The recesses of 2023-2024 were there already, without their source: it is added, nothing else changes.
      await db.query(
        `UPDATE calendar_periods SET source = $4 WHERE kind = $1 AND from_on = $2 AND to_on = $3 AND source IS NULL`,
        [kind, from, to, source],
      );
      await db.query(
        `INSERT INTO calendar_periods (kind, name, from_on, to_on, source)
         SELECT $1, $2, $3, $4, $5
          WHERE NOT EXISTS (SELECT 1 FROM calendar_periods WHERE kind = $1 AND from_on <= $4::date AND to_on >= $3::date)`,
        [kind, name, from, to, source],
      );
    }
    for (const meeting of ministerraadExtraMeetingsSeed) {
      await db.query(`INSERT INTO ministerraad_meetings (day, source) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
        meeting.date,
        meeting.source,
      ]);
    }
    for (const event of kamerEventsSeed) {
      await db.query(
        `INSERT INTO kamer_events (kind, organisation_code, from_on, to_on, source) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT DO NOTHING`,
        [event.kind, event.organisation ?? null, event.from, event.to, event.source],
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE kamer_events');
    await db.query('DROP TABLE ministerraad_meetings');
    await db.query('DROP TABLE equated_days');
    await db.query('ALTER TABLE calendar_periods DROP COLUMN source');
  }
}
