import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The role that owns the audit log, so that the application's role can only add to it (BIO 8.15). */
export const AUDIT_OWNER_ROLE = 'notaflow_audit';

/**
 * The audit log as a hash chain: each row carries its place in the chain (`chain_seq`), the hash of the row before
 * (`prev_hash`) and its own (`hash`, SHA-256 over the previous hash and the row's fields), set by a trigger that
 * lets one writer at a time extend the chain. Changing, removing or inserting a row out of turn (as a superuser
 * can) breaks the chain at that row, which `npm run audit:verify` names. Rows already written are chained in the
 * order of their ids.
 *
 * Ownership: the application's role created the table and, as its owner, could disable its triggers or grant
 * itself UPDATE. When the migration runs as a superuser it hands the table, its sequence and its trigger functions
 * to a role that cannot log in (`notaflow_audit`), and leaves the application SELECT and INSERT. Run as an ordinary
 * role it cannot, and says so; docs/security.md gives the statements for the database administrator.
 */
export class AuditChain1763901500000 implements MigrationInterface {
  name = 'AuditChain1763901500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE audit_log ADD COLUMN chain_seq bigint, ADD COLUMN prev_hash text, ADD COLUMN hash text`,
    );
    // The fields a row's hash covers, in a text PostgreSQL writes the same way every time (jsonb, `at` in UTC).
    // audit:verify builds the same text from the columns itself, without this function.
    await db.query(`
      CREATE FUNCTION audit_log_hash(r audit_log) RETURNS text LANGUAGE sql STABLE AS $$
        SELECT encode(sha256(convert_to(coalesce(r.prev_hash, '') || jsonb_build_array(
          r.id, r.chain_seq, to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), r.actor, r.role,
          r.organisation, r.action, r.object, r.result, r.status, r.origin, r.user_agent, r.request_id)::text,
          'UTF8')), 'hex')
      $$`);
    await db.query(`
      CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        last record;
      BEGIN
        -- Held until the inserting transaction ends: the next writer then sees this row as the last.
        PERFORM pg_advisory_xact_lock(hashtext('audit_log_chain'));
        SELECT chain_seq, hash INTO last FROM audit_log WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1;
        NEW.chain_seq := coalesce(last.chain_seq, 0) + 1;
        NEW.prev_hash := coalesce(last.hash, '');
        NEW.hash := audit_log_hash(NEW);
        RETURN NEW;
      END $$`);

    // Rows written before: chained in id order, with the append-only trigger held off for this one update.
    await db.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_or_delete`);
    await db.query(`GRANT UPDATE ON audit_log TO CURRENT_USER`);
    await db.query(`
      DO $$
      DECLARE
        r audit_log;
        seq bigint := 0;
        prev text := '';
      BEGIN
        FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
          seq := seq + 1;
          r.chain_seq := seq;
          r.prev_hash := prev;
          prev := audit_log_hash(r);
          UPDATE audit_log SET chain_seq = seq, prev_hash = r.prev_hash, hash = prev WHERE id = r.id;
        END LOOP;
      END $$`);
    await db.query(`REVOKE UPDATE ON audit_log FROM CURRENT_USER`);
    await db.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_or_delete`);
    await db.query(`ALTER TABLE audit_log ALTER COLUMN chain_seq SET NOT NULL, ALTER COLUMN hash SET NOT NULL,
      ALTER COLUMN prev_hash SET NOT NULL`);
    await db.query(`CREATE UNIQUE INDEX audit_log_chain_seq_key ON audit_log (chain_seq)`);
    await db.query(`
      CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain()`);

    await db.query(`
      DO $$
      BEGIN
        IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
          RAISE NOTICE 'audit_log stays owned by %: a superuser hands it to ${AUDIT_OWNER_ROLE} (docs/security.md)',
            current_user;
          RETURN;
        END IF;
        BEGIN
          CREATE ROLE ${AUDIT_OWNER_ROLE} NOLOGIN;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
          NULL; -- one role for every database of the cluster; another migration made it first
        END;
        EXECUTE format('GRANT SELECT, INSERT ON audit_log TO %I', current_user);
        EXECUTE format('GRANT USAGE ON SEQUENCE audit_log_id_seq TO %I', current_user);
        ALTER TABLE audit_log OWNER TO ${AUDIT_OWNER_ROLE};
        ALTER FUNCTION audit_log_append_only() OWNER TO ${AUDIT_OWNER_ROLE};
        ALTER FUNCTION audit_log_chain() OWNER TO ${AUDIT_OWNER_ROLE};
        ALTER FUNCTION audit_log_hash(audit_log) OWNER TO ${AUDIT_OWNER_ROLE};
        REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM ${AUDIT_OWNER_ROLE};
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DO $$
      BEGIN
        IF (SELECT tableowner FROM pg_tables WHERE tablename = 'audit_log' AND schemaname = current_schema())
            <> current_user THEN
          EXECUTE format('ALTER TABLE audit_log OWNER TO %I', current_user);
          EXECUTE format('ALTER FUNCTION audit_log_append_only() OWNER TO %I', current_user);
          EXECUTE format('ALTER FUNCTION audit_log_chain() OWNER TO %I', current_user);
          EXECUTE format('ALTER FUNCTION audit_log_hash(audit_log) OWNER TO %I', current_user);
        END IF;
      END $$`);
    await db.query('DROP TRIGGER audit_log_chain ON audit_log');
    await db.query('DROP FUNCTION audit_log_chain');
    await db.query('DROP FUNCTION audit_log_hash');
    await db.query('DROP INDEX audit_log_chain_seq_key');
    await db.query('ALTER TABLE audit_log DROP COLUMN hash, DROP COLUMN prev_hash, DROP COLUMN chain_seq');
  }
}
