import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log (BIO 8.15.01): every state-changing request and every refused one, with action, object, result,
 * origin, actor and time. Separate from the flow events, which record the process; this records who asked what of
 * the system. Append-only, enforced in PostgreSQL for every role, the application's own included: triggers refuse
 * UPDATE, DELETE and TRUNCATE, and those privileges are revoked from everyone, the table's owner too.
 *
 * `sign_in_failures`: consecutive failed sign-ins per username (known or not, so the answer tells nothing about
 * which usernames exist), and the moment until which that username is locked out.
 */
export class AuditAndSignIn1763900700000 implements MigrationInterface {
  name = 'AuditAndSignIn1763900700000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor text,
        role text,
        organisation text,
        action text NOT NULL,
        object text NOT NULL,
        result text NOT NULL CHECK (result IN ('success', 'refused', 'failed')),
        status integer NOT NULL,
        origin text,
        user_agent text,
        request_id text
      )`);
    await db.query(`CREATE INDEX audit_log_at_idx ON audit_log (at)`);
    await db.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor, at)`);
    await db.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`
      CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
    await db.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);
    // Privileges too, for roles that are not superusers (the production role): permission denied before any trigger.
    await db.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC`);
    await db.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM CURRENT_USER`);

    await db.query(`
      CREATE TABLE sign_in_failures (
        username text PRIMARY KEY,
        failures integer NOT NULL CHECK (failures >= 0),
        last_failure_at timestamptz NOT NULL,
        locked_until timestamptz
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE sign_in_failures');
    await db.query('DROP TABLE audit_log');
    await db.query('DROP FUNCTION audit_log_append_only');
  }
}
