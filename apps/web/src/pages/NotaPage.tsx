import { useState } from 'react';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Alert, Button, Heading, Paragraph, PreHeading } from '@rijkshuisstijl-community/components-react';
import type { DecisionResult, Task } from '../api/types';
import { useApi } from '../api/use-api';
import { useWorkingDaysLeft } from '../api/working-days';
import { useProfile } from '../auth/AuthProvider';
import { Flash, useFlash } from '../components/Flash';
import { StageProgress } from '../components/StageProgress';
import { StatusTag } from '../components/StatusTag';
import { Timeline } from '../components/Timeline';
import { amsterdamDay } from '../lib/dates';
import { openVersionOf, shownVersion } from '../lib/documents';
import { STAGE_LABELS, STATUS_LABELS } from '../lib/labels';
import { usePageTitle } from '../lib/page-title';
import { isPersonalTask, type PersonalTaskType } from '@notaflow/domain';
import { DecisionDialog } from './nota/DecisionDialog';
import { ReassignDialog } from './nota/ReassignDialog';
import { DocumentsSection } from './nota/DocumentsSection';
import { DrafterActions } from './nota/DrafterActions';
import { NotaFacts } from './nota/NotaFacts';
import { TaskPanel } from './nota/TaskPanel';
import { NotFoundPage } from './NotFoundPage';

export function NotaPage() {
  const { id = '' } = useParams();
  const profile = useProfile();
  const location = useLocation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const nota = useApi('/api/v1/notas/{id}', { params: { path: { id } } });
  const mine = useApi('/api/v1/tasks', { params: { query: { status: 'open', notaId: id } } });
  const [deciding, setDeciding] = useState<Task>();
  const [handingOn, setHandingOn] = useState<Task & { type: PersonalTaskType }>();
  const flash = useFlash();
  usePageTitle(nota.data ? nota.data.title : 'Nota');

  const openTasks = nota.data?.openTasks ?? [];
  const left = useWorkingDaysLeft([...openTasks, ...(mine.data ?? [])].map((task) => amsterdamDay(task.dueAt)));

  const data = nota.data;
  const isDrafterOfNota = profile.role === 'drafter' && data?.organisation === profile.organisation;
  const version = data ? shownVersion(data, search.get('versie'), isDrafterOfNota) : 0;
  const documents = useApi(data ? '/api/v1/notas/{id}/documents' : null, {
    params: { path: { id }, query: { version } },
  });
  // The list of the version shown, not the one before it that is still there while another version loads.
  const shown = documents.data?.every((document) => document.notaVersion === version) ? documents.data : undefined;
  const shownNotaDocument = shown?.find((document) => document.role === 'nota');
  const holdsTaskOnShown = (mine.data ?? []).some((task) => task.version === version && version > 1);
  // A page showing another nota document than the current one says so: a decision is taken on the current one.
  const current = data?.documentSha256;
  const outdated =
    current !== undefined &&
    version === data?.version &&
    shown !== undefined &&
    (shownNotaDocument?.sha256 ?? null) !== current;

  if (nota.error?.status === 404 || nota.error?.status === 400) return <NotFoundPage what="Deze nota" />;

  function done(message: string) {
    flash.show(message);
    nota.reload();
    mine.reload();
    // Submitting seals the version's documents: their status changes with it.
    documents.reload();
  }

  /** A reviewer's or the decider's task, handed to a colleague in a dialog. */
  function handOn(task: Task) {
    const { type } = task;
    if (isPersonalTask(type)) setHandingOn({ ...task, type });
  }

  /** Refused on a stale version: the dialog links to the new version's changes; the page loads what is now. */
  function stale() {
    setDeciding(undefined);
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
          <Flash message={flash.message} />
          {data.status !== 'draft' && <StageProgress route={data.route} status={data.status} stage={data.stage} />}

          <div className="nf-columns">
            <div className="nf-columns__main">
              {(mine.data ?? []).map((task) => (
                <TaskPanel
                  key={task.id}
                  task={task}
                  left={left}
                  shownVersion={version}
                  search={location.search}
                  onDecide={setDeciding}
                  onReassign={isPersonalTask(task.type) ? handOn : undefined}
                />
              ))}
              {isDrafterOfNota && (
                <DrafterActions
                  nota={data}
                  onDone={done}
                  missingNota={version === openVersionOf(data) && shown !== undefined && !shownNotaDocument}
                />
              )}
              {outdated && (
                <Alert type="warning">
                  <Paragraph>
                    De nota is intussen gewijzigd: het document hieronder is niet meer het actuele.{' '}
                    <Button appearance="subtle-button" onClick={() => documents.reload()}>
                      Actuele documenten laden
                    </Button>
                  </Paragraph>
                </Alert>
              )}
              <DocumentsSection
                nota={data}
                version={version}
                onVersion={(v) => void navigate({ search: `?versie=${v}` })}
                documents={shown}
                loaded={documents}
                mayChange={isDrafterOfNota}
                changesFirst={holdsTaskOnShown}
              />

              <section aria-labelledby="tijdlijn" className="nf-section">
                <Heading level={2} id="tijdlijn">
                  Tijdlijn
                </Heading>
                <Timeline history={data.history} tasks={data.tasks ?? []} />
              </section>
            </div>

            <NotaFacts nota={data} left={left} />
          </div>
          {handingOn && (
            <ReassignDialog
              key={handingOn.id}
              task={handingOn}
              onClose={() => setHandingOn(undefined)}
              onDone={(task) => {
                setHandingOn(undefined);
                done(`De taak is overgedragen aan ${task.assignee ?? 'een collega'}.`);
              }}
            />
          )}
          {deciding && (
            <DecisionDialog
              key={deciding.id}
              task={deciding}
              seenSha256={shownNotaDocument?.sha256 ?? null}
              open
              onClose={() => setDeciding(undefined)}
              onDecided={decided}
              onStale={stale}
            />
          )}
        </>
      )}
    </>
  );
}
