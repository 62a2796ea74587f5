import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { ActionGroup, Alert, Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { DEMO_USERS } from '@notaflow/domain';
import { answer, client } from '../api/client';
import { useOrganisations } from '../api/organisations';
import { uploadDocument } from '../api/upload';
import type { Nota } from '../api/types';
import { useSubmit } from '../api/use-submit';
import { useAuth, useProfile } from '../auth/AuthProvider';
import { ErrorSummary, type ErrorSummaryItem } from '../components/ErrorSummary';
import { CheckboxChoice, ChoiceGroup, FileField, TextField } from '../components/Fields';
import { TITLE_MAX, toCreateNotaRequest, validateNotaForm, type NotaFormValues } from '../lib/nota-form';
import { usePageTitle } from '../lib/page-title';
import { randomKey } from '../lib/random-key';
import type { FieldErrors } from '../lib/problem';
import { NotFoundPage } from './NotFoundPage';

/** An input id for an API field name: `route.reviewers[1]` -> `route-reviewers-1`. */
function fieldId(name: string): string {
  return name.replace(/\[(\d+)\]/g, '-$1').replace(/\./g, '-');
}

const LABELS: Record<string, string> = {
  title: 'Onderwerp',
  dossier: 'Kamerstukdossier',
  uwKenmerk: 'Uw kenmerk',
  dueOn: 'Gewenste verzenddatum',
  'route.reviewers': 'Parafenlijn',
  'route.decider': 'Besluit door',
  'route.coSigners': 'Medeondertekening',
  'route.ministerraad': 'Ministerraad',
};

/** Where the error summary sends the user for each field the API or the form names, and what it calls it. */
function summaryItems(errors: FieldErrors): ErrorSummaryItem[] {
  return Object.entries(errors).map(([name, message]) => {
    const reviewer = /^route\.reviewers\[(\d+)\]$/.exec(name);
    if (reviewer) return { target: fieldId(name), label: `Parafeerder ${Number(reviewer[1]) + 1}`, message };
    const label = LABELS[name.replace(/\[\d+\]$/, '')];
    if (name.startsWith('route.coSigners')) return { target: 'route-coSigners', label, message };
    if (name === 'route.reviewers') return { target: 'route-reviewers-0', label, message };
    if (name === 'route.ministerraad') return { target: 'route-ministerraad', label, message };
    return { target: fieldId(name), label, message };
  });
}

export function NewNotaPage() {
  usePageTitle('Nieuwe nota');
  const profile = useProfile();
  const { session } = useAuth();
  const navigate = useNavigate();
  // The demo identity provider's users are known to the web app; with OIDC the API checks the names typed.
  const known = session?.mode === 'demo' ? DEMO_USERS.filter((u) => u.organisation === profile.organisation) : [];
  const reviewers = known.filter((u) => u.role === 'reviewer');
  const deciders = known.filter((u) => u.role === 'decider');
  const [values, setValues] = useState<NotaFormValues>({
    title: '',
    dossier: '',
    uwKenmerk: '',
    dueOn: '',
    reviewers: reviewers.length ? reviewers.map((u) => u.username) : [''],
    decider: deciders[0]?.username ?? '',
    coSigners: [],
    ministerraad: false,
  });
  const [notaFile, setNotaFile] = useState<File | null>(null);
  const submission = useSubmit();
  const organisations = useOrganisations();
  const summary = useRef<HTMLDivElement>(null);
  const lastSent = useRef<{ json: string; key: string }>(undefined);
  const { errors } = submission;

  if (profile.role !== 'drafter') return <NotFoundPage />;

  const set = <K extends keyof NotaFormValues>(key: K, value: NotaFormValues[K]) =>
    setValues((previous) => ({ ...previous, [key]: value }));
  const setReviewer = (index: number, value: string) =>
    set(
      'reviewers',
      values.reviewers.map((r, i) => (i === index ? value : r)),
    );
  const moveReviewer = (index: number, by: -1 | 1) => {
    const next = [...values.reviewers];
    [next[index], next[index + by]] = [next[index + by], next[index]];
    set('reviewers', next);
    requestAnimationFrame(() => document.getElementById(`route-reviewers-${index + by}`)?.focus());
  };

  /**
   * The same form sent again (after an answer that got lost) carries the same key, so the API answers the nota it
   * registered instead of a second ons kenmerk; a changed form is a new request with a key of its own.
   */
  function idempotencyKey(body: unknown): string {
    const json = JSON.stringify(body);
    if (lastSent.current?.json !== json) lastSent.current = { json, key: randomKey() };
    return lastSent.current.key;
  }

  async function submit(event: FormEvent, start: boolean) {
    event.preventDefault();
    const own = validateNotaForm(values);
    // A route starts on a text: without the nota document, only registering is possible (write it in the app after).
    if (start && !notaFile) {
      own.notaDocument = 'Kies het notadocument, of registreer alleen en schrijf de nota daarna in de app.';
    }
    if (Object.keys(own).length) {
      submission.setErrors(own);
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    let nota: Nota | undefined;
    const ok = await submission.run(async () => {
      const body = toCreateNotaRequest(values);
      nota = await answer(
        client.POST('/api/v1/notas', { body, params: { header: { 'Idempotency-Key': idempotencyKey(body) } } }),
      );
    });
    if (!ok || !nota) {
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    const registered = `De nota is geregistreerd met ons kenmerk ${nota.onsKenmerk}.`;
    if (!start) {
      void navigate(`/notas/${nota.id}`, { state: { flash: `${registered} Dien haar in om de route te starten.` } });
      return;
    }
    const created = nota;
    const started = await submission.run(async () => {
      await uploadDocument({ notaId: created.id, role: 'nota', file: notaFile! }, () => undefined);
      await answer(client.POST('/api/v1/notas/{id}/submit', { params: { path: { id: created.id } } }));
    });
    void navigate(`/notas/${created.id}`, {
      state: {
        flash: started
          ? `${registered} De route is gestart.`
          : `${registered} Indienen lukte niet: ${submission.failure ?? 'probeer het opnieuw'}.`,
      },
    });
  }

  const coSigners = (organisations.list ?? []).filter((o) => o.canCoSign && o.code !== profile.organisation);
  return (
    <>
      <Heading level={1}>Nieuwe nota</Heading>
      <Paragraph>
        Registreer de nota en kies de route. Bij het registreren krijgt de nota haar ons kenmerk; indienen start de
        route langs parafenlijn, bewindspersoon, medeondertekenaars en ministerraad.
      </Paragraph>
      <ErrorSummary ref={summary} items={summaryItems(errors)} />
      {submission.failure && Object.keys(errors).length === 0 && (
        <Alert type="error">
          <Paragraph>{submission.failure}</Paragraph>
        </Alert>
      )}
      <form className="nf-form" noValidate onSubmit={(event) => void submit(event, true)}>
        <TextField
          id="title"
          label="Onderwerp"
          maxLength={TITLE_MAX}
          value={values.title}
          onChange={(v) => set('title', v)}
          error={errors.title}
        />
        <div className="nf-inline-fields">
          <TextField
            id="dossier"
            label="Kamerstukdossier"
            description="Bijvoorbeeld 28 638"
            optional
            width="sm"
            value={values.dossier}
            onChange={(v) => set('dossier', v)}
            error={errors.dossier}
          />
          <TextField
            id="uwKenmerk"
            label="Uw kenmerk"
            description="Het kenmerk van de Kamer, zoals 2023Z13980/2023D36886"
            optional
            width="md"
            value={values.uwKenmerk}
            onChange={(v) => set('uwKenmerk', v)}
            error={errors.uwKenmerk}
          />
          <TextField
            id="dueOn"
            label="Gewenste verzenddatum"
            optional
            type="date"
            width="sm"
            value={values.dueOn}
            onChange={(v) => set('dueOn', v)}
            error={errors.dueOn}
          />
        </div>

        <fieldset className="utrecht-form-fieldset nf-fieldset">
          <legend className="utrecht-form-fieldset__legend nf-legend">Route</legend>
          <Heading level={2} appearanceLevel={5}>
            Parafenlijn (in volgorde)
          </Heading>
          <ol className="nf-reviewers">
            {values.reviewers.map((reviewer, index) => (
              <li key={index} className="nf-reviewers__row">
                <TextField
                  id={`route-reviewers-${index}`}
                  label={`Parafeerder ${index + 1}`}
                  width="md"
                  list="known-reviewers"
                  value={reviewer}
                  onChange={(v) => setReviewer(index, v)}
                  error={errors[`route.reviewers[${index}]`] ?? (index === 0 ? errors['route.reviewers'] : undefined)}
                />
                <div className="nf-reviewers__buttons">
                  <Button
                    appearance="subtle-button"
                    type="button"
                    disabled={index === 0}
                    onClick={() => moveReviewer(index, -1)}
                  >
                    Omhoog<span className="nf-visually-hidden"> (parafeerder {index + 1})</span>
                  </Button>
                  <Button
                    appearance="subtle-button"
                    type="button"
                    disabled={index === values.reviewers.length - 1}
                    onClick={() => moveReviewer(index, 1)}
                  >
                    Omlaag<span className="nf-visually-hidden"> (parafeerder {index + 1})</span>
                  </Button>
                  <Button
                    appearance="subtle-button"
                    type="button"
                    onClick={() =>
                      set(
                        'reviewers',
                        values.reviewers.filter((_, i) => i !== index),
                      )
                    }
                  >
                    Verwijderen<span className="nf-visually-hidden"> (parafeerder {index + 1})</span>
                  </Button>
                </div>
              </li>
            ))}
          </ol>
          <Button
            appearance="secondary-action-button"
            type="button"
            onClick={() => {
              set('reviewers', [...values.reviewers, '']);
              requestAnimationFrame(() =>
                document.getElementById(`route-reviewers-${values.reviewers.length}`)?.focus(),
              );
            }}
          >
            Parafeerder toevoegen
          </Button>
          <datalist id="known-reviewers">
            {reviewers.map((u) => (
              <option key={u.username} value={u.username}>
                {u.displayName}
              </option>
            ))}
          </datalist>

          <TextField
            id="route-decider"
            label="Besluit door (bewindspersoon)"
            width="md"
            list="known-deciders"
            value={values.decider}
            onChange={(v) => set('decider', v)}
            error={errors['route.decider']}
          />
          <datalist id="known-deciders">
            {deciders.map((u) => (
              <option key={u.username} value={u.username}>
                {u.displayName}
              </option>
            ))}
          </datalist>

          <ChoiceGroup
            id="route-coSigners"
            legend="Medeondertekening door"
            description="Deze ministeries ondertekenen tegelijk, ieder met een eigen termijn."
            error={
              errors['route.coSigners'] ??
              Object.entries(errors).find(([name]) => name.startsWith('route.coSigners['))?.[1]
            }
          >
            {coSigners.map((organisation) => (
              <CheckboxChoice
                key={organisation.code}
                id={`coSigner-${organisation.code}`}
                name="coSigners"
                value={organisation.code}
                label={`${organisation.code} – ${organisation.name}`}
                checked={values.coSigners.includes(organisation.code)}
                onChange={(checked) =>
                  set(
                    'coSigners',
                    checked
                      ? coSigners
                          .map((o) => o.code)
                          .filter((c) => c === organisation.code || values.coSigners.includes(c))
                      : values.coSigners.filter((c) => c !== organisation.code),
                  )
                }
              />
            ))}
          </ChoiceGroup>

          <FileField
            id="notaDocument"
            label="Notadocument"
            description="De nota zelf, als PDF of DOCX: hierover besluiten parafeerders en medeondertekenaars. Schrijft u de nota liever in de app, registreer dan alleen en kies op de pagina van de nota voor Nota schrijven."
            accept=".pdf,.docx,.odt"
            error={errors.notaDocument}
            onChange={setNotaFile}
          />

          <ChoiceGroup id="route-ministerraad" legend="Ministerraad" error={errors['route.ministerraad']}>
            <CheckboxChoice
              id="ministerraad"
              name="ministerraad"
              label="De nota gaat naar de ministerraad"
              checked={values.ministerraad}
              onChange={(checked) => set('ministerraad', checked)}
            />
          </ChoiceGroup>
        </fieldset>

        <ActionGroup>
          <Button appearance="primary-action-button" type="submit" busy={submission.busy} disabled={submission.busy}>
            Registreren en route starten
          </Button>
          <Button
            appearance="secondary-action-button"
            type="button"
            disabled={submission.busy}
            onClick={(event) => void submit(event, false)}
          >
            Alleen registreren (concept)
          </Button>
        </ActionGroup>
      </form>
    </>
  );
}
