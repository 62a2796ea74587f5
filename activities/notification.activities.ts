import type { NotaFlowActivities, NotifyInput } from '@notaflow/temporal';
import type { ActivityDeps } from './create-activities';
import { taskMessage } from './messages';
import { sendBy, type Notification } from './notifications';

export function createNotificationActivities({ notifications, mailer, webAppUrl }: ActivityDeps) {
  return {
    /**
     * Records a notification once (its key makes a retried activity a no-op) and emails it through the outbox. A
     * mail server that is down fails the activity after the notification is recorded; the retry only sends.
     */
    async notify(input: NotifyInput): Promise<void> {
      const id = await notifications.record(toNotification(input, webAppUrl), Boolean(mailer));
      if (mailer) await notifications.deliver(id, sendBy(mailer));
    },
  } satisfies Pick<NotaFlowActivities, 'notify'>;
}

/**
 * The notification in the words of this release; one that a flow of an earlier release worded itself (still
 * retrying after a deploy) as it was sent.
 */
export function toNotification(input: NotifyInput, webAppUrl: string): Notification {
  if ('subject' in input) return input;
  return {
    key: input.key,
    kind: input.kind,
    recipientOrganisation: input.recipient.organisation,
    recipientUsername: input.recipient.username,
    notaId: input.nota.id,
    taskId: input.task.id,
    ...taskMessage(input, webAppUrl),
  };
}
