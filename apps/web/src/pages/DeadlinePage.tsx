import { useParams } from 'react-router-dom';
import { Alert, Heading, Paragraph, PreHeading } from '@rijkshuisstijl-community/components-react';
import { useApi } from '../api/use-api';
import { useWorkingDaysLeft } from '../api/working-days';
import { useProfile } from '../auth/AuthProvider';
import { Flash, useFlash } from '../components/Flash';
import { RouterLink } from '../components/RouterLink';
import { today } from '../lib/dates';
import { DEADLINE_KIND_LABELS, DEADLINE_STATUS_LABELS } from '../lib/labels';
import { usePageTitle } from '../lib/page-title';
import { dueLabel } from '../lib/working-days';
import { DeadlineActions } from './deadlines/DeadlineActions';
import { DeadlineFacts } from './deadlines/DeadlineFacts';
import { PostponementTable } from './deadlines/PostponementTable';
import { NotFoundPage } from './NotFoundPage';

export function DeadlinePage() {
  const { id = '' } = useParams();
  const profile = useProfile();
  const deadline = useApi('/api/v1/deadlines/{id}', { params: { path: { id } } });
  const flash = useFlash();
  const data = deadline.data;
  usePageTitle(data ? data.title : 'Kamertermijn');
  const left = useWorkingDaysLeft(data?.status === 'open' && data.dueOn ? [data.dueOn] : []);

  if (deadline.error?.status === 404 || deadline.error?.status === 400) return <NotFoundPage what="Deze termijn" />;

  const done = (message: string) => {
    flash.show(message);
    deadline.reload();
  };
  const mayAct = profile.role === 'drafter' || profile.role === 'manager';
  const label =
    data?.status === 'open' && data.dueOn ? dueLabel(left.get(data.dueOn) ?? null, data.dueOn < today()) : undefined;

  return (
    <>
      <Paragraph>
        <RouterLink to="/termijnen">Alle Kamertermijnen</RouterLink>
      </Paragraph>
      <div className="nf-title">
        <PreHeading heading={<Heading level={1}>{data ? data.title : 'Kamertermijn'}</Heading>}>
          {data ? DEADLINE_KIND_LABELS[data.kind] : 'Kamertermijn'}
        </PreHeading>
        {data && <span className="nf-tag nf-tag--neutral">{DEADLINE_STATUS_LABELS[data.status]}</span>}
        {label?.text && <span className={`nf-tag nf-tag--${label.tone}`}>{label.text}</span>}
      </div>
      {deadline.error && (
        <Alert type="error">
          <Paragraph>{deadline.error.message}</Paragraph>
        </Alert>
      )}
      {!data && !deadline.error && <Paragraph role="status">Termijn laden…</Paragraph>}
      {data && (
        <>
          <Flash message={flash.message} />
          <div className="nf-columns">
            <div className="nf-columns__main">
              <section aria-labelledby="uitstel" className="nf-section">
                <Heading level={2} id="uitstel">
                  Uitstelverzoeken
                </Heading>
                {data.postponements.length === 0 ? (
                  <Paragraph>Voor deze termijn is geen uitstel gevraagd.</Paragraph>
                ) : (
                  <PostponementTable postponements={data.postponements} />
                )}
                {mayAct && data.status === 'open' && <DeadlineActions deadline={data} onDone={done} />}
              </section>
            </div>
            <aside className="nf-columns__aside" aria-label="Gegevens van de termijn">
              <DeadlineFacts deadline={data} />
            </aside>
          </div>
        </>
      )}
    </>
  );
}
