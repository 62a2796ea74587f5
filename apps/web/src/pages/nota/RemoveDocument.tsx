import { useState } from 'react';
import { Button, Paragraph } from '@rijkshuisstijl-community/components-react';
import { answer, client } from '../../api/client';
import type { NotaDocument } from '../../api/types';
import { useSubmit } from '../../api/use-submit';
import { FormDialog } from '../../components/FormDialog';
import { documentName } from '../../lib/documents';

interface RemoveDocumentProps {
  document: NotaDocument;
  onRemoved(document: NotaDocument): void;
}

/** Removes a document from the open version, after asking: the version then goes on without it. */
export function RemoveDocument({ document, onRemoved }: RemoveDocumentProps) {
  const [open, setOpen] = useState(false);
  const submission = useSubmit();
  const name = documentName(document);
  return (
    <>
      <Button appearance="subtle-button" type="button" onClick={() => setOpen(true)}>
        Verwijderen<span className="nf-visually-hidden"> ({name})</span>
      </Button>
      <FormDialog
        open={open}
        title={document.role === 'nota' ? 'Nota verwijderen' : 'Bijlage verwijderen'}
        submission={submission}
        submitLabel="Verwijderen"
        send={() => answer(client.DELETE('/api/v1/documents/{id}', { params: { path: { id: document.id } } }))}
        onDone={() => {
          setOpen(false);
          onRemoved(document);
        }}
        onClose={() => setOpen(false)}
        intro={
          <Paragraph>
            <strong>{name}</strong> ({document.fileName}) wordt uit versie {document.notaVersion} verwijderd.
            {document.role === 'nota' && ' De versie heeft dan geen notadocument meer; indienen kan pas met een nota.'}
          </Paragraph>
        }
      />
    </>
  );
}
