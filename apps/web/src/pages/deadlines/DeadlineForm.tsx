import { useRef, useState, type FormEvent } from 'react';
import { ActionGroup, Alert, Button, Paragraph } from '@rijkshuisstijl-community/components-react';
import { DEADLINE_KINDS, type DeadlineKind } from '@notaflow/domain';
import { api } from '../../api/client';
import type { DeadlineDetail } from '../../api/types';
import { useSubmit } from '../../api/use-submit';
import { Dialog } from '../../components/Dialog';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/Fields';
import { DEADLINE_KIND_LABELS } from '../../lib/labels';

const RECURRENCES = [
  { value: '', label: 'Eenmalig' },
  { value: 'P3M', label: 'Elk kwartaal (P3M)' },
  { value: 'P6M', label: 'Twee keer per jaar (P6M)' },
  { value: 'P1Y', label: 'Jaarlijks (P1Y)' },
  { value: 'P2Y', label: 'Eens per twee jaar (P2Y)' },
];

const PRESETS = [
  { value: '', label: 'Geen: ik vul de datum zelf in' },
  { value: 'kamervragen', label: 'Kamervragen: 3 weken na ontvangst' },
  { value: 'woo', label: 'Woo-verzoek: 4 weken na ontvangst' },
];

interface DeadlineFormProps {
  open: boolean;
  dossier: string;
  onClose(): void;
  onCreated(deadline: DeadlineDetail): void;
}

/** Registering a Kamer deadline: a date of its own, or one computed from a standard term. */
export function DeadlineForm({ open, dossier: initialDossier, onClose, onCreated }: DeadlineFormProps) {
  const [kind, setKind] = useState<DeadlineKind>('toezegging');
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [preset, setPreset] = useState('');
  const [presetFrom, setPresetFrom] = useState('');
  const [dossier, setDossier] = useState(initialDossier);
  const [recurrence, setRecurrence] = useState('');
  const submission = useSubmit();
  const summary = useRef<HTMLDivElement>(null);
  const { errors } = submission;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const own: Record<string, string> = {};
    if (!title.trim()) own.title = 'Vul het onderwerp in.';
    if (!preset && !dueOn) own.dueOn = 'Vul de datum in, of kies een standaardtermijn.';
    if (preset && !presetFrom) own.presetFrom = 'Vul de datum van ontvangst in.';
    if (Object.keys(own).length) {
      submission.setErrors(own);
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    let created: DeadlineDetail | undefined;
    const ok = await submission.run(async () => {
      created = await api.post<DeadlineDetail>('/deadlines', {
        kind,
        title: title.trim(),
        ...(preset ? { preset, presetFrom } : { dueOn }),
        ...(dossier.trim() ? { dossier: dossier.trim() } : {}),
        ...(recurrence ? { recurrence } : {}),
      });
    });
    if (ok && created) onCreated(created);
    else requestAnimationFrame(() => summary.current?.focus());
  }

  return (
    <Dialog open={open} title="Kamertermijn registreren" onClose={onClose}>
      <form className="nf-form" onSubmit={(event) => void submit(event)} noValidate>
        <ErrorSummary
          ref={summary}
          items={Object.entries(errors).map(([name, message]) => ({ target: `deadline-${name}`, message }))}
        />
        {submission.failure && Object.keys(errors).length === 0 && (
          <Alert type="error">
            <Paragraph>{submission.failure}</Paragraph>
          </Alert>
        )}
        <SelectField
          id="deadline-kind"
          label="Soort"
          value={kind}
          onChange={(v) => setKind(v as DeadlineKind)}
          options={DEADLINE_KINDS.map((k) => ({ value: k, label: DEADLINE_KIND_LABELS[k] }))}
          error={errors.kind}
        />
        <TextField id="deadline-title" label="Onderwerp" value={title} onChange={setTitle} error={errors.title} />
        <SelectField
          id="deadline-preset"
          label="Standaardtermijn"
          value={preset}
          onChange={setPreset}
          options={PRESETS}
          error={errors.preset}
        />
        {preset ? (
          <TextField
            id="deadline-presetFrom"
            label="Ontvangen op"
            description="De termijn telt vanaf deze dag, in werkdagen waar de wet dat zegt."
            type="date"
            width="sm"
            value={presetFrom}
            onChange={setPresetFrom}
            error={errors.presetFrom}
          />
        ) : (
          <TextField
            id="deadline-dueOn"
            label="Datum"
            type="date"
            width="sm"
            value={dueOn}
            onChange={setDueOn}
            error={errors.dueOn}
          />
        )}
        <TextField
          id="deadline-dossier"
          label="Kamerstukdossier"
          optional
          width="sm"
          value={dossier}
          onChange={setDossier}
          error={errors.dossier}
        />
        <SelectField
          id="deadline-recurrence"
          label="Herhaling"
          value={recurrence}
          onChange={setRecurrence}
          options={RECURRENCES}
          error={errors.recurrence}
        />
        <ActionGroup>
          <Button appearance="primary-action-button" type="submit" busy={submission.busy} disabled={submission.busy}>
            Registreren
          </Button>
          <Button appearance="secondary-action-button" type="button" onClick={onClose}>
            Annuleren
          </Button>
        </ActionGroup>
      </form>
    </Dialog>
  );
}
