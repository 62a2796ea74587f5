import { useRef, useState, type FormEvent } from 'react';
import { ActionGroup, Alert, Button, Paragraph } from '@rijkshuisstijl-community/components-react';
import type { ToelichtingSection } from '@notaflow/documents/beslisnota';
import { answer, client } from '../../api/client';
import type { NotaDocument } from '../../api/types';
import { useSubmit } from '../../api/use-submit';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextAreaField, TextField } from '../../components/Fields';
import {
  AFZENDER_LINES_MAX,
  LINE_MAX,
  MAIN_SECTIONS,
  SECTION_MAX,
  TOELICHTING_KEYS,
  TOELICHTING_SECTIONS,
  beslisnotaFieldId,
  toBeslisnotaRequest,
  validateBeslisnota,
  type BeslisnotaFormValues,
} from '../../lib/beslisnota-form';
import type { FieldErrors } from '../../lib/problem';

/** Each field's label for the error summary, which is read away from the fields: by the API's field names. */
const LABELS: Record<string, string> = {
  onderwerp: 'Onderwerp',
  datum: 'Datum',
  afzender: 'Afzender',
  contactpersoon: 'Contactpersoon',
  dossiernummer: 'Dossiernummer',
  bijlagen: 'Bijlagen',
  ...Object.fromEntries(MAIN_SECTIONS.map((section) => [section.name, section.label])),
  ...Object.fromEntries(TOELICHTING_KEYS.map((key) => [`toelichtingen.${key}`, TOELICHTING_SECTIONS[key]])),
  'nietOpenbaar.informatie': '5. Informatie die niet openbaar gemaakt kan worden',
  'nietOpenbaar.toelichting': '5.1 Toelichting',
};

/** The API's field errors by the form's own names: a list's line (`afzender[2]`) is the list's field. */
function byField(errors: FieldErrors): FieldErrors {
  const fields: FieldErrors = {};
  for (const [name, message] of Object.entries(errors)) fields[name.replace(/\[\d+\]$/, '')] ??= message;
  return fields;
}

interface BeslisnotaFormProps {
  notaId: string;
  initial: BeslisnotaFormValues;
  onSaved(document: NotaDocument): void;
}

/**
 * The beslisnota's header and numbered sections, as the seed's nota has them. Sent whole to
 * POST /notas/{id}/beslisnota, which renders the PDF and keeps the sections beside it.
 */
