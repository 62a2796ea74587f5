import { IsNull, type EntityManager, type FindOptionsWhere } from 'typeorm';
import type { Actor, NotificationKind } from '@notaflow/domain';
import { NotificationEntity } from '../entities/notification.entity';
import { managerOf, type Database } from './database';

export interface NewNotification {
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

/** An email of the outbox, as it goes out. */
export interface OutboxEmail {
  id: string;
  recipient: string;
  subject: string;
  body: string;
}

/** The in-app notifications, and the email outbox that carries them to their recipients' addresses. */
export class NotificationRepository {
  private readonly db: EntityManager;

  constructor(db: Database) {
    this.db = managerOf(db);
  }

  /**
   * Records an in-app notification and, `withEmail`, its emails in the outbox: in one transaction (the caller's,
   * when the repository was made on one), so one is never kept without the other. Idempotent by key. Answers the
   * notification's id.
   */
  record(n: NewNotification, withEmail: boolean): Promise<string> {
    return this.db.transaction(async (db) => {
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
    });
  }

  /** The id of the notification recorded under `key`, if it was. */
  async idOf(key: string): Promise<string | null> {
    const [row]: { id: string }[] = await this.db.query(`SELECT id FROM notifications WHERE dedupe_key = $1`, [key]);
    return row?.id ?? null;
  }

  /**
   * Sends the pending emails of one notification through `send`. Each row is locked while its email goes out and
   * marked sent in the same transaction, so two attempts never send it both; a failure leaves it pending, counts
   * the attempt and throws. A crash between the mail server's "accepted" and the commit sends it once more: at
   * least once, never lost. Answers how many went out.
   */
  async deliver(notificationId: string, send: (email: OutboxEmail) => Promise<void>): Promise<number> {
    const pending: { id: string }[] = await this.db.query(
      `SELECT id FROM email_outbox WHERE notification_id = $1 AND status = 'pending' ORDER BY recipient`,
      [notificationId],
    );
    let sent = 0;
    for (const { id } of pending) {
      try {
        await this.db.transaction(async (db) => {
          const [email]: OutboxEmail[] = await db.query(
            `SELECT id, recipient, subject, body FROM email_outbox
              WHERE id = $1 AND status = 'pending' FOR UPDATE SKIP LOCKED`,
            [id],
          );
          if (!email) return;
          await send(email);
          await db.query(
            `UPDATE email_outbox SET status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = NULL
              WHERE id = $1`,
            [id],
          );
          sent++;
        });
      } catch (error) {
        await this.db.query(
          `UPDATE email_outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1 AND status = 'pending'`,
          [id, String((error as Error)?.message ?? error).slice(0, 1000)],
        );
        throw error;
      }
    }
    return sent;
  }

  /** The notifications addressed to `actor` or to their whole organisation, newest first. */
  listFor(actor: Actor, filter: { unread?: boolean; limit: number }): Promise<NotificationEntity[]> {
    const unread = filter.unread ? { readAt: IsNull() } : {};
    return this.db.find(NotificationEntity, {
      where: addressedTo(actor).map((where) => ({ ...where, ...unread })),
      order: { createdAt: 'DESC', id: 'ASC' },
      take: filter.limit,
    });
  }

  /** Notification `id`, if it is addressed to `actor` or their organisation: another's is as good as none. */
  findFor(actor: Actor, id: string): Promise<NotificationEntity | null> {
    return this.db.findOne(NotificationEntity, { where: addressedTo(actor).map((where) => ({ ...where, id })) });
  }

  /** Marks it read, once: a second time keeps the first moment. Answers it as it is now. */
  async markRead(id: string): Promise<NotificationEntity> {
    await this.db.update(NotificationEntity, { id, readAt: IsNull() }, { readAt: new Date() });
    return this.db.findOneByOrFail(NotificationEntity, { id });
  }
}

function addressedTo(actor: Actor): FindOptionsWhere<NotificationEntity>[] {
  return [
    { recipientUsername: actor.username },
    { recipientUsername: IsNull(), recipientOrganisation: actor.organisation },
  ];
}
