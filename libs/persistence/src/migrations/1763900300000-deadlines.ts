import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Kamer's deadlines and the postponements asked of it (DOMAIN.md "Dates and deadlines"). A granted
 * postponement moves `due_on`; `original_due_on` never changes. A recurring deadline names its ISO 8601 period;
 * each later occurrence points at the one it recurs from, at most once (`previous_id` is unique).
 * `reminder_lead_working_days` is read by the reminder workflows that come later.
 */
export class Deadlines1763900300000 implements MigrationInterface {
  name = 'Deadlines1763900300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE deadlines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN
          ('toezegging', 'commissiedebat', 'motie', 'kamervragen', 'begrotingsbehandeling', 'reporting', 'other')),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 300),
        due_on date NOT NULL,
        original_due_on date NOT NULL,
        dossier text,
        nota_id uuid REFERENCES notas (id),
        organisation_code text NOT NULL REFERENCES organisations (code),
        recurrence text CHECK (recurrence ~ '^P([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?$' AND recurrence <> 'P'),
        previous_id uuid REFERENCES deadlines (id),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'met', 'missed', 'cancelled')),
        reminder_lead_working_days integer[] NOT NULL DEFAULT '{10,5,1}'
          CHECK (0 <= ALL (reminder_lead_working_days)),
        created_by text NOT NULL REFERENCES users (username),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT deadlines_previous_id_key UNIQUE (previous_id)
      )`);
    await db.query(`CREATE INDEX deadlines_status_due_on_idx ON deadlines (status, due_on)`);
    await db.query(`CREATE INDEX deadlines_dossier_idx ON deadlines (dossier)`);
    await db.query(`CREATE INDEX deadlines_organisation_due_on_idx ON deadlines (organisation_code, due_on)`);
    await db.query(`CREATE INDEX deadlines_nota_idx ON deadlines (nota_id) WHERE nota_id IS NOT NULL`);

    await db.query(`
      CREATE TABLE postponements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        deadline_id uuid NOT NULL REFERENCES deadlines (id),
        requested_due_on date NOT NULL,
        reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 4000),
        nota_id uuid REFERENCES notas (id),
        status text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'granted', 'refused')),
        new_due_on date,
        decided_by text REFERENCES users (username),
        decided_at timestamptz,
        requested_by text NOT NULL REFERENCES users (username),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT postponements_decided CHECK ((status = 'requested') = (decided_at IS NULL AND decided_by IS NULL)),
        CONSTRAINT postponements_new_due_on CHECK ((status = 'granted') = (new_due_on IS NOT NULL))
      )`);
    // One pending request per deadline, also when two arrive at the same moment.
    await db.query(
      `CREATE UNIQUE INDEX postponements_one_requested_idx ON postponements (deadline_id) WHERE status = 'requested'`,
    );
    await db.query(`CREATE INDEX postponements_deadline_idx ON postponements (deadline_id, created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE postponements');
    await db.query('DROP TABLE deadlines');
  }
}