export function BeslisnotaForm({ notaId, initial, onSaved }: BeslisnotaFormProps) {
  const [values, setValues] = useState(initial);
  const submission = useSubmit();
  const summary = useRef<HTMLDivElement>(null);
  const errors = byField(submission.errors);
  const set = <K extends keyof BeslisnotaFormValues>(key: K, value: BeslisnotaFormValues[K]) =>
    setValues((previous) => ({ ...previous, [key]: value }));
  const setToelichting = (key: ToelichtingSection, value: string) =>
    setValues((previous) => ({ ...previous, toelichtingen: { ...previous.toelichtingen, [key]: value } }));
  const subsections = TOELICHTING_KEYS.filter((key) => values.toelichtingen[key].trim()).length;
  // Open when the nota has subsections or one of them is wrong (the error summary must reach it); else the reader's.
  const [partsOpen, setPartsOpen] = useState(subsections > 0);
  const partsWrong = Object.keys(errors).some((name) => name.startsWith('toelichtingen.'));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const own = validateBeslisnota(values);
    if (Object.keys(own).length) {
      submission.setErrors(own);
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    let saved: NotaDocument | undefined;
    const ok = await submission.run(async () => {
      saved = await answer(
        client.POST('/api/v1/notas/{id}/beslisnota', {
          params: { path: { id: notaId } },
          body: toBeslisnotaRequest(values),
        }),
      );
    });
    if (ok && saved) onSaved(saved);
    else requestAnimationFrame(() => summary.current?.focus());
  }

  const text = (name: keyof typeof LABELS) => ({ id: beslisnotaFieldId(name), error: errors[name] });
  return (
    <form className="nf-form nf-beslisnota" noValidate onSubmit={(event) => void submit(event)}>
      <ErrorSummary
        ref={summary}
        items={Object.entries(errors).map(([name, message]) => ({
          target: beslisnotaFieldId(name),
          label: LABELS[name],
          message,
        }))}
      />
      {submission.failure && Object.keys(errors).length === 0 && (
        <Alert type="error">
          <Paragraph>{submission.failure}</Paragraph>
        </Alert>
      )}

      <fieldset className="utrecht-form-fieldset nf-fieldset">
        <legend className="utrecht-form-fieldset__legend nf-legend">Kop van de nota</legend>
        <TextField
          {...text('onderwerp')}
          label="Onderwerp"
          maxLength={LINE_MAX}
          value={values.onderwerp}
          onChange={(v) => set('onderwerp', v)}
        />
        <TextField
          {...text('datum')}
          label="Datum"
          type="date"
          width="sm"
          value={values.datum}
          onChange={(v) => set('datum', v)}
        />
        <TextAreaField
          {...text('afzender')}
          label="Afzender"
          description={`Eén onderdeel per regel, van groot naar klein: directoraat-generaal, directie, afdeling (hoogstens ${AFZENDER_LINES_MAX} regels).`}
          rows={3}
          value={values.afzender}
          onChange={(v) => set('afzender', v)}
        />
        <div className="nf-inline-fields">
          <TextField
            {...text('contactpersoon')}
            label="Contactpersoon"
            optional
            width="md"
            maxLength={LINE_MAX}
            value={values.contactpersoon}
            onChange={(v) => set('contactpersoon', v)}
          />
          <TextField
            {...text('dossiernummer')}
            label="Dossiernummer"
            description="Het eigen dossiernummer van de directie, niet het Kamerstukdossier."
            optional
            width="sm"
            maxLength={50}
            value={values.dossiernummer}
            onChange={(v) => set('dossiernummer', v)}
          />
        </div>
        <TextAreaField
          {...text('bijlagen')}
          label="Bijlagen"
          description="De titels van de bijlagen, één per regel, in de volgorde van de nota. Hun aantal komt in de kop."
          optional
          rows={3}
          value={values.bijlagen}
          onChange={(v) => set('bijlagen', v)}
        />
      </fieldset>

      <fieldset className="utrecht-form-fieldset nf-fieldset">
        <legend className="utrecht-form-fieldset__legend nf-legend">Inhoud</legend>
        {MAIN_SECTIONS.map((section) => (
          <TextAreaField
            key={section.name}
            {...text(section.name)}
            label={section.label}
            description={section.description}
            rows={6}
            maxLength={SECTION_MAX}
            value={values[section.name]}
            onChange={(v) => set(section.name, v)}
          />
        ))}
        <details
          className="nf-details"
          open={partsOpen || partsWrong}
          onToggle={(event) => setPartsOpen(event.currentTarget.open)}
        >
          <summary>
            Toelichting in onderdelen: 4.1 tot en met 4.9{' '}
            <span className="nf-optional">(niet verplicht{subsections ? `; ${subsections} ingevuld` : ''})</span>
          </summary>
          {TOELICHTING_KEYS.map((key) => (
            <TextAreaField
              key={key}
              {...text(`toelichtingen.${key}`)}
              label={TOELICHTING_SECTIONS[key]}
              optional
              rows={3}
              maxLength={SECTION_MAX}
              value={values.toelichtingen[key]}
              onChange={(v) => setToelichting(key, v)}
            />
          ))}
        </details>
        <TextAreaField
          {...text('nietOpenbaar.informatie')}
          label="5. Informatie die niet openbaar gemaakt kan worden"
          description='Wat bij openbaarmaking onder de Woo moet worden gelakt. Schrijf "N.v.t." als er niets is.'
          rows={4}
          maxLength={SECTION_MAX}
          value={values.nietOpenbaarInformatie}
          onChange={(v) => set('nietOpenbaarInformatie', v)}
        />
        <TextAreaField
          {...text('nietOpenbaar.toelichting')}
          label="5.1 Toelichting"
          description="Waarom deze informatie niet openbaar kan worden, met de grond uit de Woo."
          rows={3}
          maxLength={SECTION_MAX}
          value={values.nietOpenbaarToelichting}
          onChange={(v) => set('nietOpenbaarToelichting', v)}
        />
      </fieldset>

      <ActionGroup>
        <Button appearance="primary-action-button" type="submit" busy={submission.busy} disabled={submission.busy}>
          Nota opslaan als PDF
        </Button>
      </ActionGroup>
    </form>
  );
}
