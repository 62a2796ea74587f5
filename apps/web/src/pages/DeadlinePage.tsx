import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import {
  ActionGroup,
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
import { api } from '../api/client';
import type { DeadlineDetail, Postponement } from '../api/types';
import { useApi } from '../api/use-api';
import { useSubmit } from '../api/use-submit';
import { useWorkingDaysLeft } from '../api/working-days';
import { useProfile } from '../auth/AuthProvider';
import { Dialog } from '../components/Dialog';
import { ChoiceGroup, RadioChoice, TextAreaField, TextField } from '../components/Fields';
import { RouterLink } from '../components/RouterLink';
import { formatDay, formatInstant, today } from '../lib/dates';
import { DEADLINE_KIND_LABELS, DEADLINE_STATUS_LABELS, POSTPONEMENT_STATUS_LABELS } from '../lib/labels';
import { usePageTitle } from '../lib/page-title';
import { dueLabel } from '../lib/working-days';
import { NotFoundPage } from './NotFoundPage';

export function DeadlinePage() {
  const { id = '' } = useParams();
  const profile = useProfile();
  const location = useLocation();
  const navigate = useNavigate();
  const deadline = useApi<DeadlineDetail>(`/deadlines/${encodeURIComponent(id)}`);
  const flash = (location.state as { flash?: string } | null)?.flash;
  const flashRef = useRef<HTMLDivElement>(null);
  const data = deadline.data;
  usePageTitle(data ? data.title : 'Kamertermijn');
  const left = useWorkingDaysLeft(data?.status === 'open' ? [data.dueOn] : []);

  useEffect(() => {
    if (flash) flashRef.current?.focus();
  }, [flash]);

  if (deadline.error?.status === 404 || deadline.error?.status === 400) return <NotFoundPage what="Deze termijn" />;

  const done = (message: string) => {
    void navigate(location.pathname, { replace: true, state: { flash: message } });
    deadline.reload();
  };
  const mayAct = profile.role === 'drafter' || profile.role === 'manager';
  const pending = data?.postponements.find((p) => p.status === 'requested');
  const label = data?.status === 'open' ? dueLabel(left.get(data.dueOn) ?? null, data.dueOn < today()) : undefined;

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
          {flash && (
            <div ref={flashRef} tabIndex={-1} className="nf-flash">
              <Alert type="ok" role="status">
                <Paragraph>{flash}</Paragraph>
              </Alert>
            </div>
          )}
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
                {mayAct && data.status === 'open' && (
                  <ActionGroup>
                    {pending ? (
                      <OutcomeAction postponement={pending} onDone={done} />
                    ) : (
                      <RequestPostponement deadline={data} onDone={done} />
                    )}
                    <CloseDeadline deadline={data} onDone={done} />
                  </ActionGroup>
                )}
              </section>
            </div>
            <aside className="nf-columns__aside" aria-label="Gegevens van de termijn">
              <section className="nf-panel" aria-labelledby="gegevens">
                <Heading level={2} appearanceLevel={4} id="gegevens">
                  Gegevens
                </Heading>
                <dl className="nf-dl">
                  <dt>Datum</dt>
                  <dd>{formatDay(data.dueOn)}</dd>
                  {data.originalDueOn !== data.dueOn && (
                    <>
                      <dt>Oorspronkelijke datum</dt>
                      <dd>{formatDay(data.originalDueOn)}</dd>
                    </>
                  )}
                  <dt>Dossier</dt>
                  <dd>{data.dossier ?? '–'}</dd>
                  <dt>Herhaling</dt>
                  <dd>{data.recurrence ?? 'eenmalig'}</dd>
                  <dt>Herinneringen</dt>
                  <dd>
                    {data.reminderLeadWorkingDays.length
                      ? `${[...data.reminderLeadWorkingDays].sort((a, b) => b - a).join(', ')} werkdagen vooraf`
                      : 'geen'}
                  </dd>
                  {data.notaId && (
                    <>
                      <dt>Nota</dt>
                      <dd>
                        <RouterLink to={`/notas/${data.notaId}`}>Bekijk de nota</RouterLink>
                      </dd>
                    </>
                  )}
                  <dt>Geregistreerd</dt>
                  <dd>
                    {formatInstant(data.createdAt)} door {data.createdBy}
                  </dd>
                  {data.closedAt && (
                    <>
                      <dt>Afgesloten</dt>
                      <dd>{formatInstant(data.closedAt)}</dd>
                    </>
                  )}
                </dl>
              </section>
            </aside>
          </div>
        </>
      )}
    </>
  );
}

