import { TOELICHTING_SECTIONS, type ToelichtingSection } from '@notaflow/documents/beslisnota';
import type { BeslisnotaRequest } from '../api/types';
import { isIsoDay } from './dates';
import type { FieldErrors } from './problem';

/** The limits of the API's BeslisnotaDto, checked here first so the form says so at the field. */
export const LINE_MAX = 300;
export const SECTION_MAX = 20_000;
export const AFZENDER_LINES_MAX = 6;
export const BIJLAGEN_MAX = 50;

export const TOELICHTING_KEYS = Object.keys(TOELICHTING_SECTIONS) as ToelichtingSection[];
export { TOELICHTING_SECTIONS };

/** The form as typed: the lists (afzender, bijlagen) a line each, every section as its text. */
export interface BeslisnotaFormValues {
  onderwerp: string;
  datum: string;
  afzender: string;
  contactpersoon: string;
  dossiernummer: string;
  bijlagen: string;
  aanleiding: string;
  geadviseerdBesluit: string;
  kernpunten: string;
  toelichting: string;
  toelichtingen: Record<ToelichtingSection, string>;
  nietOpenbaarInformatie: string;
  nietOpenbaarToelichting: string;
}

/** The numbered sections of the body, in the order the PDF prints them, by the API's field names. */
export const MAIN_SECTIONS = [
  {
    name: 'aanleiding',
    label: '1. Aanleiding',
    description: 'Waarom deze nota er is: het verzoek, de vraag of de gebeurtenis.',
  },
  {
    name: 'geadviseerdBesluit',
    label: '2. Geadviseerd besluit',
    description: 'Wat u de bewindspersoon vraagt te besluiten.',
  },
  { name: 'kernpunten', label: '3. Kernpunten', description: undefined },
  {
    name: 'toelichting',
    label: '4. Toelichting',
    description:
      'Schrijf "N.v.t." als u de toelichting in de onderdelen 4.1 tot en met 4.9 geeft of er niets toe te lichten is.',
  },
] as const satisfies readonly { name: keyof BeslisnotaFormValues; label: string; description?: string }[];

/** Where the error summary and the API's field names (`afzender[2]`, `nietOpenbaar.informatie`) point: an input id. */
export function beslisnotaFieldId(name: string): string {
  return name.replace(/\[\d+\]$/, '').replace(/\./g, '-');
}

function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

function emptyToelichtingen(): Record<ToelichtingSection, string> {
  return Object.fromEntries(TOELICHTING_KEYS.map((key) => [key, ''])) as Record<ToelichtingSection, string>;
}

/** A new beslisnota: the nota's subject, today's date and the titles of the bijlagen already with the version. */
export function newBeslisnota(start: { onderwerp: string; datum: string; bijlagen: string[] }): BeslisnotaFormValues {
  return {
    onderwerp: start.onderwerp,
    datum: start.datum,
    afzender: '',
    contactpersoon: '',
    dossiernummer: '',
    bijlagen: start.bijlagen.join('\n'),
    aanleiding: '',
    geadviseerdBesluit: '',
    kernpunten: '',
    toelichting: '',
    toelichtingen: emptyToelichtingen(),
    nietOpenbaarInformatie: '',
    nietOpenbaarToelichting: '',
  };
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v) => typeof v === 'string') : []);

/**
 * The form filled with a beslisnota written before (GET /documents/{id} `content`), so a new version is edited
 * rather than typed again. Read defensively: the content is stored JSON, typed loosely by the API's document.
 */
export function beslisnotaFromContent(content: unknown): BeslisnotaFormValues | undefined {
  if (typeof content !== 'object' || content === null) return undefined;
  const c = content as Record<string, unknown>;
  if (typeof c.onderwerp !== 'string' || typeof c.aanleiding !== 'string') return undefined;
  const toelichtingen = (typeof c.toelichtingen === 'object' && c.toelichtingen) || {};
  const nietOpenbaar = ((typeof c.nietOpenbaar === 'object' && c.nietOpenbaar) || {}) as Record<string, unknown>;
  return {
    onderwerp: c.onderwerp,
    datum: text(c.datum),
    afzender: list(c.afzender).join('\n'),
    contactpersoon: text(c.contactpersoon),
    dossiernummer: text(c.dossiernummer),
    bijlagen: list(c.bijlagen).join('\n'),
    aanleiding: c.aanleiding,
    geadviseerdBesluit: text(c.geadviseerdBesluit),
    kernpunten: text(c.kernpunten),
    toelichting: text(c.toelichting),
    toelichtingen: Object.fromEntries(
      TOELICHTING_KEYS.map((key) => [key, text((toelichtingen as Record<string, unknown>)[key])]),
    ) as Record<ToelichtingSection, string>,
    nietOpenbaarInformatie: text(nietOpenbaar.informatie),
    nietOpenbaarToelichting: text(nietOpenbaar.toelichting),
  };
}

