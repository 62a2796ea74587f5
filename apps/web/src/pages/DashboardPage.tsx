import { useState } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
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
import type { NotaStage, TaskType } from '@notaflow/domain';
import { AS_CSV, ApiError, client, downloadFile } from '../api/client';
import { useOrganisations } from '../api/organisations';
import type { TurnaroundGroup, TurnaroundGroupBy } from '../api/types';
import { useApi } from '../api/use-api';
import { useProfile } from '../auth/AuthProvider';
import { SelectField } from '../components/Fields';
import { RouterLink } from '../components/RouterLink';
import { addDays, formatDay, formatMonth, formatShortDay, today } from '../lib/dates';
import { DEADLINE_KIND_LABELS, STAGE_LABELS, TASK_TYPE_LABELS, workingDays } from '../lib/labels';
import { usePageTitle } from '../lib/page-title';
import { dueLabel } from '../lib/working-days';
import { NotFoundPage } from './NotFoundPage';

// Rijkshuisstijl colours with at least 3:1 contrast against white, as WCAG 1.4.11 asks of chart marks.
const P50_COLOUR = '#154273';
const P90_COLOUR = '#007bc7';

const PERIODS = [
  { value: '365', label: 'Afgelopen 12 maanden' },
  { value: '91', label: 'Afgelopen 3 maanden' },
  { value: '30', label: 'Afgelopen 30 dagen' },
];

/** Axis labels short enough to stand side by side under a bar chart half the page wide. */
const SHORT_STAGE: Partial<Record<string, string>> = {
  decision: 'Besluit',
  'co-signing': 'Medeondert.',
  dispatch: 'Verzending',
};

interface Row {
  key: string;
  label: string;
  short: string;
  count: number;
  p50: number | null;
  p90: number | null;
  overdue: number;
  onTimeRate: number | null;
}

function rowsOf(groups: TurnaroundGroup[], groupBy: TurnaroundGroupBy): Row[] {
  return groups.map((g) => ({
    key: `${g.kind}:${g.key}`,
    short:
      g.kind === 'changes_requested'
        ? 'Directie'
        : groupBy === 'stage'
          ? (SHORT_STAGE[g.key] ?? STAGE_LABELS[g.key as NotaStage] ?? g.key)
          : groupBy === 'month'
            ? g.key
            : g.key,
    label:
      g.kind === 'changes_requested'
        ? 'Terug bij de directie'
        : groupBy === 'stage'
          ? (STAGE_LABELS[g.key as NotaStage] ?? g.key)
          : groupBy === 'month'
            ? formatMonth(g.key)
            : g.key,
    count: g.count,
    p50: g.p50WorkingDays,
    p90: g.p90WorkingDays,
    overdue: g.overdueCount,
    onTimeRate: g.onTimeRate,
  }));
}

function percentage(rate: number | null): string {
  return rate === null ? '–' : `${Math.round(rate * 100)}%`;
}

/** Where notas wait: turnaround per stage, per ministry and per month, and what is overdue now. For managers. */
export function DashboardPage() {
  usePageTitle('Dashboard');
  const profile = useProfile();
  const organisations = useOrganisations();
  const [days, setDays] = useState('365');
  const to = today();
  const from = addDays(to, 1 - Number(days));
  if (profile.role !== 'manager') return <NotFoundPage />;
  return (
    <>
      <Heading level={1}>Dashboard</Heading>
      <Paragraph>
        Doorlooptijden van de nota&apos;s van {organisations.name(profile.organisation)} in werkdagen (Algemene
        termijnenwet), over taken afgehandeld van {formatDay(from)} tot en met {formatDay(to)}. De mediaan (p50) zegt
        hoe lang het meestal duurt, het 90e percentiel (p90) hoe lang het in de lastige gevallen duurt.
      </Paragraph>
      <div className="nf-toolbar">
        <div className="nf-toolbar__filters">
          <SelectField id="period" label="Periode" value={days} onChange={setDays} options={PERIODS} />
        </div>
      </div>
      <Figures from={from} to={to} />
      <div className="nf-dashboard-grid">
        <TurnaroundSection groupBy="stage" title="Doorlooptijd per fase" from={from} to={to} />
        <TurnaroundSection groupBy="organisation" title="Doorlooptijd per ministerie" from={from} to={to} />
      </div>
      <TurnaroundSection groupBy="month" title="Trend per maand" from={from} to={to} />
      <OverdueSection />
    </>
  );
}

