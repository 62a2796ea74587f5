import {
  Heading,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@rijkshuisstijl-community/components-react';
import { useOrganisations } from '../../api/organisations';
import type { Nota } from '../../api/types';
import { DueBadge } from '../../components/DueBadge';
import { amsterdamDay, formatDay, formatInstant } from '../../lib/dates';
import { TASK_TYPE_LABELS } from '../../lib/labels';

interface NotaFactsProps {
  nota: Nota;
  /** Working days left per calendar day of a due moment, as the page has them. */
  left: ReadonlyMap<string, number | null>;
}

/** Beside the nota: its particulars, its route, where it lies now and its versions. */
export function NotaFacts({ nota: data, left }: NotaFactsProps) {
  const organisations = useOrganisations();
  const openTasks = data.openTasks ?? [];
  return (
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
                Kamerstukken II {data.kamerstuk.vergaderjaar}, {data.kamerstuk.dossier}, nr. {data.kamerstuk.number}
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
  );
}
