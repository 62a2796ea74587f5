import { useNavigate, useParams } from 'react-router-dom';
import { Alert, Heading, Paragraph, PreHeading } from '@rijkshuisstijl-community/components-react';
import type { NotaDocument } from '../api/types';
import { useApi } from '../api/use-api';
import { useProfile } from '../auth/AuthProvider';
import { RouterLink } from '../components/RouterLink';
import { beslisnotaFromContent, newBeslisnota, type BeslisnotaFormValues } from '../lib/beslisnota-form';
import { today } from '../lib/dates';
import { documentName, openVersionOf } from '../lib/documents';
import { usePageTitle } from '../lib/page-title';
import { BeslisnotaForm } from './nota/BeslisnotaForm';
import { NotFoundPage } from './NotFoundPage';

const notaDocumentOf = (list: NotaDocument[] | undefined) => list?.find((d) => d.role === 'nota');

/**
 * The nota written in notaflow, in the beslisnota form (seed 002): for the drafter of the open version. When the
 * version's nota, or else the previous version's, was written here, the form opens with its sections, so a new
 * version is edited rather than typed again.
 */
export function BeslisnotaPage() {
  const { id = '' } = useParams();
  const profile = useProfile();
  const navigate = useNavigate();
  const nota = useApi('/api/v1/notas/{id}', { params: { path: { id } } });
  const open = nota.data ? openVersionOf(nota.data) : null;
  const openDocuments = useApi(open ? '/api/v1/notas/{id}/documents' : null, {
    params: { path: { id }, query: { version: open ?? 1 } },
  });
  const earlier = open !== null && open > 1 ? open - 1 : null;
  const earlierDocuments = useApi(earlier ? '/api/v1/notas/{id}/documents' : null, {
    params: { path: { id }, query: { version: earlier ?? 1 } },
  });
  const own = notaDocumentOf(openDocuments.data);
  // The version's own nota decides; only a version without one starts from the version before.
  const source = own ? (own.written ? own : undefined) : earlier ? notaDocumentOf(earlierDocuments.data) : undefined;
  const written = source?.written ? source : undefined;
  const detail = useApi(written ? '/api/v1/documents/{id}' : null, { params: { path: { id: written?.id ?? '' } } });
  usePageTitle(nota.data ? `Nota schrijven: ${nota.data.title}` : 'Nota schrijven');

  if (nota.error?.status === 404 || nota.error?.status === 400) return <NotFoundPage what="Deze nota" />;
  const data = nota.data;
  const mayWrite = profile.role === 'drafter' && data?.organisation === profile.organisation && open !== null;

  const ready =
    data &&
    openDocuments.data &&
    (earlier === null || own || earlierDocuments.data || earlierDocuments.error) &&
    (!written || detail.data || detail.error);
  let initial: BeslisnotaFormValues | undefined;
  if (ready && data) {
    const bijlagen = (openDocuments.data ?? []).filter((d) => d.role === 'bijlage').map(documentName);
    const before = written && written.notaVersion !== open ? { datum: today() } : {};
    initial = {
      ...(beslisnotaFromContent(detail.data?.content) ??
        newBeslisnota({ onderwerp: data.title, datum: today(), bijlagen })),
      ...before,
    };
  }

  return (
    <>
      <PreHeading heading={<Heading level={1}>Nota schrijven</Heading>}>
        {data ? `${data.title} · ons kenmerk ${data.onsKenmerk}` : 'Nota'}
      </PreHeading>
      {(nota.error ?? openDocuments.error ?? detail.error) && (
        <Alert type="error">
          <Paragraph>{(nota.error ?? openDocuments.error ?? detail.error)?.message}</Paragraph>
        </Alert>
      )}
      {data && !mayWrite && (
        <Alert type="info">
          <Paragraph>
            Deze nota kan nu niet worden geschreven: alleen de directie die haar opstelt kan dat, en alleen zolang er
            een versie in bewerking is.
          </Paragraph>
        </Alert>
      )}
      {data && (
        <Paragraph>
          <RouterLink to={`/notas/${id}`}>Terug naar de nota</RouterLink>
        </Paragraph>
      )}
      {mayWrite && !initial && !nota.error && <Paragraph role="status">Formulier laden…</Paragraph>}
      {mayWrite && initial && data && open !== null && (
        <>
          <Paragraph>
            Schrijf de beslisnota voor versie {open}. notaflow maakt er een PDF in de Rijkshuisstijl van en bewaart die
            als de nota van deze versie{own ? '; de huidige nota van de versie wordt daarmee vervangen' : ''}. De
            onderdelen blijven bewaard, zodat een volgende versie hier verder kan worden bewerkt.
          </Paragraph>
          {written && (
            <Paragraph className="nf-subtle">
              Ingevuld met de nota van versie {written.notaVersion}, geschreven door {written.createdBy}.
            </Paragraph>
          )}
          <BeslisnotaForm
            notaId={data.id}
            initial={initial}
            onSaved={() =>
              void navigate(`/notas/${data.id}`, {
                state: { flash: `De nota is opgeslagen als PDF in versie ${open}.` },
              })
            }
          />
        </>
      )}
    </>
  );
}
