import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The registry (users, notas and their versions), the flow's append-only event log and the read model of
 * tasks that the workflow keeps up to date through idempotent activities.
 */
export class RegistryAndFlow1763900100000 implements MigrationInterface {
  name = 'RegistryAndFlow1763900100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE users (
        username text PRIMARY KEY CHECK (username ~ '^[a-z0-9._-]{2,64}$'),
        display_name text NOT NULL,
        role text NOT NULL CHECK (role IN ('drafter', 'reviewer', 'decider', 'cosigner', 'ministerraad', 'manager', 'admin')),
        organisation_code text NOT NULL REFERENCES organisations (code),
        password_hash text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    // Ons kenmerk: 7 digits, handed out by PostgreSQL. A sequence never gives a value twice, not even when the
    // transaction that drew it rolls back or the process crashes, so a number is never reused.
    await db.query(
      `CREATE SEQUENCE ons_kenmerk_seq AS integer MINVALUE 1000000 MAXVALUE 9999999 START 6000001 NO CYCLE`,
    );

    await db.query(`
      CREATE TABLE notas (
        id uuid PRIMARY KEY,
        ons_kenmerk char(7) NOT NULL UNIQUE CHECK (ons_kenmerk ~ '^[0-9]{7}$'),
        title text NOT NULL,
        dossier text,
        uw_kenmerk text,
        due_on date,
        organisation_code text NOT NULL REFERENCES organisations (code),
        created_by text NOT NULL REFERENCES users (username),
        route jsonb NOT NULL,
        status text NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft', 'in_review', 'changes_requested', 'rejected', 'withdrawn', 'dispatched')),
        stage text CHECK (stage IN ('initialling', 'decision', 'co-signing', 'ministerraad', 'dispatch', 'done')),
        version integer NOT NULL DEFAULT 1,
        workflow_id text UNIQUE,
        submitted_at timestamptz,
        dispatched_at timestamptz,
        kamerstuk_dossier text,
        kamerstuk_number integer,
        kamerstuk_vergaderjaar text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX notas_status_stage_idx ON notas (status, stage)`);
    await db.query(`CREATE INDEX notas_dossier_idx ON notas (dossier)`);
    await db.query(`CREATE INDEX notas_organisation_idx ON notas (organisation_code, created_at DESC)`);

    await db.query(`
      CREATE TABLE nota_versions (
        nota_id uuid NOT NULL REFERENCES notas (id),
        version integer NOT NULL CHECK (version >= 1),
        note text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (nota_id, version)
      )`);

    await db.query(`
      CREATE TABLE flow_events (
        id bigserial PRIMARY KEY,
        workflow_id text NOT NULL,
        seq integer NOT NULL CHECK (seq >= 1),
        nota_id uuid NOT NULL REFERENCES notas (id),
        at timestamptz NOT NULL,
        type text NOT NULL,
        actor text,
        organisation text,
        stage text,
        task_id uuid,
        decision text,
        remarks text,
        data jsonb,
        CONSTRAINT flow_events_workflow_seq_key UNIQUE (workflow_id, seq)
      )`);
    await db.query(`CREATE INDEX flow_events_nota_idx ON flow_events (nota_id, seq)`);
    await db.query(`CREATE INDEX flow_events_at_idx ON flow_events (at)`);
    // Append-only: the log is the record; corrections are new events.
    await db.query(`
      CREATE FUNCTION flow_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'flow_events is append-only';
      END $$`);
    await db.query(`
      CREATE TRIGGER flow_events_no_update_or_delete BEFORE UPDATE OR DELETE ON flow_events
      FOR EACH ROW EXECUTE FUNCTION flow_events_append_only()`);

    await db.query(`
      CREATE TABLE tasks (
        id uuid PRIMARY KEY,
        nota_id uuid NOT NULL REFERENCES notas (id),
        workflow_id text NOT NULL,
        type text NOT NULL CHECK (type IN ('initial', 'decide', 'co-sign', 'ministerraad', 'dispatch')),
        stage text NOT NULL,
        organisation text NOT NULL REFERENCES organisations (code),
        assignee text REFERENCES users (username),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
        version integer NOT NULL,
        meeting_on date,
        due_at timestamptz NOT NULL,
        remind_at timestamptz,
        created_at timestamptz NOT NULL,
        decided_at timestamptz,
        decided_by text,
        decision text,
        remarks text
      )`);
    await db.query(`CREATE INDEX tasks_open_idx ON tasks (status, organisation, type) WHERE status = 'open'`);
    await db.query(`CREATE INDEX tasks_assignee_idx ON tasks (assignee) WHERE status = 'open'`);
    await db.query(`CREATE INDEX tasks_nota_idx ON tasks (nota_id, created_at)`);
    await db.query(`CREATE INDEX tasks_decided_at_idx ON tasks (decided_at)`);

    await db.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dedupe_key text NOT NULL UNIQUE,
        kind text NOT NULL CHECK (kind IN ('task_reminder', 'task_escalation', 'task_assigned', 'deadline_reminder', 'deadline_missed')),
        recipient_organisation text REFERENCES organisations (code),
        recipient_username text REFERENCES users (username),
        nota_id uuid REFERENCES notas (id),
        task_id uuid REFERENCES tasks (id),
        subject text NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    await db.query(
      `CREATE INDEX notifications_recipient_idx ON notifications (recipient_organisation, created_at DESC)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['notifications', 'tasks', 'flow_events', 'nota_versions', 'notas', 'users']) {
      await db.query(`DROP TABLE ${table}`);
    }
    await db.query('DROP FUNCTION flow_events_append_only');
    await db.query('DROP SEQUENCE ons_kenmerk_seq');
  }
}