function Figures({ from, to }: { from: string; to: string }) {
  const stage = useApi('/api/v1/analytics/turnaround', { params: { query: { groupBy: 'stage', from, to } } });
  const overdue = useApi('/api/v1/analytics/overdue', { params: { query: { withinWorkingDays: 0 } } });
  const tasks = (stage.data?.groups ?? []).filter((g) => g.kind === 'task');
  const decided = tasks.reduce((sum, g) => sum + g.count, 0);
  const late = tasks.reduce((sum, g) => sum + g.overdueCount, 0);
  const rated = tasks.filter((g) => g.onTimeRate !== null);
  const weight = rated.reduce((sum, g) => sum + g.count, 0);
  const onTime = weight ? rated.reduce((sum, g) => sum + (g.onTimeRate ?? 0) * g.count, 0) / weight : null;
  const overdueNow = (overdue.data?.items ?? []).filter((i) => i.overdue).length;
  return (
    <ul className="nf-figures" aria-label="Kerncijfers" aria-busy={stage.loading || overdue.loading}>
      <li className="nf-figure" data-figure="decided">
        <span className="nf-figure__value">{stage.data ? decided : '…'}</span>
        <span className="nf-figure__label">taken afgehandeld</span>
      </li>
      <li className="nf-figure" data-figure="on-time">
        <span className="nf-figure__value">{stage.data ? percentage(onTime) : '…'}</span>
        <span className="nf-figure__label">op tijd</span>
      </li>
      <li className={`nf-figure${late ? ' nf-figure--soon' : ''}`} data-figure="late">
        <span className="nf-figure__value">{stage.data ? late : '…'}</span>
        <span className="nf-figure__label">na de termijn (in periode)</span>
      </li>
      <li className={`nf-figure${overdueNow ? ' nf-figure--overdue' : ''}`} data-figure="overdue-now">
        <span className="nf-figure__value">{overdue.data ? overdueNow : '…'}</span>
        <span className="nf-figure__label">nu over de termijn</span>
      </li>
    </ul>
  );
}

/** Downloads what a section shows as CSV; `download` asks the section's own path for it (AS_CSV). */
function CsvButton({ download, label }: { download(): Promise<void>; label: string }) {
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  return (
    <>
      <Button
        appearance="secondary-action-button"
        busy={busy}
        onClick={() => {
          setBusy(true);
          setFailure(undefined);
          download()
            .catch((error: unknown) => setFailure(error instanceof ApiError ? error.message : 'Downloaden lukte niet.'))
            .finally(() => setBusy(false));
        }}
      >
        Download CSV<span className="nf-visually-hidden"> ({label})</span>
      </Button>
      {failure && <span className="utrecht-form-field-error-message">{failure}</span>}
    </>
  );
}

