import type { ActivityDeps } from './create-activities';
import { sendBy, type Notification } from './notifications';

export function createNotificationActivities({ notifications, mailer }: ActivityDeps) {
  return {
    /**
     * Records a notification once (its key makes a retried activity a no-op) and emails it through the outbox. A
     * mail server that is down fails the activity after the notification is recorded; the retry only sends.
     */
    async notify(notification: Notification): Promise<void> {
      const id = await notifications.record(notification, Boolean(mailer));
      if (mailer) await notifications.deliver(id, sendBy(mailer));
    },
  };
}
