import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A nota's documents, per version: the metadata here, the bytes in the blob store under their SHA-256. A version is
 * sealed when it is submitted (the first) or answered with POST versions (a later one); the documents of a sealed
 * version never change, which the database itself enforces.
 */
export class Documents1763900900000 implements MigrationInterface {
  name = 'Documents1763900900000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE nota_versions ADD COLUMN sealed_at timestamptz`);
    // Every version recorded so far was submitted: nota_versions held only submitted ones and the drafts' first.
    await db.query(`
      UPDATE nota_versions v SET sealed_at = v.created_at
        FROM notas n WHERE n.id = v.nota_id AND n.status <> 'draft'`);
    await db.query(`
      CREATE TABLE documents (
        id uuid PRIMARY KEY,
        nota_id uuid NOT NULL REFERENCES notas (id),
        nota_version integer NOT NULL CHECK (nota_version >= 1),
        role text NOT NULL CHECK (role IN ('nota', 'bijlage')),
        title text CHECK (char_length(title) <= 300),
        file_name text NOT NULL CHECK (char_length(file_name) BETWEEN 1 AND 200),
        media_type text NOT NULL,
        size bigint NOT NULL CHECK (size >= 1),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        -- The beslisnota written in the app: its sections, kept for a later Woo publication (section 5).
        content jsonb,
        carried_from uuid REFERENCES documents (id),
        created_by text NOT NULL REFERENCES users (username),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE UNIQUE INDEX documents_one_nota_per_version ON documents (nota_id, nota_version) WHERE role = 'nota'`,
    );
    await db.query(`CREATE UNIQUE INDEX documents_carried_once ON documents (nota_id, nota_version, carried_from)`);
    await db.query(`CREATE INDEX documents_by_version ON documents (nota_id, nota_version, role, created_at)`);
    await db.query(`CREATE INDEX documents_by_sha256 ON documents (sha256)`);
    await db.query(`
      CREATE FUNCTION documents_of_open_versions_only() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        row documents;
      BEGIN
        row := COALESCE(NEW, OLD);
        IF EXISTS (SELECT 1 FROM nota_versions
                    WHERE nota_id = row.nota_id AND version = row.nota_version AND sealed_at IS NOT NULL) THEN
          RAISE EXCEPTION 'version % of nota % is sealed', row.nota_version, row.nota_id USING ERRCODE = 'check_violation';
        END IF;
        RETURN COALESCE(NEW, OLD);
      END $$`);
    await db.query(`
      CREATE TRIGGER documents_of_open_versions_only BEFORE INSERT OR UPDATE OR DELETE ON documents
        FOR EACH ROW EXECUTE FUNCTION documents_of_open_versions_only()`);
    // What each decision was given on: the SHA-256 of the nota document its holder saw.
    await db.query(`ALTER TABLE tasks ADD COLUMN seen_sha256 text CHECK (seen_sha256 ~ '^[0-9a-f]{64}$')`);
    await db.query(`ALTER TABLE flow_events ADD COLUMN seen_sha256 text CHECK (seen_sha256 ~ '^[0-9a-f]{64}$')`);
    // The text of a file, read once and kept by its SHA-256: the same bytes read the same.
    await db.query(`
      CREATE TABLE document_texts (
        sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        pages jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE document_texts');
    await db.query('ALTER TABLE flow_events DROP COLUMN seen_sha256');
    await db.query('ALTER TABLE tasks DROP COLUMN seen_sha256');
    await db.query('DROP TABLE documents');
    await db.query('DROP FUNCTION documents_of_open_versions_only');
    await db.query('ALTER TABLE nota_versions DROP COLUMN sealed_at');
  }
}