function TurnaroundSection({
  groupBy,
  title,
  from,
  to,
}: {
  groupBy: TurnaroundGroupBy;
  title: string;
  from: string;
  to: string;
}) {
  const query = { groupBy, from, to };
  const turnaround = useApi('/api/v1/analytics/turnaround', { params: { query } });
  const rows = rowsOf(turnaround.data?.groups ?? [], groupBy);
  const id = `omloop-${groupBy}`;
  const summary = rows.length
    ? rows.map((r) => `${r.label}: p50 ${workingDays(r.p50)}, p90 ${workingDays(r.p90)}`).join('; ')
    : 'Geen gegevens in deze periode';
  return (
    <section aria-labelledby={id} className="nf-panel nf-chart-panel" data-chart={groupBy}>
      <div className="nf-chart-panel__head">
        <Heading level={2} appearanceLevel={4} id={id}>
          {title}
        </Heading>
        <CsvButton
          download={() =>
            downloadFile(
              client.GET('/api/v1/analytics/turnaround', { params: { query }, ...AS_CSV }),
              `doorlooptijd-${groupBy}-${from}-${to}.csv`,
            )
          }
          label={title}
        />
      </div>
      {turnaround.error && (
        <Alert type="error">
          <Paragraph>{turnaround.error.message}</Paragraph>
        </Alert>
      )}
      {turnaround.data && rows.length === 0 && <Paragraph>Geen afgehandelde taken in deze periode.</Paragraph>}
      {rows.length > 0 && (
        <>
          <div className="nf-chart" role="img" aria-label={`${title} in werkdagen. ${summary}.`}>
            <ResponsiveContainer width="100%" height={groupBy === 'month' ? 260 : 280}>
              {groupBy === 'month' ? (
                <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
                  <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" />
                  <XAxis dataKey="label" tick={{ fontSize: 12, fill: '#334155' }} />
                  <YAxis tick={{ fontSize: 12, fill: '#334155' }} allowDecimals={false} unit=" wd" />
                  <Tooltip formatter={(value) => workingDays(Number(value))} />
                  <Legend />
                  <Line type="monotone" dataKey="p50" name="p50 (mediaan)" stroke={P50_COLOUR} strokeWidth={3} />
                  <Line
                    type="monotone"
                    dataKey="p90"
                    name="p90"
                    stroke={P90_COLOUR}
                    strokeWidth={3}
                    strokeDasharray="6 3"
                  />
                </LineChart>
              ) : (
                <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
                  <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" vertical={false} />
                  <XAxis dataKey="short" tick={{ fontSize: 12, fill: '#334155' }} interval={0} />
                  <YAxis tick={{ fontSize: 12, fill: '#334155' }} allowDecimals={false} unit=" wd" />
                  <Tooltip formatter={(value) => workingDays(Number(value))} />
                  <Legend />
                  <Bar dataKey="p50" name="p50 (mediaan)" fill={P50_COLOUR} minPointSize={2}>
                    <LabelList dataKey="p50" position="top" fontSize={12} fill="#0f172a" />
                  </Bar>
                  <Bar dataKey="p90" name="p90" fill={P90_COLOUR} minPointSize={2}>
                    <LabelList dataKey="p90" position="top" fontSize={12} fill="#0f172a" />
                  </Bar>
                </BarChart>
              )}
            </ResponsiveContainer>
          </div>
          {rows.every((row) => !row.p90) && (
            <Paragraph className="nf-subtle">
              Alle taken in deze periode zijn binnen één werkdag afgehandeld (0 werkdagen: op de dag zelf).
            </Paragraph>
          )}
          <details className="nf-details">
            <summary>Als tabel</summary>
            <Table className="nf-table nf-table--compact">
              <TableCaption className="nf-visually-hidden">{title}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">
                    {groupBy === 'month' ? 'Maand' : groupBy === 'stage' ? 'Fase' : 'Ministerie'}
                  </TableHeaderCell>
                  <TableHeaderCell scope="col">Aantal</TableHeaderCell>
                  <TableHeaderCell scope="col">p50</TableHeaderCell>
                  <TableHeaderCell scope="col">p90</TableHeaderCell>
                  <TableHeaderCell scope="col">Te laat</TableHeaderCell>
                  <TableHeaderCell scope="col">Op tijd</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((row) => (
                  <TableRow key={row.key} data-group={row.key}>
                    <TableHeaderCell scope="row">{row.label}</TableHeaderCell>
                    <TableCell>{row.count}</TableCell>
                    <TableCell>{workingDays(row.p50)}</TableCell>
                    <TableCell>{workingDays(row.p90)}</TableCell>
                    <TableCell>{row.overdue}</TableCell>
                    <TableCell>{percentage(row.onTimeRate)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </details>
        </>
      )}
    </section>
  );
}

const WITHIN = [
  { value: '0', label: 'Alleen wat nu over de termijn is' },
  { value: '5', label: 'En wat binnen 5 werkdagen afloopt' },
  { value: '10', label: 'En wat binnen 10 werkdagen afloopt' },
];

function OverdueSection() {
  const [within, setWithin] = useState('5');
  const query = { withinWorkingDays: Number(within) };
  const overdue = useApi('/api/v1/analytics/overdue', { params: { query } });
  const items = overdue.data?.items ?? [];
  return (
    <section aria-labelledby="te-laat" className="nf-panel" data-chart="overdue">
      <div className="nf-chart-panel__head">
        <Heading level={2} appearanceLevel={4} id="te-laat">
          Over de termijn en binnenkort
        </Heading>
        <CsvButton
          download={() =>
            downloadFile(
              client.GET('/api/v1/analytics/overdue', { params: { query }, ...AS_CSV }),
              `te-laat-${today()}.csv`,
            )
          }
          label="over de termijn"
        />
      </div>
      <div className="nf-toolbar__filters">
        <SelectField id="within" label="Toon" value={within} onChange={setWithin} options={WITHIN} />
      </div>
      {overdue.error && (
        <Alert type="error">
          <Paragraph>{overdue.error.message}</Paragraph>
        </Alert>
      )}
      {overdue.data && items.length === 0 && <Paragraph>Niets over de termijn. Mooi zo.</Paragraph>}
      {items.length > 0 && (
        <div className="nf-table-scroll">
          <Table className="nf-table">
            <TableCaption className="nf-visually-hidden">
              Taken en Kamertermijnen over de termijn, urgentste eerst
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Wat</TableHeaderCell>
                <TableHeaderCell scope="col">Onderwerp</TableHeaderCell>
                <TableHeaderCell scope="col">Ligt bij</TableHeaderCell>
                <TableHeaderCell scope="col">Termijn</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((item) => {
                const label = dueLabel(item.workingDaysLeft, item.overdue);
                return (
                  <TableRow key={`${item.kind}:${item.id}`} className={`nf-row nf-row--${label.tone}`}>
                    <TableCell>
                      {item.kind === 'task'
                        ? (TASK_TYPE_LABELS[item.type as TaskType] ?? item.type)
                        : `Kamertermijn: ${DEADLINE_KIND_LABELS[item.type as keyof typeof DEADLINE_KIND_LABELS] ?? item.type}`}
                    </TableCell>
                    <TableCell>
                      {item.notaId ? (
                        <RouterLink to={`/notas/${item.notaId}`}>{item.title}</RouterLink>
                      ) : (
                        <RouterLink to={`/termijnen/${item.id}`}>{item.title}</RouterLink>
                      )}
                      {item.onsKenmerk && <span className="nf-subtle">Ons kenmerk {item.onsKenmerk}</span>}
                    </TableCell>
                    <TableCell>
                      {item.holder}
                      {item.holder !== item.organisation && <span className="nf-subtle">{item.organisation}</span>}
                    </TableCell>
                    <TableCell>
                      <time dateTime={item.dueOn}>{formatShortDay(item.dueOn)}</time>
                      {label.text && <span className={`nf-tag nf-tag--${label.tone}`}>{label.text}</span>}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
