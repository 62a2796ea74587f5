import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import {
  Alert,
  Button,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@rijkshuisstijl-community/components-react';
import { DEADLINE_STATUSES } from '@notaflow/domain';
import { useApi } from '../api/use-api';
import { useWorkingDaysLeft } from '../api/working-days';
import { useProfile } from '../auth/AuthProvider';
import { SelectField } from '../components/Fields';
import { RouterLink } from '../components/RouterLink';
import { lastDayOf } from '../lib/calendar-grid';
import { formatDueDay, formatShortDay, today } from '../lib/dates';
import { DEADLINE_KIND_LABELS, DEADLINE_STATUS_LABELS } from '../lib/labels';
import { NAVIGATION } from '../lib/navigation';
import { usePageTitle } from '../lib/page-title';
import { dueLabel } from '../lib/working-days';
import { DeadlineCalendar } from './deadlines/DeadlineCalendar';
import { DeadlineForm } from './deadlines/DeadlineForm';

type View = 'lijst' | 'kalender';

const FEEDS_PATH = '/agenda-abonnementen';

/** The Kamer's deadlines of the caller's organisation, per dossier: as a list and as a month calendar. */
export function DeadlinesPage() {
  const profile = useProfile();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const view: View = params.get('weergave') === 'kalender' ? 'kalender' : 'lijst';
  const dossier = params.get('dossier') ?? '';
  const status = params.get('status') ?? '';
  usePageTitle(view === 'kalender' ? 'Kamertermijnen: kalender' : 'Kamertermijnen');
  const [creating, setCreating] = useState(false);
  const all = useApi('/api/v1/deadlines', { params: { query: { limit: 500 } } });
  const dossiers = [...new Set((all.data ?? []).map((d) => d.dossier).filter((d): d is string => Boolean(d)))].sort();
  const mayRegister = profile.role === 'drafter' || profile.role === 'manager';
  // Offered where the main menu offers it: the roles with an organisation whose deadlines they follow.
  const maySubscribe = NAVIGATION[profile.role].some((item) => item.to === FEEDS_PATH);

  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };

  // The calendar opens on the month of the next open deadline: that is what people look for.
  const upcoming = (all.data ?? []).find((d) => d.status === 'open' && d.dueOn !== null && d.dueOn >= today())?.dueOn;
  const month = params.get('maand') ?? (upcoming ?? today()).slice(0, 7);

  return (
    <>
      <Heading level={1}>Kamertermijnen</Heading>
      <Paragraph>
        Toezeggingen, commissiedebatten, moties en Kamervragen met hun termijn, en de uitstelverzoeken die erover gedaan
        zijn.
      </Paragraph>
      {maySubscribe && (
        <Paragraph>
          Deze termijnen ook in Outlook of een andere agenda?{' '}
          <RouterLink to={FEEDS_PATH}>Abonneren met een agenda-abonnement</RouterLink>
        </Paragraph>
      )}
      <div className="nf-toolbar">
        <nav aria-label="Weergave" className="nf-tabs">
          <ul>
            {(['lijst', 'kalender'] as const).map((v) => (
              <li key={v}>
                <RouterLink
                  to={`?${new URLSearchParams({ ...Object.fromEntries(params), weergave: v }).toString()}`}
                  className={`nf-tabs__link${v === view ? ' nf-tabs__link--current' : ''}`}
                  aria-current={v === view ? 'page' : undefined}
                >
                  {v === 'lijst' ? 'Lijst' : 'Kalender'}
                </RouterLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="nf-toolbar__filters">
          <SelectField
            id="filter-dossier"
            label="Dossier"
            value={dossier}
            onChange={(v) => update({ dossier: v })}
            options={[{ value: '', label: 'Alle dossiers' }, ...dossiers.map((d) => ({ value: d, label: d }))]}
          />
          {view === 'lijst' && (
            <SelectField
              id="filter-status"
              label="Status"
              value={status}
              onChange={(v) => update({ status: v })}
              options={[
                { value: '', label: 'Alle' },
                ...DEADLINE_STATUSES.map((s) => ({ value: s, label: DEADLINE_STATUS_LABELS[s] })),
              ]}
            />
          )}
        </div>
        {mayRegister && (
          <Button appearance="primary-action-button" onClick={() => setCreating(true)}>
            Termijn registreren
          </Button>
        )}
      </div>
      {all.error && (
        <Alert type="error">
          <Paragraph>{all.error.message}</Paragraph>
        </Alert>
      )}
      {view === 'lijst' ? (
        <DeadlineList dossier={dossier} status={status} />
      ) : (
        <MonthView dossier={dossier} month={month} onMonth={(m) => update({ maand: m })} />
      )}
      {creating && (
        <DeadlineForm
          open
          dossier={dossier}
          onClose={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            void navigate(`/termijnen/${created.id}`, { state: { flash: 'De termijn is geregistreerd.' } });
          }}
        />
      )}
    </>
  );
}

function DeadlineList({ dossier, status }: { dossier: string; status: string }) {
  const deadlines = useApi('/api/v1/deadlines', {
    // A status the link names that the API does not know lists them all.
    params: {
      query: { dossier: dossier || undefined, status: DEADLINE_STATUSES.find((s) => s === status), limit: 500 },
    },
  });
  const list = deadlines.data ?? [];
  const open = list.filter((d) => d.status === 'open');
  const left = useWorkingDaysLeft(open.flatMap((d) => (d.dueOn ? [d.dueOn] : [])));
  const now = today();
  if (deadlines.loading && !deadlines.data) return <Paragraph role="status">Termijnen laden…</Paragraph>;
  if (deadlines.data && list.length === 0) return <Paragraph>Geen termijnen gevonden.</Paragraph>;
  return (
    <div className="nf-table-scroll">
      <Table className="nf-table">
        <TableCaption className="nf-visually-hidden">Kamertermijnen, op datum</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Datum</TableHeaderCell>
            <TableHeaderCell scope="col">Soort</TableHeaderCell>
            <TableHeaderCell scope="col">Onderwerp</TableHeaderCell>
            <TableHeaderCell scope="col">Dossier</TableHeaderCell>
            <TableHeaderCell scope="col">Status</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {list.map((deadline) => {
            const label =
              deadline.status === 'open' && deadline.dueOn
                ? dueLabel(left.get(deadline.dueOn) ?? null, deadline.dueOn < now)
                : undefined;
            return (
              <TableRow key={deadline.id} className={label ? `nf-row nf-row--${label.tone}` : 'nf-row'}>
                <TableCell>
                  {deadline.dueOn ? (
                    <time dateTime={deadline.dueOn}>{formatShortDay(deadline.dueOn)}</time>
                  ) : (
                    formatDueDay(null)
                  )}
                  {deadline.originalDueOn !== deadline.dueOn && (
                    <span className="nf-subtle">
                      uitgesteld, was{' '}
                      <time dateTime={deadline.originalDueOn ?? undefined}>
                        {formatDueDay(deadline.originalDueOn, formatShortDay)}
                      </time>
                    </span>
                  )}
                </TableCell>
                <TableCell>{DEADLINE_KIND_LABELS[deadline.kind]}</TableCell>
                <TableCell>
                  <RouterLink to={`/termijnen/${deadline.id}`}>{deadline.title}</RouterLink>
                  {deadline.recurrence && <span className="nf-subtle">Herhaalt: {deadline.recurrence}</span>}
                </TableCell>
                <TableCell>{deadline.dossier ?? '–'}</TableCell>
                <TableCell>
                  <span
                    className={`nf-tag nf-tag--${deadline.status === 'missed' ? 'overdue' : deadline.status === 'met' ? 'done' : 'neutral'}`}
                  >
                    {DEADLINE_STATUS_LABELS[deadline.status]}
                  </span>
                  {label?.text && <span className={`nf-tag nf-tag--${label.tone}`}>{label.text}</span>}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}

function MonthView({ dossier, month, onMonth }: { dossier: string; month: string; onMonth(month: string): void }) {
  const deadlines = useApi('/api/v1/deadlines', {
    params: { query: { dossier: dossier || undefined, from: `${month}-01`, to: lastDayOf(month), limit: 500 } },
  });
  return (
    <>
      {deadlines.error && (
        <Alert type="error">
          <Paragraph>{deadlines.error.message}</Paragraph>
        </Alert>
      )}
      <DeadlineCalendar month={month} deadlines={deadlines.data ?? []} onMonth={onMonth} />
    </>
  );
}
