import { Alert, Paragraph } from '@rijkshuisstijl-community/components-react';
import { downloadDocument, useDocumentBytes } from '../../api/documents';
import type { NotaDocument } from '../../api/types';
import { DocxView } from '../../components/DocxView';
import { DownloadButton } from '../../components/DownloadButton';
import { PdfView } from '../../components/PdfView';
import { formatInstant } from '../../lib/dates';
import { documentKind, formatBytes, viewOf } from '../../lib/documents';

/**
 * The version's nota document in the page: a PDF drawn by pdf.js, a DOCX as HTML, any other kind as a download
 * only. The download is always there, for reading elsewhere and for what the page cannot show.
 */
export function NotaDocumentView({ document }: { document: NotaDocument }) {
  const view = viewOf(document.mediaType);
  const { bytes, error } = useDocumentBytes(view === 'download' ? null : document.id);

  return (
    <div className="nf-document">
      <div className="nf-document__meta">
        <Paragraph>
          <strong>{document.title ?? document.fileName}</strong>
          <span className="nf-subtle">
            {document.fileName} · {documentKind(document.mediaType)} · {formatBytes(document.size)} ·{' '}
            {document.written ? 'geschreven in notaflow' : 'geüpload'} door {document.createdBy},{' '}
            {formatInstant(document.createdAt)}
          </span>
        </Paragraph>
        <DownloadButton download={() => downloadDocument(document)}>
          Nota downloaden<span className="nf-visually-hidden"> ({document.fileName})</span>
        </DownloadButton>
      </div>
      {view === 'download' && (
        <Paragraph>
          Een {documentKind(document.mediaType)} kan hier niet worden getoond. Download het om het te lezen.
        </Paragraph>
      )}
      {error && (
        <Alert type="error">
          <Paragraph>{error.message}</Paragraph>
        </Alert>
      )}
      {bytes && view === 'pdf' && <PdfView bytes={bytes} name={document.title ?? 'Nota'} />}
      {bytes && view === 'docx' && <DocxView bytes={bytes} />}
      {view !== 'download' && !bytes && !error && (
        <p className="nf-subtle" role="status">
          Document ophalen…
        </p>
      )}
    </div>
  );
}
