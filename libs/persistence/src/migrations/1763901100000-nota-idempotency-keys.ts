import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `POST /notas` with an `Idempotency-Key`: which nota a user's key made, written in the transaction that hands out the
 * nota's ons kenmerk, so that a client sending the request again (its answer lost with a replica that died) gets that
 * nota back, never a second kenmerk. A key counts for 24 hours; after that the same key registers anew.
 */
export class NotaIdempotencyKeys1763901100000 implements MigrationInterface {
  name = 'NotaIdempotencyKeys1763901100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE nota_idempotency_keys (
        username text NOT NULL REFERENCES users (username),
        key text NOT NULL CHECK (char_length(key) BETWEEN 1 AND 255),
        -- What the first request asked: the same key with another body is refused, not answered with this nota.
        request_sha256 text NOT NULL CHECK (request_sha256 ~ '^[0-9a-f]{64}$'),
        -- Claimed before the nota's row is written, in the same transaction: checked at its commit.
        nota_id uuid NOT NULL REFERENCES notas (id) DEFERRABLE INITIALLY DEFERRED,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (username, key)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE nota_idempotency_keys`);
  }
}
