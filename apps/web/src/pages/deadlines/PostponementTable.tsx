import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@rijkshuisstijl-community/components-react';
import type { Postponement } from '../../api/types';
import { RouterLink } from '../../components/RouterLink';
import { formatDay, formatInstant } from '../../lib/dates';
import { POSTPONEMENT_STATUS_LABELS } from '../../lib/labels';

/** Every uitstelverzoek of a deadline, oldest first, with the Kamer's answer. */
export function PostponementTable({ postponements }: { postponements: Postponement[] }) {
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
              <TableCell>{p.requestedDueOn ? formatDay(p.requestedDueOn) : 'zonder datum'}</TableCell>
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
