import { useState, type FormEvent } from 'react';
import { Alert, Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { answer, client } from '../../api/client';
import type { Nota } from '../../api/types';
import { useSubmit } from '../../api/use-submit';
import { TextAreaField, TextField } from '../../components/Fields';
import { FormDialog } from '../../components/FormDialog';
import type { FieldErrors } from '../../lib/problem';

interface DrafterActionsProps {
  nota: Nota;
  onDone(message: string): void;
  /** The open version is known to have no nota document yet (submitting needs one: 409 document_missing). */
  missingNota?: boolean;
}

/** What the directorate does with its own nota, depending on where it stands. */
export function DrafterActions({ nota, onDone, missingNota }: DrafterActionsProps) {
  const open = nota.status === 'draft' || nota.status === 'in_review' || nota.status === 'changes_requested';
  return (
    <section className="nf-panel nf-panel--actions" aria-labelledby="acties">
      <Heading level={2} appearanceLevel={4} id="acties">
        Acties
      </Heading>
      {missingNota && (nota.status === 'draft' || nota.status === 'changes_requested') && (
        <Paragraph>
          Deze versie heeft nog geen notadocument. Voeg de nota toe onder{' '}
          <a className="nl-link" href="#documenten">
            Documenten
          </a>{' '}
          (uploaden of schrijven in notaflow) voordat u indient.
        </Paragraph>
      )}
      {nota.status === 'draft' && <SubmitNota nota={nota} onDone={onDone} />}
      {nota.status === 'changes_requested' && <NewVersionForm nota={nota} onDone={onDone} />}
      {nota.status === 'dispatched' && !nota.kamerstuk && <KamerstukForm nota={nota} onDone={onDone} />}
      {open && <Withdraw nota={nota} onDone={onDone} />}
      {!open && (nota.status !== 'dispatched' || nota.kamerstuk) && (
        <Paragraph>Deze nota is afgerond; er is niets meer te doen.</Paragraph>
      )}
    </section>
  );
}

function SubmitNota({ nota, onDone }: DrafterActionsProps) {
  const submission = useSubmit();
  return (
    <div className="nf-stack">
      <Paragraph>De nota is geregistreerd maar nog niet ingediend. Indienen start de route.</Paragraph>
      {submission.failure && (
        <Alert type="error">
          <Paragraph>{submission.failure}</Paragraph>
        </Alert>
      )}
      <Button
        appearance="primary-action-button"
        busy={submission.busy}
        disabled={submission.busy}
        onClick={() =>
          void submission
            .run(() => answer(client.POST('/api/v1/notas/{id}/submit', { params: { path: { id: nota.id } } })))
            .then((ok) => ok && onDone('De nota is ingediend: de route is gestart.'))
        }
      >
        Indienen en route starten
      </Button>
    </div>
  );
}

function NewVersionForm({ nota, onDone }: DrafterActionsProps) {
  const [note, setNote] = useState('');
  const submission = useSubmit();
  async function submit(event: FormEvent) {
    event.preventDefault();
    const ok = await submission.run(() =>
      answer(
        client.POST('/api/v1/notas/{id}/versions', {
          params: { path: { id: nota.id } },
          body: note.trim() ? { note: note.trim() } : {},
        }),
      ),
    );
    if (ok) onDone(`Versie ${nota.version + 1} is ingediend: de route gaat verder.`);
  }
  return (
    <form className="nf-form" onSubmit={(event) => void submit(event)} noValidate>
      <Paragraph>
        Er zijn wijzigingen gevraagd. Verwerk ze en dien een nieuwe versie in; de route gaat dan verder.
      </Paragraph>
      {submission.failure && (
        <Alert type="error">
          <Paragraph>{submission.failure}</Paragraph>
        </Alert>
      )}
      <TextAreaField
        id="note"
        label={`Toelichting bij versie ${nota.version + 1}`}
        optional
        maxLength={4000}
        value={note}
        onChange={setNote}
        error={submission.errors.note}
      />
      <Button appearance="primary-action-button" type="submit" busy={submission.busy} disabled={submission.busy}>
        Nieuwe versie indienen
      </Button>
    </form>
  );
}

function KamerstukForm({ nota, onDone }: DrafterActionsProps) {
  const [dossier, setDossier] = useState(nota.dossier ?? '');
  const [number, setNumber] = useState('');
  const submission = useSubmit();
  async function submit(event: FormEvent) {
    event.preventDefault();
    const own: Record<string, string> = {};
    if (!dossier.trim()) own.dossier = 'Vul het dossiernummer in, zoals 28 638.';
    if (!/^\d+$/.test(number.trim())) own.number = 'Vul het nummer van het Kamerstuk in, zoals 249.';
    if (Object.keys(own).length) return submission.setErrors(own);
    const ok = await submission.run(() =>
      answer(
        client.POST('/api/v1/notas/{id}/kamerstuk', {
          params: { path: { id: nota.id } },
          body: { dossier: dossier.trim(), number: Number(number) },
        }),
      ),
    );
    if (ok) onDone(`Kamerstuk ${dossier.trim()}, nr. ${number.trim()} is vastgelegd.`);
  }
  return (
    <form className="nf-form" onSubmit={(event) => void submit(event)} noValidate>
      <Paragraph>De Kamer heeft de brief ontvangen. Leg het Kamerstuknummer vast zodra het bekend is.</Paragraph>
      {submission.failure && (
        <Alert type="error">
          <Paragraph>{submission.failure}</Paragraph>
        </Alert>
      )}
      <div className="nf-inline-fields">
        <TextField
          id="dossier"
          label="Dossier"
          width="sm"
          value={dossier}
          onChange={setDossier}
          error={submission.errors.dossier}
        />
        <TextField
          id="number"
          label="Nummer"
          width="sm"
          inputMode="numeric"
          value={number}
          onChange={setNumber}
          error={submission.errors.number}
        />
      </div>
      <Button appearance="primary-action-button" type="submit" busy={submission.busy} disabled={submission.busy}>
        Kamerstuknummer vastleggen
      </Button>
    </form>
  );
}

function Withdraw({ nota, onDone }: DrafterActionsProps) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const submission = useSubmit();
  return (
    <div className="nf-stack">
      <Button appearance="secondary-action-button" onClick={() => setOpen(true)}>
        Nota intrekken
      </Button>
      <FormDialog
        open={open}
        title="Nota intrekken"
        submission={submission}
        submitLabel="Intrekken"
        validate={(): FieldErrors => (reason.trim() ? {} : { reason: 'Geef de reden van het intrekken.' })}
        send={() =>
          answer(
            client.POST('/api/v1/notas/{id}/withdraw', {
              params: { path: { id: nota.id } },
              body: { reason: reason.trim() },
            }),
          )
        }
        onDone={() => {
          setOpen(false);
          onDone('De nota is ingetrokken; openstaande taken zijn vervallen.');
        }}
        onClose={() => setOpen(false)}
        intro={
          <Paragraph>
            Intrekken beëindigt de route van <strong>{nota.title}</strong>. Alle openstaande taken vervallen. Dit is
            niet terug te draaien.
          </Paragraph>
        }
      >
        <TextAreaField
          id="reason"
          label="Reden"
          maxLength={4000}
          value={reason}
          onChange={setReason}
          error={submission.errors.reason}
        />
      </FormDialog>
    </div>
  );
}
