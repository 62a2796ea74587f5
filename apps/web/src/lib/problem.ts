/** An RFC 9457 problem as the API answers every error, with `errors` naming each invalid field of a 400. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: { name: string; reason: string }[];
}

export function isProblem(value: unknown): value is Problem {
  const v = value as Partial<Problem> | null;
  return typeof v === 'object' && v !== null && typeof v.status === 'number' && typeof v.title === 'string';
}

/** Field errors by field name (`title`, `route.reviewers[1]`), in Dutch, as the form shows them at each field. */
export type FieldErrors = Record<string, string>;

/**
 * The API's reasons are English and fixed by the validators; the ones users meet in the forms are said again in
 * Dutch. Anything unknown is shown as it came, which beats hiding it.
 */
const REASONS: [RegExp, (...groups: string[]) => string][] = [
  [/^should not be empty$|^must not be empty$|^must not be blank$/, () => 'Vul dit veld in.'],
  [/^must be a string$/, () => 'Vul hier tekst in.'],
  [/^must be shorter than or equal to (\d+) characters$/, (n) => `Gebruik hoogstens ${n} tekens.`],
  [/^must be a real date written YYYY-MM-DD$/, () => 'Vul een bestaande datum in.'],
  [/^must be a Kamerstuk dossier number such as 28 638$/, () => 'Vul een Kamerstukdossiernummer in, zoals 28 638.'],
  [
    /^must look like 2023Z13980\/2023D36886 \(or either half\)$/,
    () => 'Vul het kenmerk van de Kamer in zoals 2023Z13980/2023D36886 (of één van beide delen).',
  ],
  [/^is not a known user: (.+)$/, (name) => `${name} is geen bekende gebruiker.`],
  [/^(.+) is not a reviewer$/, (name) => `${name} is geen parafeerder.`],
  [/^(.+) is not a decider$/, (name) => `${name} is geen bewindspersoon.`],
  [/^(.+) is not of ([A-Z]+)$/, (name, org) => `${name} hoort niet bij ${org}.`],
  [/^is not a known ministry: (.+)$/, (code) => `${code} is geen bekend ministerie.`],
  [/^(.+) does not co-sign$/, (code) => `${code} ondertekent niet mee.`],
  [/^(.+) is the nota's own ministry$/, (code) => `${code} is het eigen ministerie van de nota.`],
  [/^must not name a reviewer twice$/, () => 'Noem iedere parafeerder één keer.'],
  [/^must not name a ministry twice$/, () => 'Noem ieder ministerie één keer.'],
  [
    /^must be after the current due date (\d{4}-\d{2}-\d{2})$/,
    (day) => `Kies een datum na de huidige termijn (${day}).`,
  ],
  [/^must be a meeting day after today$/, () => 'Kies een vergaderdatum na vandaag.'],
  [/^must not be before from$/, () => 'De einddatum ligt vóór de begindatum.'],
  [/^must be an integer number$/, () => 'Vul een geheel getal in.'],
  [/^must not be less than (\d+)$/, (n) => `Vul ${n} of meer in.`],
  [/^is not a known field$/, () => 'Dit veld kent de server niet.'],
];

export function reasonInDutch(reason: string): string {
  for (const [pattern, say] of REASONS) {
    const match = pattern.exec(reason);
    if (match) return say(...match.slice(1));
  }
  return reason;
}

/** The problem's field errors in Dutch; the first reason per field wins, as a field shows one message. */
export function fieldErrorsOf(problem: Problem | undefined): FieldErrors {
  const errors: FieldErrors = {};
  for (const { name, reason } of problem?.errors ?? []) errors[name] ??= reasonInDutch(reason);
  return errors;
}

/** What went wrong, in Dutch, for a message above a form or on a page. */
export function describeProblem(status: number, problem?: Problem): string {
  switch (status) {
    case 0:
      return 'De server is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.';
    case 400:
      return 'Niet alle gegevens zijn juist ingevuld.';
    case 401:
      return 'U bent niet (meer) aangemeld.';
    case 403:
      return 'U mag dit niet doen met uw rol of organisatie.';
    case 404:
      return 'Dit is niet (meer) te vinden.';
    case 409:
      return 'Dit kan niet meer: de situatie is intussen veranderd.';
    case 429:
      return 'Te veel verzoeken kort na elkaar. Wacht even en probeer het opnieuw.';
    case 503:
      return 'De dienst is tijdelijk niet beschikbaar. Probeer het zo opnieuw.';
    default:
      return problem?.status && problem.status >= 500
        ? 'Er ging iets mis aan de kant van de server. Probeer het opnieuw.'
        : 'Er ging iets mis.';
  }
}
