import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Kamer recesses and ministerraad breaks as data (DOMAIN.md "Dates and deadlines"), maintained by an admin through
 * `/api/v1/calendar/recesses` and `/api/v1/calendar/ministerraad-breaks`. Ministerraad meetings are the Fridays
 * outside the breaks (and not on a public holiday).
 */
export class Calendar1763900200000 implements MigrationInterface {
  name = 'Calendar1763900200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE calendar_periods (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('recess', 'ministerraad_break')),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        from_on date NOT NULL,
        to_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT calendar_periods_from_before_to CHECK (from_on <= to_on),
        CONSTRAINT calendar_periods_kind_from_on_key UNIQUE (kind, from_on)
      )`);
    await db.query(`
      INSERT INTO calendar_periods (kind, name, from_on, to_on) VALUES
        ('recess', 'meireces 2023', '2023-04-21', '2023-05-08'),
        ('recess', 'zomerreces 2023', '2023-07-07', '2023-09-04'),
        ('recess', 'herfstreces 2023', '2023-10-13', '2023-10-23'),
        ('recess', 'kerstreces 2023-2024', '2023-12-22', '2024-01-15'),
        ('recess', 'voorjaarsreces 2024', '2024-02-16', '2024-02-26'),
        ('recess', 'meireces 2024', '2024-04-26', '2024-05-13'),
        ('recess', 'zomerreces 2024', '2024-07-05', '2024-09-02'),
        ('ministerraad_break', 'zomerreces ministerraad 2022', '2022-07-16', '2022-08-14')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE calendar_periods');
  }
}
