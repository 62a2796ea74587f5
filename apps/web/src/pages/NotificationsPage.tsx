import { Alert, Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { answer, client } from '../api/client';
import { useApi } from '../api/use-api';
import { useSubmit } from '../api/use-submit';
import { RouterLink } from '../components/RouterLink';
import { formatInstant } from '../lib/dates';
import { usePageTitle } from '../lib/page-title';
import { NOTIFICATION_KIND_LABELS } from '../lib/labels';

/** Reminders and escalations for the user and their organisation, newest first. */
export function NotificationsPage() {
  usePageTitle('Meldingen');
  const notifications = useApi('/api/v1/notifications', { params: { query: { limit: 100 } } });
  const marking = useSubmit();
  const list = notifications.data ?? [];
  const unread = list.filter((n) => !n.readAt);

  async function markRead(ids: string[]) {
    const ok = await marking.run(async () => {
      for (const id of ids) await answer(client.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } }));
    });
    if (ok) notifications.reload();
  }

  return (
    <>
      <Heading level={1}>Meldingen</Heading>
      <Paragraph>Herinneringen en escalaties bij uw taken en de Kamertermijnen van uw organisatie.</Paragraph>
      {(notifications.error || marking.failure) && (
        <Alert type="error">
          <Paragraph>{notifications.error?.message ?? marking.failure}</Paragraph>
        </Alert>
      )}
      {notifications.data && list.length === 0 && <Paragraph>U heeft geen meldingen.</Paragraph>}
      {unread.length > 1 && (
        <Button appearance="secondary-action-button" onClick={() => void markRead(unread.map((n) => n.id))}>
          Alle {unread.length} als gelezen markeren
        </Button>
      )}
      {list.length > 0 && (
        <ul className="nf-notifications">
          {list.map((n) => (
            <li key={n.id} className={`nf-notification${n.readAt ? '' : ' nf-notification--unread'}`}>
              <div className="nf-notification__head">
                <span className="nf-tag nf-tag--info">{NOTIFICATION_KIND_LABELS[n.kind]}</span>
                {!n.readAt && <span className="nf-tag nf-tag--soon">Ongelezen</span>}
                <time dateTime={n.createdAt} className="nf-subtle">
                  {formatInstant(n.createdAt)}
                </time>
              </div>
              <Heading level={2} appearanceLevel={5}>
                {n.subject}
              </Heading>
              <Paragraph className="nf-notification__body">{n.body}</Paragraph>
              <div className="nf-notification__actions">
                {n.notaId && <RouterLink to={`/notas/${n.notaId}`}>Naar de nota</RouterLink>}
                {!n.readAt && (
                  <Button appearance="subtle-button" onClick={() => void markRead([n.id])}>
                    Markeer als gelezen<span className="nf-visually-hidden">: {n.subject}</span>
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
