import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deadlines as the Kamer sets them (issue 15):
 * - the kinds `schriftelijk_overleg`, `tweeminutendebat` and `commissieverzoek`;
 * - `anchor`: a deadline tied to the Kamer's calendar ("vóór het zomerreces", "tot na de begrotingsbehandeling"),
 *   whose `due_on` is computed from the calendar data and moves when that data is corrected; no date yet ("z.s.m.")
 *   while the data does not hold the event, so `due_on` may be null;
 * - `preset`, `preset_from`: a statutory or RvO term (Kamervragen, Woo) counted from receipt, kept so that a notice
 *   sent later (`extended_on`, with its reasons) extends it as the rule says;
 * - `kamerstukken`: the Kamerstukken a deadline concerns, as `[{ "dossier": "28 638", "number": 216 }]`;
 * - a postponement may ask no date ("tot na de begrotingsbehandeling", seed 000) and records the day it was asked.
 */
export class DeadlineAnchors1763910100000 implements MigrationInterface {
  name = 'DeadlineAnchors1763910100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE deadlines DROP CONSTRAINT deadlines_kind_check`);
    await db.query(`
      ALTER TABLE deadlines ADD CONSTRAINT deadlines_kind_check CHECK (kind IN
        ('toezegging', 'commissiedebat', 'motie', 'kamervragen', 'begrotingsbehandeling', 'reporting',
         'schriftelijk_overleg', 'tweeminutendebat', 'commissieverzoek', 'other'))`);
    await db.query(`ALTER TABLE deadlines ALTER COLUMN due_on DROP NOT NULL`);
    await db.query(`ALTER TABLE deadlines ALTER COLUMN original_due_on DROP NOT NULL`);
    await db.query(`
      ALTER TABLE deadlines
        ADD COLUMN anchor jsonb CHECK (anchor IS NULL OR jsonb_typeof(anchor) = 'object'),
        ADD COLUMN preset text CHECK (preset IN ('kamervragen', 'woo')),
        ADD COLUMN preset_from date,
        ADD COLUMN extended_on date,
        ADD COLUMN extension_reasons text CHECK (length(extension_reasons) <= 4000),
        ADD COLUMN kamerstukken jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(kamerstukken) = 'array'),
        ADD CONSTRAINT deadlines_preset_from CHECK ((preset IS NULL) = (preset_from IS NULL)),
        ADD CONSTRAINT deadlines_extended_with_reasons CHECK ((extended_on IS NULL) = (extension_reasons IS NULL))`);
    await db.query(`CREATE INDEX deadlines_anchored_idx ON deadlines (status) WHERE anchor IS NOT NULL`);
    await db.query(`ALTER TABLE postponements ALTER COLUMN requested_due_on DROP NOT NULL`);
    await db.query(`ALTER TABLE postponements ADD COLUMN requested_on date`);
    await db.query(`UPDATE postponements SET requested_on = (created_at AT TIME ZONE 'Europe/Amsterdam')::date`);
    await db.query(`ALTER TABLE postponements ALTER COLUMN requested_on SET NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE postponements DROP COLUMN requested_on`);
    await db.query(`DELETE FROM postponements WHERE requested_due_on IS NULL`);
    await db.query(`ALTER TABLE postponements ALTER COLUMN requested_due_on SET NOT NULL`);
    await db.query(`DROP INDEX deadlines_anchored_idx`);
    await db.query(`
      ALTER TABLE deadlines DROP CONSTRAINT deadlines_extended_with_reasons,
        DROP CONSTRAINT deadlines_preset_from, DROP COLUMN kamerstukken, DROP COLUMN extension_reasons,
        DROP COLUMN extended_on, DROP COLUMN preset_from, DROP COLUMN preset, DROP COLUMN anchor`);
    await db.query(`DELETE FROM deadlines WHERE due_on IS NULL`);
    await db.query(`UPDATE deadlines SET original_due_on = due_on WHERE original_due_on IS NULL`);
    await db.query(`ALTER TABLE deadlines ALTER COLUMN original_due_on SET NOT NULL`);
    await db.query(`ALTER TABLE deadlines ALTER COLUMN due_on SET NOT NULL`);
    await db.query(`ALTER TABLE deadlines DROP CONSTRAINT deadlines_kind_check`);
    await db.query(`
      ALTER TABLE deadlines ADD CONSTRAINT deadlines_kind_check CHECK (kind IN
        ('toezegging', 'commissiedebat', 'motie', 'kamervragen', 'begrotingsbehandeling', 'reporting', 'other'))`);
  }
}
