import type { NotificationKind } from '@notaflow/domain';
import type { DataSource } from 'typeorm';
import type { SqlRunner } from '@notaflow/persistence';
import type { Mailer } from './mail';

export type { NotificationKind } from '@notaflow/domain';

export interface Notification {
  /** Unique per notification: a retried activity never records or sends one twice. */
  key: string;
  kind: NotificationKind;
  recipientOrganisation: string;
  /** A user; null addresses the whole organisation (its functional mailbox). */
  recipientUsername: string | null;
  notaId?: string | null;
  taskId?: string | null;
  deadlineId?: string | null;
  subject: string;
  body: string;
  /** When it happened in the flow (workflow time); the database's clock otherwise. */
  at?: string;
}

/**
 * Records an in-app notification and, when email is on, its emails in the outbox: both in the caller's
 * transaction, so one is never kept without the other. Idempotent by key. Returns the notification's id.
 */
export async function recordNotification(db: SqlRunner, n: Notification, withEmail: boolean): Promise<string> {
  const [row]: { id: string }[] = await db.query(
    `WITH inserted AS (
       INSERT INTO notifications (dedupe_key, kind, recipient_organisation, recipient_username, nota_id, task_id,
                                  deadline_id, subject, body, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, COALESCE($10::timestamptz, now()))
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id)
     SELECT id FROM inserted UNION ALL SELECT id FROM notifications WHERE dedupe_key = $1
     LIMIT 1`,
    [
      n.key,
      n.kind,
      n.recipientOrganisation,
      n.recipientUsername,
      n.notaId ?? null,
      n.taskId ?? null,
      n.deadlineId ?? null,
      n.subject,
      n.body,
      n.at ?? null,
    ],
  );
  if (withEmail) {
    // The user's own address, or for the whole organisation its mailbox; without one it stays in-app only.
    await db.query(
      `INSERT INTO email_outbox (notification_id, recipient, subject, body)
       SELECT $1, address, $4, $5 FROM (
         SELECT email AS address FROM users WHERE $2::text IS NOT NULL AND username = $2
         UNION
         SELECT mailbox FROM organisations WHERE $2::text IS NULL AND code = $3
       ) addresses
       WHERE address IS NOT NULL
       ON CONFLICT (notification_id, recipient) DO NOTHING`,
      [row.id, n.recipientUsername, n.recipientOrganisation, n.subject, n.body],
    );
  }
  return row.id;
}

/**
 * Sends the pending emails of one notification. Each row is locked while its email goes out and marked sent in the
 * same transaction, so two attempts never send it both; a failure leaves it pending and throws, so the activity is
 * retried. A crash between the mail server's "accepted" and the commit sends it once more, with the same
 * Message-ID: at least once, never lost.
 */
export async function deliverEmails(dataSource: DataSource, mailer: Mailer, notificationId: string): Promise<number> {
  const pending: { id: string }[] = await dataSource.query(
    `SELECT id FROM email_outbox WHERE notification_id = $1 AND status = 'pending' ORDER BY recipient`,
    [notificationId],
  );
  let sent = 0;
  for (const { id } of pending) {
    try {
      await dataSource.transaction(async (db) => {
        const [mail]: { recipient: string; subject: string; body: string }[] = await db.query(
          `SELECT recipient, subject, body FROM email_outbox WHERE id = $1 AND status = 'pending' FOR UPDATE SKIP LOCKED`,
          [id],
        );
        if (!mail) return;
        await mailer.send({
          messageId: `<${id}@notaflow>`,
          to: mail.recipient,
          subject: mail.subject,
          text: mail.body,
        });
        await db.query(
          `UPDATE email_outbox SET status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = NULL
            WHERE id = $1`,
          [id],
        );
        sent++;
      });
    } catch (error) {
      await dataSource.query(
        `UPDATE email_outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1 AND status = 'pending'`,
        [id, String((error as Error)?.message ?? error).slice(0, 1000)],
      );
      throw error;
    }
  }
  return sent;
}
