import { useState } from 'react';
import { Alert, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { downloadPackage } from '../../api/documents';
import type { Nota, NotaDocument } from '../../api/types';
import type { Loaded } from '../../api/use-api';
import { DownloadButton } from '../../components/DownloadButton';
import { SelectField } from '../../components/Fields';
import { RouterLink } from '../../components/RouterLink';
import { documentName, latestVersionOf, openVersionOf, versionLabel } from '../../lib/documents';
import { BijlagenTable } from './BijlagenTable';
import { ChangesSection } from './ChangesSection';
import { NotaDocumentView } from './NotaDocumentView';
import { RemoveDocument } from './RemoveDocument';
import { UploadForm } from './UploadForm';

interface DocumentsSectionProps {
  nota: Nota;
  /** The version shown, and how to show another. */
  version: number;
  onVersion(version: number): void;
  /** The shown version's documents, loaded by the page (the decision dialog needs its nota document's hash). */
  documents: NotaDocument[] | undefined;
  /** Their loading: what went wrong, and how to load them again after a change. */
  loaded: Pick<Loaded<NotaDocument[]>, 'error' | 'reload'>;
  /** The reader drafts for the nota's organisation: they may change the open version's documents. */
  mayChange: boolean;
  /** The reader must decide on this version: what changed comes before the document. */
  changesFirst: boolean;
}

/**
 * A version's documents: the nota shown in the page, the bijlagen listed; for the drafter of an open version the
 * upload, the removal and the beslisnota form; what changed since the version before; after dispatch the package.
 */
export function DocumentsSection({
  nota,
  version,
  onVersion,
  documents,
  loaded,
  mayChange,
  changesFirst,
}: DocumentsSectionProps) {
  const [removed, setRemoved] = useState<string>();
  const latest = latestVersionOf(nota);
  const open = mayChange && version === openVersionOf(nota);
  const list = documents ?? [];
  const notaDocument = list.find((d) => d.role === 'nota');
  const bijlagen = list.filter((d) => d.role === 'bijlage');
  const changes = version > 1 && <ChangesSection notaId={nota.id} version={version} />;

  function changed(message?: string) {
    setRemoved(message);
    loaded.reload();
  }

  return (
    <section aria-labelledby="documenten" className="nf-section nf-documents">
      <Heading level={2} id="documenten">
        Documenten
      </Heading>
      {latest > 1 && (
        <div className="nf-version-select">
          <SelectField
            id="versie"
            label="Versie"
            value={String(version)}
            onChange={(value) => onVersion(Number(value))}
            options={Array.from({ length: latest }, (_, i) => latest - i).map((v) => ({
              value: String(v),
              label: versionLabel(nota, v),
            }))}
          />
        </div>
      )}
      {open && (
        <Paragraph>
          Versie {version} is in bewerking: voeg de nota en de bijlagen toe of verwijder ze tot u de versie indient.
          Daarna veranderen haar documenten niet meer.
        </Paragraph>
      )}
      {nota.status === 'dispatched' && version === nota.version && (
        <div className="nf-panel nf-package">
          <Heading level={3} appearanceLevel={4}>
            Verzendpakket
          </Heading>
          <Paragraph>
            Wat naar de Kamer is gegaan: de definitieve nota en bijlagen, met een overzicht van hun SHA-256 en van ieder
            besluit met de versie waarop het is genomen.
          </Paragraph>
          <DownloadButton download={() => downloadPackage(nota)}>Verzendpakket downloaden</DownloadButton>
        </div>
      )}
      {loaded.error && (
        <Alert type="error">
          <Paragraph>{loaded.error.message}</Paragraph>
        </Alert>
      )}
      {!documents && !loaded.error && <Paragraph role="status">Documenten laden…</Paragraph>}
      <p role="status" className="nf-subtle nf-status">
        {removed}
      </p>
      {documents && (
        <>
          {changesFirst && changes}
          <Heading level={3} appearanceLevel={4}>
            Nota
          </Heading>
          {notaDocument ? (
            <>
              <NotaDocumentView key={notaDocument.id} document={notaDocument} />
              {open && (
                <RemoveDocument
                  document={notaDocument}
                  onRemoved={(d) => changed(`${documentName(d)} is uit versie ${version} verwijderd.`)}
                />
              )}
            </>
          ) : (
            <Paragraph>Versie {version} heeft (nog) geen notadocument.</Paragraph>
          )}
          {open && (
            <Paragraph>
              <RouterLink to={`/notas/${nota.id}/nota-schrijven`}>
                {notaDocument?.written ? 'Nota bewerken in notaflow' : 'Nota schrijven in notaflow'}
              </RouterLink>
              <span className="nf-subtle">
                In het formulier van de beslisnota; notaflow maakt er een PDF in de Rijkshuisstijl van.
              </span>
            </Paragraph>
          )}
          <Heading level={3} appearanceLevel={4}>
            Bijlagen
          </Heading>
          {bijlagen.length ? (
            <BijlagenTable
              version={version}
              bijlagen={bijlagen}
              mayRemove={open}
              onRemoved={(d) => changed(`${documentName(d)} is uit versie ${version} verwijderd.`)}
            />
          ) : (
            <Paragraph>Versie {version} heeft geen bijlagen.</Paragraph>
          )}
          {open && (
            <UploadForm
              notaId={nota.id}
              version={version}
              hasNota={Boolean(notaDocument)}
              onUploaded={() => changed()}
            />
          )}
          {!changesFirst && changes}
        </>
      )}
    </section>
  );
}
