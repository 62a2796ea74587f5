import { NotificationRepository, type Database, type NewNotification, type OutboxEmail } from '@notaflow/persistence';
import type { Mailer } from './mail';

export type { NotificationKind } from '@notaflow/domain';

/** What the notify activity is given: the notification and, when email is on, its emails. */
export type Notification = NewNotification;

/**
 * Records an in-app notification and, when email is on, its emails in the outbox: both in one transaction (the
 * caller's, when `db` is one), so one is never kept without the other. Idempotent by key. Returns its id.
 */
export function recordNotification(db: Database, n: Notification, withEmail: boolean): Promise<string> {
  return new NotificationRepository(db).record(n, withEmail);
}

/**
 * An outbox email as the mailer sends it, under a Message-ID of its own that stays the same when it is sent again:
 * a retry after the mail server accepted it is recognisable as the same message.
 */
export function sendBy(mailer: Mailer): (email: OutboxEmail) => Promise<void> {
  return (email) =>
    mailer.send({ messageId: `<${email.id}@notaflow>`, to: email.recipient, subject: email.subject, text: email.body });
}

/** Sends the pending emails of one notification: a mail server that is down delays them, never loses them. */
export function deliverEmails(db: Database, mailer: Mailer, notificationId: string): Promise<number> {
  return new NotificationRepository(db).deliver(notificationId, sendBy(mailer));
}
