import { useState } from 'react';
import { DEADLINE_KINDS, type DeadlineKind } from '@notaflow/domain';
import { answer, client } from '../../api/client';
import type { CreateDeadlineRequest, DeadlineDetail } from '../../api/types';
import { useSubmit } from '../../api/use-submit';
import { SelectField, TextField } from '../../components/Fields';
import { FormDialog } from '../../components/FormDialog';
import { DEADLINE_KIND_LABELS } from '../../lib/labels';
import type { FieldErrors } from '../../lib/problem';

const RECURRENCES = [
  { value: '', label: 'Eenmalig' },
  { value: 'P3M', label: 'Elk kwartaal (P3M)' },
  { value: 'P6M', label: 'Twee keer per jaar (P6M)' },
  { value: 'P1Y', label: 'Jaarlijks (P1Y)' },
  { value: 'P2Y', label: 'Eens per twee jaar (P2Y)' },
];

type Preset = NonNullable<CreateDeadlineRequest['preset']>;

const PRESETS: { value: Preset | ''; label: string }[] = [
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
  const [preset, setPreset] = useState<Preset | ''>('');
  const [presetFrom, setPresetFrom] = useState('');
  const [dossier, setDossier] = useState(initialDossier);
  const [recurrence, setRecurrence] = useState('');
  const submission = useSubmit();
  const { errors } = submission;

  function validate(): FieldErrors {
    const own: FieldErrors = {};
    if (!title.trim()) own.title = 'Vul het onderwerp in.';
    if (!preset && !dueOn) own.dueOn = 'Vul de datum in, of kies een standaardtermijn.';
    if (preset && !presetFrom) own.presetFrom = 'Vul de datum van ontvangst in.';
    return own;
  }

  return (
    <FormDialog
      open={open}
      title="Kamertermijn registreren"
      submission={submission}
      submitLabel="Registreren"
      validate={validate}
      send={() =>
        answer(
          client.POST('/api/v1/deadlines', {
            body: {
              kind,
              title: title.trim(),
              ...(preset ? { preset, presetFrom } : { dueOn }),
              ...(dossier.trim() ? { dossier: dossier.trim() } : {}),
              ...(recurrence ? { recurrence } : {}),
            },
          }),
        )
      }
      onDone={onCreated}
      onClose={onClose}
      fieldId={(name) => `deadline-${name}`}
    >
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
        onChange={(v) => setPreset(v as Preset | '')}
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
    </FormDialog>
  );
}
