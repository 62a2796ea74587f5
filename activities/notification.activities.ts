import type { ActivityDeps } from './create-activities';
import { deliverEmails, recordNotification, type Notification } from './notifications';

export function createNotificationActivities({ dataSource, mailer }: ActivityDeps) {
  return {
    /**
     * Records a notification once (its key makes a retried activity a no-op) and emails it through the outbox. A
     * mail server that is down fails the activity after the notification is recorded; the retry only sends.
     */
    async notify(notification: Notification): Promise<void> {
      const id = await recordNotification(dataSource.manager, notification, Boolean(mailer));
      if (mailer) await deliverEmails(dataSource, mailer, id);
    },
  };
}
