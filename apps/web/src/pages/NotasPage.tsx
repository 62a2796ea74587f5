import { useSearchParams } from 'react-router-dom';
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
import type { NotaStage, NotaStatus } from '@notaflow/domain';
import { useApi } from '../api/use-api';
import { useProfile } from '../auth/AuthProvider';
import { RouterLink } from '../components/RouterLink';
import { StatusTag } from '../components/StatusTag';
import { formatDay, formatInstant } from '../lib/dates';
import { usePageTitle } from '../lib/page-title';

/** Where a nota stands, as the directorate sorts its work: the flow's stages between draft and done. */
type Column = { key: string; title: string; matches(status: NotaStatus, stage: NotaStage | null): boolean };

const COLUMNS: Column[] = [
  { key: 'draft', title: 'Concept', matches: (status) => status === 'draft' },
  { key: 'changes', title: 'Wijzigingen gevraagd', matches: (status) => status === 'changes_requested' },
  ...(['initialling', 'decision', 'co-signing', 'ministerraad', 'dispatch'] as const).map((stage) => ({
    key: stage,
    title: {
      initialling: 'Parafering',
      decision: 'Besluit bewindspersoon',
      'co-signing': 'Medeondertekening',
      ministerraad: 'Ministerraad',
      dispatch: 'Klaar voor verzending',
    }[stage],
    matches: (status: NotaStatus, notaStage: NotaStage | null) => status === 'in_review' && notaStage === stage,
  })),
  { key: 'dispatched', title: 'Verzonden aan de Kamer', matches: (status) => status === 'dispatched' },
  {
    key: 'closed',
    title: 'Afgewezen of ingetrokken',
    matches: (status) => status === 'rejected' || status === 'withdrawn',
  },
];

/** The API's largest page: per status, the most recent this many are shown, and the page says when there are more. */
const SHOWN = 200;

/** One request per status, so that a long history of sent notas never pushes work in progress off the page. */
function useNotasByStatus(dossier: string) {
  // A hook per status, always the same six in the same order.
  const load = (status: NotaStatus) => ({
    status,
    loaded: useApi('/api/v1/notas', { params: { query: { dossier: dossier || undefined, status, limit: SHOWN } } }),
  });
  const parts = [
    load('draft'),
    load('changes_requested'),
    load('in_review'),
    load('dispatched'),
    load('rejected'),
    load('withdrawn'),
  ];
  const done = parts.every((p) => p.loaded.data);
  return {
    data: done ? parts.flatMap((p) => p.loaded.data!) : undefined,
    loading: parts.some((p) => p.loaded.loading),
    error: parts.find((p) => p.loaded.error)?.loaded.error,
    /** The statuses of which more exist than are shown. */
    cut: new Set(parts.filter((p) => p.loaded.data?.length === SHOWN).map((p) => p.status)),
  };
}

export function NotasPage() {
  usePageTitle("Nota's");
  const profile = useProfile();
  const [params] = useSearchParams();
  const dossier = params.get('dossier') ?? '';
  const notas = useNotasByStatus(dossier);
  const list = notas.data ?? [];
  const isCut = (column: Column) => [...notas.cut].some((status) => column.matches(status, null));

  return (
    <>
      <Heading level={1}>Nota&apos;s</Heading>
      <Paragraph>
        {profile.role === 'drafter'
          ? "De nota's van uw organisatie, per fase van de route."
          : "De nota's die u mag inzien, per fase van de route."}
      </Paragraph>
      {profile.role === 'drafter' && (
        <Paragraph>
          <RouterLink to="/notas/nieuw">Nieuwe nota registreren</RouterLink>
        </Paragraph>
      )}
      {notas.error && (
        <Alert type="error">
          <Paragraph>{notas.error.message}</Paragraph>
        </Alert>
      )}
      {notas.loading && !notas.data && <Paragraph role="status">Nota&apos;s laden…</Paragraph>}
      {notas.data && list.length === 0 && <Paragraph>Er zijn nog geen nota&apos;s.</Paragraph>}
      {list.length > 0 && (
        <nav aria-label="Fasen" className="nf-stage-index">
          <ul>
            {COLUMNS.map((column) => {
              const count = list.filter((n) => column.matches(n.status, n.stage)).length;
              return (
                <li key={column.key}>
                  {count > 0 ? (
                    <a className="nl-link" href={`#fase-${column.key}`}>
                      {column.title} <span className="nf-count">{isCut(column) ? `${count}+` : count}</span>
                    </a>
                  ) : (
                    <span className="nf-stage-index__empty">
                      {column.title} <span className="nf-count">0</span>
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </nav>
      )}
      {COLUMNS.map((column) => {
        const rows = list.filter((n) => column.matches(n.status, n.stage));
        if (rows.length === 0) return null;
        return (
          <section key={column.key} aria-labelledby={`fase-${column.key}`} className="nf-section">
            <Heading level={2} appearanceLevel={3} id={`fase-${column.key}`}>
              {column.title} ({isCut(column) ? `${rows.length}+` : rows.length})
            </Heading>
            {isCut(column) && <Paragraph>De meest recente {rows.length} worden getoond.</Paragraph>}
            <div className="nf-table-scroll">
              <Table className="nf-table">
                <TableCaption className="nf-visually-hidden">{column.title}</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">Onderwerp</TableHeaderCell>
                    <TableHeaderCell scope="col">Ons kenmerk</TableHeaderCell>
                    <TableHeaderCell scope="col">Dossier</TableHeaderCell>
                    <TableHeaderCell scope="col">Status</TableHeaderCell>
                    <TableHeaderCell scope="col">Gewenste datum</TableHeaderCell>
                    <TableHeaderCell scope="col">Geregistreerd</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {rows.map((nota) => (
                    <TableRow key={nota.id}>
                      <TableCell>
                        <RouterLink to={`/notas/${nota.id}`}>{nota.title}</RouterLink>
                        {nota.kamerstuk && (
                          <span className="nf-subtle">
                            Kamerstuk {nota.kamerstuk.dossier}, nr. {nota.kamerstuk.number}
                          </span>
                        )}
                      </TableCell>
                      <TableCell>{nota.onsKenmerk}</TableCell>
                      <TableCell>{nota.dossier ?? '–'}</TableCell>
                      <TableCell>
                        <StatusTag status={nota.status} stage={nota.stage} />
                      </TableCell>
                      <TableCell>{nota.dueOn ? formatDay(nota.dueOn) : '–'}</TableCell>
                      <TableCell>{formatInstant(nota.createdAt)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          </section>
        );
      })}
    </>
  );
}
