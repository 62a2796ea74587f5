import {
  Alert,
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
import type { Task } from '../api/types';
import { useOrganisations } from '../api/organisations';
import { useApi } from '../api/use-api';
import { useWorkingDaysLeft } from '../api/working-days';
import { DueBadge } from '../components/DueBadge';
import { RouterLink } from '../components/RouterLink';
import { amsterdamDay, formatInstant } from '../lib/dates';
import { STAGE_LABELS, TASK_TYPE_LABELS } from '../lib/labels';
import { usePageTitle } from '../lib/page-title';
import { dueLabel, type DueTone } from '../lib/working-days';

/** The open tasks the signed-in user may act on, most urgent first (the API orders by due moment). */
export function InboxPage() {
  usePageTitle('Mijn taken');
  const tasks = useApi('/api/v1/tasks', { params: { query: { status: 'open' } } });
  const organisations = useOrganisations();
  const left = useWorkingDaysLeft((tasks.data ?? []).map((task) => amsterdamDay(task.dueAt)));
  const now = new Date();
  const toneOf = (task: Task): DueTone | undefined => {
    const days = left.get(amsterdamDay(task.dueAt));
    return days === undefined ? undefined : dueLabel(days, Date.parse(task.dueAt) < now.getTime()).tone;
  };
  const list = tasks.data ?? [];
  const overdue = list.filter((task) => toneOf(task) === 'overdue').length;
  const soon = list.filter((task) => toneOf(task) === 'soon').length;

  return (
    <>
      <Heading level={1}>Mijn taken</Heading>
      <Paragraph>
        Nota&apos;s die op uw besluit wachten, de meest dringende eerst. Termijnen tellen in werkdagen.
      </Paragraph>
      {tasks.error && (
        <Alert type="error">
          <Paragraph>{tasks.error.message}</Paragraph>
        </Alert>
      )}
      {tasks.loading && !tasks.data && <Paragraph role="status">Taken laden…</Paragraph>}
      {tasks.data && list.length === 0 && (
        <Alert type="ok">
          <Paragraph>Er wachten geen taken op u.</Paragraph>
        </Alert>
      )}
      {list.length > 0 && (
        <>
          <ul className="nf-figures" aria-label="Samenvatting">
            <li className="nf-figure">
              <span className="nf-figure__value">{list.length}</span>
              <span className="nf-figure__label">open {list.length === 1 ? 'taak' : 'taken'}</span>
            </li>
            <li className={`nf-figure${overdue ? ' nf-figure--overdue' : ''}`}>
              <span className="nf-figure__value">{overdue}</span>
              <span className="nf-figure__label">over de termijn</span>
            </li>
            <li className={`nf-figure${soon ? ' nf-figure--soon' : ''}`}>
              <span className="nf-figure__value">{soon}</span>
              <span className="nf-figure__label">binnen 2 werkdagen</span>
            </li>
          </ul>
          <div className="nf-table-scroll">
            <Table className="nf-table">
              <TableCaption className="nf-visually-hidden">Open taken</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Nota</TableHeaderCell>
                  <TableHeaderCell scope="col">Taak</TableHeaderCell>
                  <TableHeaderCell scope="col">Fase</TableHeaderCell>
                  <TableHeaderCell scope="col">Ontvangen</TableHeaderCell>
                  <TableHeaderCell scope="col">Termijn</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {list.map((task) => (
                  <TableRow key={task.id} className={`nf-row nf-row--${toneOf(task) ?? 'ok'}`}>
                    <TableCell>
                      <RouterLink to={`/notas/${task.notaId}`} state={{ taskId: task.id }}>
                        {task.title}
                      </RouterLink>
                      <span className="nf-subtle">Ons kenmerk {task.onsKenmerk}</span>
                    </TableCell>
                    <TableCell>
                      {TASK_TYPE_LABELS[task.type]}
                      {task.type === 'co-sign' && (
                        <span className="nf-subtle">namens {organisations.name(task.organisation)}</span>
                      )}
                    </TableCell>
                    <TableCell>{STAGE_LABELS[task.stage]}</TableCell>
                    <TableCell>{formatInstant(task.createdAt)}</TableCell>
                    <TableCell>
                      <DueBadge dueAt={task.dueAt} workingDaysLeft={left.get(amsterdamDay(task.dueAt))} now={now} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      )}
    </>
  );
}