function PostponementTable({ postponements }: { postponements: Postponement[] }) {
  return (
    <div className="nf-table-scroll">
      <Table className="nf-table">
        <TableCaption className="nf-visually-hidden">Uitstelverzoeken, oudste eerst</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Gevraagd</TableHeaderCell>
            <TableHeaderCell scope="col">Uitstel tot</TableHeaderCell>
            <TableHeaderCell scope="col">Reden</TableHeaderCell>
            <TableHeaderCell scope="col">Uitkomst</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {postponements.map((p) => (
            <TableRow key={p.id}>
              <TableCell>
                {formatInstant(p.createdAt)}
                <span className="nf-subtle">door {p.requestedBy}</span>
              </TableCell>
              <TableCell>{formatDay(p.requestedDueOn)}</TableCell>
              <TableCell>
                {p.reason}
                {p.notaId && (
                  <span className="nf-subtle">
                    <RouterLink to={`/notas/${p.notaId}`}>Uitstelbrief</RouterLink>
                  </span>
                )}
              </TableCell>
              <TableCell>
                <span
                  className={`nf-tag nf-tag--${p.status === 'granted' ? 'done' : p.status === 'refused' ? 'overdue' : 'soon'}`}
                >
                  {POSTPONEMENT_STATUS_LABELS[p.status]}
                </span>
                {p.newDueOn && <span className="nf-subtle">nieuwe datum {formatDay(p.newDueOn)}</span>}
                {p.decidedAt && <span className="nf-subtle">{formatInstant(p.decidedAt)}</span>}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

interface ActionProps {
  deadline: DeadlineDetail;
  onDone(message: string): void;
}

function RequestPostponement({ deadline, onDone }: ActionProps) {
  const [open, setOpen] = useState(false);
  const [requestedDueOn, setRequestedDueOn] = useState('');
  const [reason, setReason] = useState('');
  const submission = useSubmit();
  async function submit(event: FormEvent) {
    event.preventDefault();
    const own: Record<string, string> = {};
    if (!requestedDueOn) own.requestedDueOn = 'Vul de datum in tot wanneer u uitstel vraagt.';
    if (!reason.trim()) own.reason = 'Geef de reden van het verzoek.';
    if (Object.keys(own).length) return submission.setErrors(own);
    const ok = await submission.run(() =>
      api.post(`/deadlines/${deadline.id}/postponements`, { requestedDueOn, reason: reason.trim() }),
    );
    if (ok) {
      setOpen(false);
      onDone(`Het uitstelverzoek tot ${formatDay(requestedDueOn)} is vastgelegd.`);
    }
  }
  return (
    <>
      <Button appearance="primary-action-button" onClick={() => setOpen(true)}>
        Uitstel aanvragen
      </Button>
      <Dialog open={open} title="Uitstel aanvragen" onClose={() => setOpen(false)}>
        <form className="nf-form" onSubmit={(event) => void submit(event)} noValidate>
          <Paragraph>Huidige termijn: {formatDay(deadline.dueOn)}.</Paragraph>
          {submission.failure && (
            <Alert type="error">
              <Paragraph>{submission.failure}</Paragraph>
            </Alert>
          )}
          <TextField
            id="requestedDueOn"
            label="Uitstel tot"
            type="date"
            width="sm"
            value={requestedDueOn}
            onChange={setRequestedDueOn}
            error={submission.errors.requestedDueOn}
          />
          <TextAreaField
            id="reason"
            label="Reden"
            maxLength={4000}
            value={reason}
            onChange={setReason}
            error={submission.errors.reason}
          />
          <ActionGroup>
            <Button appearance="primary-action-button" type="submit" busy={submission.busy} disabled={submission.busy}>
              Verzoek vastleggen
            </Button>
            <Button appearance="secondary-action-button" type="button" onClick={() => setOpen(false)}>
              Annuleren
            </Button>
          </ActionGroup>
        </form>
      </Dialog>
    </>
  );
}

function OutcomeAction({ postponement, onDone }: { postponement: Postponement; onDone(message: string): void }) {
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<'granted' | 'refused' | ''>('');
  const [newDueOn, setNewDueOn] = useState('');
  const submission = useSubmit();
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!outcome) return submission.setErrors({ outcome: 'Kies de uitkomst.' });
    const ok = await submission.run(() =>
      api.post(`/postponements/${postponement.id}/outcome`, {
        outcome,
        ...(outcome === 'granted' && newDueOn ? { newDueOn } : {}),
      }),
    );
    if (ok) {
      setOpen(false);
      onDone(
        outcome === 'granted' ? 'Het uitstel is toegekend: de termijn is verschoven.' : 'Het uitstel is geweigerd.',
      );
    }
  }
  return (
    <>
      <Button appearance="primary-action-button" onClick={() => setOpen(true)}>
        Uitkomst uitstelverzoek vastleggen
      </Button>
      <Dialog open={open} title="Uitkomst van het uitstelverzoek" onClose={() => setOpen(false)}>
        <form className="nf-form" onSubmit={(event) => void submit(event)} noValidate>
          <Paragraph>Gevraagd: uitstel tot {formatDay(postponement.requestedDueOn)}.</Paragraph>
          {submission.failure && (
            <Alert type="error">
              <Paragraph>{submission.failure}</Paragraph>
            </Alert>
          )}
          <ChoiceGroup id="outcome" legend="Besluit van de Kamer" error={submission.errors.outcome}>
            <RadioChoice
              id="outcome-granted"
              name="outcome"
              label="Toegekend"
              checked={outcome === 'granted'}
              onChange={(checked) => checked && setOutcome('granted')}
            />
            <RadioChoice
              id="outcome-refused"
              name="outcome"
              label="Geweigerd"
              checked={outcome === 'refused'}
              onChange={(checked) => checked && setOutcome('refused')}
            />
          </ChoiceGroup>
          {outcome === 'granted' && (
            <TextField
              id="newDueOn"
              label="Nieuwe datum"
              description="Leeg laten: de gevraagde datum."
              optional
              type="date"
              width="sm"
              value={newDueOn}
              onChange={setNewDueOn}
              error={submission.errors.newDueOn}
            />
          )}
          <ActionGroup>
            <Button appearance="primary-action-button" type="submit" busy={submission.busy} disabled={submission.busy}>
              Uitkomst vastleggen
            </Button>
            <Button appearance="secondary-action-button" type="button" onClick={() => setOpen(false)}>
              Annuleren
            </Button>
          </ActionGroup>
        </form>
      </Dialog>
    </>
  );
}

function CloseDeadline({ deadline, onDone }: ActionProps) {
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<'met' | 'missed' | 'cancelled' | ''>('');
  const submission = useSubmit();
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!status) return submission.setErrors({ status: 'Kies hoe de termijn is afgelopen.' });
    const ok = await submission.run(() => api.post(`/deadlines/${deadline.id}/status`, { status }));
    if (ok) {
      setOpen(false);
      onDone(`De termijn is afgesloten als ${DEADLINE_STATUS_LABELS[status].toLowerCase()}.`);
    }
  }
  return (
    <>
      <Button appearance="secondary-action-button" onClick={() => setOpen(true)}>
        Termijn afsluiten
      </Button>
      <Dialog open={open} title="Termijn afsluiten" onClose={() => setOpen(false)}>
        <form className="nf-form" onSubmit={(event) => void submit(event)} noValidate>
          {submission.failure && (
            <Alert type="error">
              <Paragraph>{submission.failure}</Paragraph>
            </Alert>
          )}
          <ChoiceGroup id="status" legend="Hoe is de termijn afgelopen?" error={submission.errors.status}>
            {(['met', 'missed', 'cancelled'] as const).map((s) => (
              <RadioChoice
                key={s}
                id={`status-${s}`}
                name="status"
                label={DEADLINE_STATUS_LABELS[s]}
                checked={status === s}
                onChange={(checked) => checked && setStatus(s)}
              />
            ))}
          </ChoiceGroup>
          <ActionGroup>
            <Button appearance="primary-action-button" type="submit" busy={submission.busy} disabled={submission.busy}>
              Afsluiten
            </Button>
            <Button appearance="secondary-action-button" type="button" onClick={() => setOpen(false)}>
              Annuleren
            </Button>
          </ActionGroup>
        </form>
      </Dialog>
    </>
  );
}