/** The form's own checks, under the API's field names; the API checks the same again. */
export function validateBeslisnota(values: BeslisnotaFormValues): FieldErrors {
  const errors: FieldErrors = {};
  const required = (name: string, value: string, message: string, max = SECTION_MAX) => {
    if (!value.trim()) errors[name] = message;
    else if (value.trim().length > max) errors[name] = `Gebruik hoogstens ${max.toLocaleString('nl-NL')} tekens.`;
  };
  required('onderwerp', values.onderwerp, 'Vul het onderwerp van de nota in.', LINE_MAX);
  if (!isIsoDay(values.datum)) errors.datum = 'Vul de datum van de nota in.';
  const afzender = lines(values.afzender);
  if (afzender.length === 0) errors.afzender = 'Vul de afzender in: het directoraat-generaal en de directie.';
  else if (afzender.length > AFZENDER_LINES_MAX) errors.afzender = `Gebruik hoogstens ${AFZENDER_LINES_MAX} regels.`;
  else if (afzender.some((line) => line.length > LINE_MAX))
    errors.afzender = `Houd iedere regel onder ${LINE_MAX} tekens.`;
  const bijlagen = lines(values.bijlagen);
  if (bijlagen.length > BIJLAGEN_MAX) errors.bijlagen = `Noem hoogstens ${BIJLAGEN_MAX} bijlagen.`;
  else if (bijlagen.some((line) => line.length > LINE_MAX))
    errors.bijlagen = `Houd iedere titel onder ${LINE_MAX} tekens.`;
  if (values.contactpersoon.trim().length > LINE_MAX) errors.contactpersoon = `Gebruik hoogstens ${LINE_MAX} tekens.`;
  if (values.dossiernummer.trim().length > 50) errors.dossiernummer = 'Gebruik hoogstens 50 tekens.';
  required('aanleiding', values.aanleiding, 'Beschrijf de aanleiding.');
  required('geadviseerdBesluit', values.geadviseerdBesluit, 'Beschrijf het geadviseerde besluit.');
  required('kernpunten', values.kernpunten, 'Vat de kernpunten samen.');
  required('toelichting', values.toelichting, 'Geef een toelichting, of schrijf "N.v.t.".');
  for (const key of TOELICHTING_KEYS) {
    if (values.toelichtingen[key].trim().length > SECTION_MAX) {
      errors[`toelichtingen.${key}`] = `Gebruik hoogstens ${SECTION_MAX.toLocaleString('nl-NL')} tekens.`;
    }
  }
  required(
    'nietOpenbaar.informatie',
    values.nietOpenbaarInformatie,
    'Noem de informatie die niet openbaar kan worden, of schrijf "N.v.t.".',
  );
  required('nietOpenbaar.toelichting', values.nietOpenbaarToelichting, 'Licht toe waarom, of schrijf "N.v.t.".');
  return errors;
}

/** What POST /notas/{id}/beslisnota takes: lists split into lines, optional fields and empty subsections left out. */
export function toBeslisnotaRequest(values: BeslisnotaFormValues): BeslisnotaRequest {
  const toelichtingen = Object.fromEntries(
    TOELICHTING_KEYS.map((key) => [key, values.toelichtingen[key].trim()]).filter(([, value]) => value),
  );
  return {
    onderwerp: values.onderwerp.trim(),
    datum: values.datum,
    afzender: lines(values.afzender),
    ...(values.contactpersoon.trim() ? { contactpersoon: values.contactpersoon.trim() } : {}),
    ...(values.dossiernummer.trim() ? { dossiernummer: values.dossiernummer.trim() } : {}),
    bijlagen: lines(values.bijlagen),
    aanleiding: values.aanleiding.trim(),
    geadviseerdBesluit: values.geadviseerdBesluit.trim(),
    kernpunten: values.kernpunten.trim(),
    toelichting: values.toelichting.trim(),
    ...(Object.keys(toelichtingen).length ? { toelichtingen } : {}),
    nietOpenbaar: {
      informatie: values.nietOpenbaarInformatie.trim(),
      toelichting: values.nietOpenbaarToelichting.trim(),
    },
  };
}
