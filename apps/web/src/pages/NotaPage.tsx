import { useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import {
  Alert,
  Button,
  Heading,
  Paragraph,
  PreHeading,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@rijkshuisstijl-community/components-react';
import { useOrganisations } from '../api/organisations';
import type { DecisionResult, Task } from '../api/types';
import { useApi } from '../api/use-api';
import { useWorkingDaysLeft } from '../api/working-days';
import { useProfile } from '../auth/AuthProvider';
import { DueBadge } from '../components/DueBadge';
import { StageProgress } from '../components/StageProgress';
import { StatusTag } from '../components/StatusTag';
import { Timeline } from '../components/Timeline';
import { amsterdamDay, formatDay, formatInstant } from '../lib/dates';
import { STAGE_LABELS, STATUS_LABELS, TASK_TYPE_LABELS } from '../lib/labels';
import { usePageTitle } from '../lib/page-title';
import { DecisionDialog } from './nota/DecisionDialog';
import { DrafterActions } from './nota/DrafterActions';
import { NotFoundPage } from './NotFoundPage';

export function NotaPage() {
  const { id = '' } = useParams();
  const profile = useProfile();
  const location = useLocation();
  const navigate = useNavigate();
  const nota = useApi('/api/v1/notas/{id}', { params: { path: { id } } });
  const mine = useApi('/api/v1/tasks', { params: { query: { status: 'open', notaId: id } } });
  const organisations = useOrganisations();
  const [deciding, setDeciding] = useState<Task>();
  const flash = (location.state as { flash?: string } | null)?.flash;
  const flashRef = useRef<HTMLDivElement>(null);
  usePageTitle(nota.data ? nota.data.title : 'Nota');

  const openTasks = nota.data?.openTasks ?? [];
  const left = useWorkingDaysLeft([...openTasks, ...(mine.data ?? [])].map((task) => amsterdamDay(task.dueAt)));

  useEffect(() => {
    if (flash) flashRef.current?.focus();
  }, [flash]);

  if (nota.error?.status === 404 || nota.error?.status === 400) return <NotFoundPage what="Deze nota" />;

  function done(message: string) {
    // The message travels with the location, so it is read once and survives the reload of the data.
    void navigate(location.pathname, { replace: true, state: { flash: message } });
    nota.reload();
    mine.reload();
  }

  function decided(result: DecisionResult) {
    setDeciding(undefined);
    const where =
      result.nota.status === 'dispatched'
        ? 'De nota is verzonden aan de Tweede Kamer.'
        : result.nota.status === 'in_review' && result.nota.stage
          ? `De nota staat nu in de fase ${STAGE_LABELS[result.nota.stage].toLowerCase()}.`
          : `De nota is nu: ${STATUS_LABELS[result.nota.status].toLowerCase()}.`;
    done(`Uw besluit is vastgelegd. ${where}`);
  }

  const data = nota.data;
  const isDrafterOfNota = profile.role === 'drafter' && data?.organisation === profile.organisation;

  return (
    <>
      {/* One h1 element from loading to loaded, so the focus the layout puts on it after navigating stays. */}
      <div className="nf-title">
        <PreHeading
          heading={
            <Heading level={1} appearanceLevel={2}>
              {data ? data.title : 'Nota'}
            </Heading>
          }
        >
          {data ? `Nota · ons kenmerk ${data.onsKenmerk}` : 'Nota'}
        </PreHeading>
        {data && <StatusTag status={data.status} stage={data.stage} />}
      </div>
      {nota.error && (
        <Alert type="error">
          <Paragraph>{nota.error.message}</Paragraph>
        </Alert>
      )}
      {!data && !nota.error && <Paragraph role="status">Nota laden…</Paragraph>}
      {data && (
        <>
          {flash && (
            <div ref={flashRef} tabIndex={-1} className="nf-flash">
              <Alert type="ok" role="status">
                <Paragraph>{flash}</Paragraph>
              </Alert>
            </div>
          )}
          {data.status !== 'draft' && <StageProgress route={data.route} status={data.status} stage={data.stage} />}

          <div className="nf-columns">
            <div className="nf-columns__main">
              {(mine.data ?? []).map((task) => (
                <section key={task.id} className="nf-panel nf-panel--task" aria-labelledby={`taak-${task.id}`}>
                  <Heading level={2} appearanceLevel={4} id={`taak-${task.id}`}>
                    Uw taak: {TASK_TYPE_LABELS[task.type].toLowerCase()}
                    {task.type === 'co-sign' && ` namens ${task.organisation}`}
                  </Heading>
                  <Paragraph>
                    Termijn: <DueBadge dueAt={task.dueAt} workingDaysLeft={left.get(amsterdamDay(task.dueAt))} />
                  </Paragraph>
                  {task.meetingOn && (
                    <Paragraph>Op de agenda van de ministerraad van {formatDay(task.meetingOn)}.</Paragraph>
                  )}
                  <Button appearance="primary-action-button" onClick={() => setDeciding(task)}>
                    Besluit nemen
                  </Button>
                </section>
              ))}
              {isDrafterOfNota && <DrafterActions nota={data} onDone={done} />}

              <section aria-labelledby="tijdlijn" className="nf-section">
                <Heading level={2} id="tijdlijn">
                  Tijdlijn
                </Heading>
                <Timeline history={data.history} tasks={data.tasks ?? []} />
              </section>
            </div>

            <aside className="nf-columns__aside" aria-label="Gegevens van de nota">
              <section aria-labelledby="gegevens" className="nf-panel">
                <Heading level={2} appearanceLevel={4} id="gegevens">
                  Gegevens
                </Heading>
                <dl className="nf-dl">
                  <dt>Ons kenmerk</dt>
                  <dd>{data.onsKenmerk}</dd>
                  <dt>Uw kenmerk</dt>
                  <dd>{data.uwKenmerk ?? '–'}</dd>
                  <dt>Dossier</dt>
                  <dd>{data.dossier ?? '–'}</dd>
                  <dt>Gewenste datum</dt>
                  <dd>{data.dueOn ? formatDay(data.dueOn) : '–'}</dd>
                  <dt>Organisatie</dt>
                  <dd>{organisations.name(data.organisation)}</dd>
                  <dt>Opgesteld door</dt>
                  <dd>{data.createdBy}</dd>
                  <dt>Versie</dt>
                  <dd>{data.version}</dd>
                  <dt>Geregistreerd</dt>
                  <dd>{formatInstant(data.createdAt)}</dd>
                  {data.submittedAt && (
                    <>
                      <dt>Ingediend</dt>
                      <dd>{formatInstant(data.submittedAt)}</dd>
                    </>
                  )}
                  {data.dispatchedAt && (
                    <>
                      <dt>Verzonden</dt>
                      <dd>{formatInstant(data.dispatchedAt)}</dd>
                    </>
                  )}
                  {data.kamerstuk && (
                    <>
                      <dt>Kamerstuk</dt>
                      <dd>
                        Kamerstukken II {data.kamerstuk.vergaderjaar}, {data.kamerstuk.dossier}, nr.{' '}
                        {data.kamerstuk.number}
                      </dd>
                    </>
                  )}
                </dl>
              </section>
              <section aria-labelledby="route" className="nf-panel">
                <Heading level={2} appearanceLevel={4} id="route">
                  Route
                </Heading>
                <dl className="nf-dl">
                  <dt>Parafenlijn</dt>
                  <dd>
                    {data.route.reviewers.length ? (
                      <ol className="nf-plain-list">
                        {data.route.reviewers.map((reviewer) => (
                          <li key={reviewer}>{reviewer}</li>
                        ))}
                      </ol>
                    ) : (
                      'geen'
                    )}
                  </dd>
                  <dt>Besluit</dt>
                  <dd>{data.route.decider}</dd>
                  <dt>Medeondertekening</dt>
                  <dd>{data.route.coSigners.length ? data.route.coSigners.join(', ') : 'geen'}</dd>
                  <dt>Ministerraad</dt>
                  <dd>{data.route.ministerraad ? 'ja' : 'nee'}</dd>
                </dl>
              </section>
              {openTasks.length > 0 && (
                <section aria-labelledby="open-taken" className="nf-panel">
                  <Heading level={2} appearanceLevel={4} id="open-taken">
                    Ligt nu bij
                  </Heading>
                  <Table className="nf-table nf-table--compact">
                    <TableCaption className="nf-visually-hidden">Openstaande taken</TableCaption>
                    <TableHeader>
                      <TableRow>
                        <TableHeaderCell scope="col">Wie</TableHeaderCell>
                        <TableHeaderCell scope="col">Termijn</TableHeaderCell>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {openTasks.map((task) => (
                        <TableRow key={task.id}>
                          <TableCell>
                            {task.assignee ?? organisations.name(task.organisation)}
                            <span className="nf-subtle">{TASK_TYPE_LABELS[task.type]}</span>
                          </TableCell>
                          <TableCell>
                            <DueBadge dueAt={task.dueAt} workingDaysLeft={left.get(amsterdamDay(task.dueAt))} />
                          </TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </section>
              )}
              {data.versions.length > 0 && (
                <section aria-labelledby="versies" className="nf-panel">
                  <Heading level={2} appearanceLevel={4} id="versies">
                    Versies
                  </Heading>
                  <ol className="nf-plain-list">
                    {data.versions.map((version) => (
                      <li key={version.version}>
                        Versie {version.version}, {formatInstant(version.createdAt)} door {version.createdBy}
                        {version.note && <span className="nf-subtle">{version.note}</span>}
                      </li>
                    ))}
                  </ol>
                </section>
              )}
            </aside>
          </div>
          {deciding && (
            <DecisionDialog
              key={deciding.id}
              task={deciding}
              open
              onClose={() => setDeciding(undefined)}
              onDecided={decided}
            />
          )}
        </>
      )}
    </>
  );
}
