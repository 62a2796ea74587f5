import { useRef, useState, type FormEvent } from 'react';
import { ActionGroup, Alert, Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { ApiError } from '../../api/client';
import type { DocumentRole, NotaDocument } from '../../api/types';
import { uploadDocument, type UploadProgress } from '../../api/upload';
import { ErrorSummary } from '../../components/ErrorSummary';
import { ChoiceGroup, FileField, RadioChoice, TextField } from '../../components/Fields';
import { ACCEPTED_FILES, documentName, formatBytes, uploadFailure } from '../../lib/documents';
import { fieldErrorsOf, type FieldErrors } from '../../lib/problem';

const FIELD_IDS: Record<string, string> = { role: 'upload-role', title: 'upload-title', file: 'upload-file' };

interface UploadFormProps {
  notaId: string;
  /** The open version, which takes the upload. */
  version: number;
  /** Whether the version has its nota document: a new one replaces it. */
  hasNota: boolean;
  onUploaded(document: NotaDocument): void;
}

/** Whole tens of a percent: often enough to follow, seldom enough not to drown a screen reader in numbers. */
function percentOf(progress: UploadProgress): number {
  return progress.total ? Math.floor((progress.loaded / progress.total) * 100) : 0;
}

/**
 * Adds a file to the open version as its nota or as a bijlage, with the upload's progress in a progress bar and,
 * politely and in steps of ten percent, in words; cancellable while it runs. Refusals in Dutch by their code.
 */
export function UploadForm({ notaId, version, hasNota, onUploaded }: UploadFormProps) {
  const [role, setRole] = useState<DocumentRole>(hasNota ? 'bijlage' : 'nota');
  const [title, setTitle] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<UploadProgress>();
  const [announced, setAnnounced] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string>();
  const picker = useRef<HTMLInputElement>(null);
  const summary = useRef<HTMLDivElement>(null);
  const abort = useRef<AbortController>(undefined);
  const busy = progress !== undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(undefined);
    if (!file) {
      setErrors({ file: 'Kies het bestand dat u wilt toevoegen.' });
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setErrors({});
    const controller = new AbortController();
    abort.current = controller;
    let lastTen = -1;
    setProgress({ loaded: 0, total: file.size });
    setAnnounced(`Uploaden van ${file.name} (${formatBytes(file.size)}) is begonnen.`);
    try {
      const document = await uploadDocument(
        { notaId, role, title, file },
        (now) => {
          setProgress(now);
          const ten = Math.floor(percentOf(now) / 10);
          if (ten !== lastTen && ten > 0) {
            lastTen = ten;
            setAnnounced(`Uploaden: ${ten * 10}%`);
          }
        },
        controller.signal,
      );
      setAnnounced(
        `${documentName(document)} is toegevoegd aan versie ${version} als ${role === 'nota' ? 'nota' : 'bijlage'}.`,
      );
      setTitle('');
      setFile(null);
      if (picker.current) picker.current.value = '';
      setRole('bijlage');
      onUploaded(document);
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') {
        setAnnounced('Het uploaden is geannuleerd.');
        return;
      }
      const apiError = error instanceof ApiError ? error : new ApiError(0);
      const fields = fieldErrorsOf(apiError.problem);
      setErrors(fields);
      const message = uploadFailure(apiError.status, apiError.problem);
      setFailure(Object.keys(fields).length ? undefined : message);
      setAnnounced('Het uploaden is mislukt.');
      requestAnimationFrame(() => summary.current?.focus());
    } finally {
      setProgress(undefined);
      abort.current = undefined;
    }
  }

  const percent = progress ? percentOf(progress) : 0;
  return (
    <form className="nf-form nf-upload" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="upload">
      <Heading level={3} appearanceLevel={4} id="upload">
        Document toevoegen aan versie {version}
      </Heading>
      <div ref={summary} tabIndex={-1} className="nf-upload__problems">
        <ErrorSummary
          items={Object.entries(errors).map(([name, message]) => ({ target: FIELD_IDS[name] ?? name, message }))}
        />
        {failure && (
          <Alert type="error">
            <Paragraph>{failure}</Paragraph>
          </Alert>
        )}
      </div>
      <ChoiceGroup id="upload-role" legend="Soort document" error={errors.role}>
        <RadioChoice
          id="upload-role-nota"
          name="upload-role"
          value="nota"
          label={hasNota ? 'Nota (vervangt de nota van deze versie)' : 'Nota'}
          checked={role === 'nota'}
          onChange={(checked) => checked && setRole('nota')}
        />
        <RadioChoice
          id="upload-role-bijlage"
          name="upload-role"
          value="bijlage"
          label="Bijlage"
          checked={role === 'bijlage'}
          onChange={(checked) => checked && setRole('bijlage')}
        />
      </ChoiceGroup>
      <TextField
        id="upload-title"
        label="Titel"
        description="Zoals de lezer het document kent, bijvoorbeeld: Kamerbrief Actieplan. Leeg: de bestandsnaam."
        optional
        maxLength={300}
        value={title}
        onChange={setTitle}
        error={errors.title}
      />
      <FileField
        id="upload-file"
        label="Bestand"
        description="PDF, DOCX, ODT, XLSX, PNG of JPEG. Een PDF met een wachtwoord kan niet."
        accept={ACCEPTED_FILES}
        disabled={busy}
        inputRef={picker}
        onChange={setFile}
        error={errors.file}
      />
      {progress && (
        <div className="nf-upload__progress">
          <label htmlFor="upload-progress">Voortgang van het uploaden</label>
          <progress id="upload-progress" max={100} value={percent}>
            {percent}%
          </progress>
          <span aria-hidden="true">
            {percent}% van {formatBytes(progress.total)}
          </span>
        </div>
      )}
      <p className="nf-upload__status" role="status" aria-live="polite">
        {announced}
      </p>
      <ActionGroup>
        <Button appearance="primary-action-button" type="submit" busy={busy} disabled={busy}>
          Uploaden
        </Button>
        {busy && (
          <Button appearance="secondary-action-button" type="button" onClick={() => abort.current?.abort()}>
            Uploaden annuleren
          </Button>
        )}
      </ActionGroup>
    </form>
  );
}
