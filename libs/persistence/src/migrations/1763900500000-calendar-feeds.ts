import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Subscriptions to the iCal feed of an organisation's Kamer deadlines (`GET /api/v1/deadlines.ics?token=`).
 * Calendar clients cannot send an access token, so the URL carries one of its own. Only its SHA-256 hash is kept:
 * a copy of this table opens no feed. A feed is revoked, never deleted, so its owner still sees when it was last
 * used; it dies with its user.
 */
export class CalendarFeeds1763900500000 implements MigrationInterface {
  name = 'CalendarFeeds1763900500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE calendar_feeds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL REFERENCES users (username) ON DELETE CASCADE,
        token_hash bytea NOT NULL CHECK (octet_length(token_hash) = 32),
        name text CHECK (length(btrim(name)) BETWEEN 1 AND 100),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz,
        CONSTRAINT calendar_feeds_token_hash_key UNIQUE (token_hash)
      )`);
    await db.query(`CREATE INDEX calendar_feeds_username_idx ON calendar_feeds (username, created_at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE calendar_feeds');
  }
}
