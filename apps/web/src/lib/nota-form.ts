import { KAMERSTUK_DOSSIER_PATTERN, UW_KENMERK_PATTERN } from '@notaflow/domain';
import type { CreateNotaRequest } from '../api/types';
import { isIsoDay } from './dates';
import type { FieldErrors } from './problem';

export const TITLE_MAX = 300;

export interface NotaFormValues {
  title: string;
  dossier: string;
  uwKenmerk: string;
  dueOn: string;
  reviewers: string[];
  decider: string;
  coSigners: string[];
  ministerraad: boolean;
}

/** The request the API takes, empty optional fields left out; reviewer rows keep their places, as errors name them. */
export function toCreateNotaRequest(values: NotaFormValues): CreateNotaRequest {
  const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
  return {
    title: values.title.trim(),
    dossier: optional(values.dossier),
    uwKenmerk: optional(values.uwKenmerk),
    dueOn: optional(values.dueOn),
    route: {
      reviewers: values.reviewers.map((r) => r.trim()),
      decider: values.decider.trim(),
      coSigners: values.coSigners,
      ministerraad: values.ministerraad,
    },
  };
}

/**
 * The checks of the API's CreateNotaDto, made before sending so the user hears at once; field names are the
 * API's, so its own answer lands on the same fields. Who may be on the route only the API can tell.
 */
export function validateNotaForm(values: NotaFormValues): FieldErrors {
  const errors: FieldErrors = {};
  const request = toCreateNotaRequest(values);
  if (!request.title) errors.title = 'Vul het onderwerp in.';
  else if (request.title.length > TITLE_MAX) errors.title = `Gebruik hoogstens ${TITLE_MAX} tekens.`;
  if (request.dossier && !KAMERSTUK_DOSSIER_PATTERN.test(request.dossier)) {
    errors.dossier = 'Vul een Kamerstukdossiernummer in, zoals 28 638.';
  }
  if (request.uwKenmerk && !UW_KENMERK_PATTERN.test(request.uwKenmerk)) {
    errors.uwKenmerk = 'Vul het kenmerk van de Kamer in zoals 2023Z13980/2023D36886 (of één van beide delen).';
  }
  if (request.dueOn && !isIsoDay(request.dueOn)) errors.dueOn = 'Vul een bestaande datum in.';
  const seen = new Set<string>();
  values.reviewers.forEach((raw, i) => {
    const reviewer = raw.trim();
    if (!reviewer) errors[`route.reviewers[${i}]`] = 'Vul een parafeerder in, of haal deze regel weg.';
    else if (seen.has(reviewer)) errors[`route.reviewers[${i}]`] = 'Noem iedere parafeerder één keer.';
    seen.add(reviewer);
  });
  if (!request.route.decider) errors['route.decider'] = 'Vul de bewindspersoon in die besluit.';
  return errors;
}
