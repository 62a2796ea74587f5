import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the deadline watches and email need:
 * - `deadlines.watched_since`: when its watch workflow was started; a deadline still open without one (a crash
 *   between registering it and starting the watch) is picked up at the next API start.
 * - `notifications.deadline_id`: reminders and misses of deadlines sit beside those of tasks.
 * - addresses: a user's own, and an organisation's functional mailbox for what is addressed to all of it.
 * - `email_outbox`: one row per email, written in the transaction that records the notification, so a crash
 *   never loses one; sent rows are marked, so a retried activity does not send them again.
 */
export class DeadlineWatchAndEmail1763900400000 implements MigrationInterface {
  name = 'DeadlineWatchAndEmail1763900400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE deadlines ADD COLUMN watched_since timestamptz`);
    await db.query(
      `CREATE INDEX deadlines_unwatched_idx ON deadlines (id) WHERE status = 'open' AND watched_since IS NULL`,
    );
    await db.query(`ALTER TABLE deadlines ADD COLUMN closed_at timestamptz`);

    await db.query(`ALTER TABLE notifications ADD COLUMN deadline_id uuid REFERENCES deadlines (id)`);
    await db.query(
      `CREATE INDEX notifications_deadline_idx ON notifications (deadline_id) WHERE deadline_id IS NOT NULL`,
    );
    await db.query(`CREATE INDEX notifications_username_idx ON notifications (recipient_username, created_at DESC)`);

    // A plain shape check: the mail server is the judge of an address, this only keeps typos like "a@b" out.
    const address = String.raw`'^[^@\s]+@[^@\s]+\.[^@\s]+$'`;
    await db.query(`ALTER TABLE users ADD COLUMN email text CHECK (email ~ ${address})`);
    await db.query(`ALTER TABLE organisations ADD COLUMN mailbox text CHECK (mailbox ~ ${address})`);

    await db.query(`
      CREATE TABLE email_outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        notification_id uuid NOT NULL REFERENCES notifications (id),
        recipient text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        CONSTRAINT email_outbox_notification_recipient_key UNIQUE (notification_id, recipient),
        CONSTRAINT email_outbox_sent CHECK ((status = 'sent') = (sent_at IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX email_outbox_pending_idx ON email_outbox (created_at) WHERE status = 'pending'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE email_outbox');
    await db.query('ALTER TABLE organisations DROP COLUMN mailbox');
    await db.query('ALTER TABLE users DROP COLUMN email');
    await db.query('DROP INDEX notifications_username_idx');
    await db.query('ALTER TABLE notifications DROP COLUMN deadline_id');
    await db.query('ALTER TABLE deadlines DROP COLUMN closed_at');
    await db.query('ALTER TABLE deadlines DROP COLUMN watched_since');
  }
}
