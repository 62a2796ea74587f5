import { useState } from 'react';
import { DEADLINE_KINDS, type DeadlineKind } from '@notaflow/domain';
import { answer, client } from '../../api/client';
import type { Anchor, AnchorEvent, CreateDeadlineRequest, DeadlineDetail } from '../../api/types';
import { useSubmit } from '../../api/use-submit';
import { SelectField, TextField } from '../../components/Fields';
import { FormDialog } from '../../components/FormDialog';
import { ANCHOR_EVENT_LABELS, DEADLINE_KIND_LABELS } from '../../lib/labels';
import type { FieldErrors } from '../../lib/problem';

const RECURRENCES = [
  { value: '', label: 'Eenmalig' },
  { value: 'P3M', label: 'Elk kwartaal (P3M)' },
  { value: 'P6M', label: 'Twee keer per jaar (P6M)' },
  { value: 'P1Y', label: 'Jaarlijks (P1Y)' },
  { value: 'P2Y', label: 'Eens per twee jaar (P2Y)' },
];

type Preset = NonNullable<CreateDeadlineRequest['preset']>;

/** Where the deadline's date comes from: exactly one of these, as the API takes it. */
type DateSource = 'date' | Preset | 'anchor' | 'none';

const DATE_SOURCES: { value: DateSource; label: string }[] = [
  { value: 'date', label: 'Ik vul de datum zelf in' },
  { value: 'kamervragen', label: 'Kamervragen: 3 weken na ontvangst' },
  { value: 'woo', label: 'Woo-verzoek: 4 weken na ontvangst' },
  { value: 'anchor', label: 'Vóór of na een gebeurtenis op de Kamerkalender' },
  { value: 'none', label: 'Nog geen datum (z.s.m.)' },
];

const ANCHOR_EVENTS = Object.keys(ANCHOR_EVENT_LABELS) as AnchorEvent[];

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
  const [source, setSource] = useState<DateSource>('date');
  const [dueOn, setDueOn] = useState('');
  const [presetFrom, setPresetFrom] = useState('');
  const [anchorRelation, setAnchorRelation] = useState<Anchor['relation']>('before');
  const [anchorEvent, setAnchorEvent] = useState<AnchorEvent>('zomerreces');
  const [anchorYear, setAnchorYear] = useState('');
  const [vergaderjaar, setVergaderjaar] = useState('');
  const [dossier, setDossier] = useState(initialDossier);
  const [recurrence, setRecurrence] = useState('');
  const submission = useSubmit();
  const { errors } = submission;

  function validate(): FieldErrors {
    const own: FieldErrors = {};
    if (!title.trim()) own.title = 'Vul het onderwerp in.';
    if (source === 'date' && !dueOn) own.dueOn = 'Vul de datum in, of kies hoe de datum anders volgt.';
    if ((source === 'kamervragen' || source === 'woo') && !presetFrom) {
      own.presetFrom = 'Vul de datum van ontvangst in.';
    }
    if (source === 'anchor' && !/^\d{4}$/.test(anchorYear)) own['anchor.year'] = 'Vul het jaar in, zoals 2025.';
    return own;
  }

  function dateFields(): Pick<CreateDeadlineRequest, 'dueOn' | 'preset' | 'presetFrom' | 'anchor'> {
    switch (source) {
      case 'date':
        return { dueOn };
      case 'kamervragen':
      case 'woo':
        return { preset: source, presetFrom };
      case 'anchor':
        return {
          anchor: {
            event: anchorEvent,
            year: Number(anchorYear),
            relation: anchorRelation,
            ...(vergaderjaar.trim() ? { vergaderjaar: vergaderjaar.trim() } : {}),
          },
        };
      case 'none':
        return {};
    }
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
              ...dateFields(),
              ...(dossier.trim() ? { dossier: dossier.trim() } : {}),
              ...(recurrence ? { recurrence } : {}),
            },
          }),
        )
      }
      onDone={onCreated}
      onClose={onClose}
      // The API names nested fields `anchor.year`; the date's source answers for `preset`.
      fieldId={(name) => `deadline-${name === 'preset' ? 'source' : name.replace('.', '-')}`}
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
        id="deadline-source"
        label="Datum"
        description="Een datum, een wettelijke termijn, een gebeurtenis op de Kamerkalender, of nog geen datum."
        value={source}
        onChange={(v) => setSource(v as DateSource)}
        options={DATE_SOURCES}
        width="lg"
        error={errors.preset}
      />
      {source === 'date' && (
        <TextField
          id="deadline-dueOn"
          label="Uiterlijk op"
          type="date"
          width="sm"
          value={dueOn}
          onChange={setDueOn}
          error={errors.dueOn}
        />
      )}
      {(source === 'kamervragen' || source === 'woo') && (
        <TextField
          id="deadline-presetFrom"
          label="Ontvangen op"
          description="De termijn telt vanaf deze dag, volgens de Algemene termijnenwet."
          type="date"
          width="sm"
          value={presetFrom}
          onChange={setPresetFrom}
          error={errors.presetFrom}
        />
      )}
      {source === 'anchor' && (
        <>
          <SelectField
            id="deadline-anchor-relation"
            label="Vóór of na"
            description="Vóór: de laatste werkdag ervoor. Na: de eerste werkdag nadat het voorbij is."
            value={anchorRelation}
            onChange={(v) => setAnchorRelation(v as Anchor['relation'])}
            options={[
              { value: 'before', label: 'Vóór' },
              { value: 'after', label: 'Na' },
            ]}
            error={errors['anchor.relation']}
          />
          <SelectField
            id="deadline-anchor-event"
            label="Gebeurtenis"
            value={anchorEvent}
            onChange={(v) => setAnchorEvent(v as AnchorEvent)}
            options={ANCHOR_EVENTS.map((e) => ({ value: e, label: ANCHOR_EVENT_LABELS[e] }))}
            error={errors['anchor.event']}
          />
          <TextField
            id="deadline-anchor-year"
            label="Jaar"
            description="Het kalenderjaar waarin de gebeurtenis begint."
            inputMode="numeric"
            width="sm"
            value={anchorYear}
            onChange={setAnchorYear}
            error={errors['anchor.year']}
          />
          {anchorEvent === 'begrotingsbehandeling' && (
            <TextField
              id="deadline-anchor-vergaderjaar"
              label="Vergaderjaar"
              description="Alleen nodig als de begroting twee keer in dat jaar werd behandeld, zoals 2023-2024."
              optional
              width="sm"
              value={vergaderjaar}
              onChange={setVergaderjaar}
              error={errors['anchor.vergaderjaar']}
            />
          )}
        </>
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
