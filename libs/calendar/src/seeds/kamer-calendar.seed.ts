import type { KamerEvent, KamerRecess } from '../kamer-calendar';

export interface SourcedRecess extends KamerRecess {
  /** As the Kamer names it, e.g. "zomerreces 2024". */
  name: string;
  source: string;
}

export interface SourcedKamerEvent extends KamerEvent {
  source: string;
}

const RECESSEN_PAGE =
  'Tweede Kamer, "Recessen", https://www.tweedekamer.nl/debat_en_vergadering/recessen (the list published for ' +
  'meireces 2023 to zomerreces 2024)';

const recess = (name: string, kind: KamerRecess['kind'], from: string, to: string, source: string) =>
  Object.freeze({ name, kind, from, to, source });

/*
 * The Tweede Kamer's recesses, first day (a Friday) to last day (a Monday) included, as the Kamer publishes them.
 * Left out because no source gives them: herfstreces 2024; kerstreces 2024 (the Kamer's news indicates only its
 * start, with the Voorzitter's speech "aan de vooravond van het kerstreces op donderdagavond 19 december"); voorjaars-, mei-, zomer- and herfstreces 2025 (the elections of 29 October 2025 also
 * brought a verkiezingsreces, whose dates were not found); every recess of 2026 and 2027. The Presidium decides them
 * per year: its besluitenlijsten and the Recessen page are where to complete this list.
 */
export const recessesSeed: readonly SourcedRecess[] = Object.freeze([
  recess('meireces 2023', 'meireces', '2023-04-21', '2023-05-08', RECESSEN_PAGE),
  recess('zomerreces 2023', 'zomerreces', '2023-07-07', '2023-09-04', RECESSEN_PAGE),
  recess('herfstreces 2023', 'herfstreces', '2023-10-13', '2023-10-23', RECESSEN_PAGE),
  recess('kerstreces 2023-2024', 'kerstreces', '2023-12-22', '2024-01-15', RECESSEN_PAGE),
  recess('voorjaarsreces 2024', 'voorjaarsreces', '2024-02-16', '2024-02-26', RECESSEN_PAGE),
  recess('meireces 2024', 'meireces', '2024-04-26', '2024-05-13', RECESSEN_PAGE),
  recess('zomerreces 2024', 'zomerreces', '2024-07-05', '2024-09-02', RECESSEN_PAGE),
  recess(
    'kerstreces 2025-2026',
    'kerstreces',
    '2025-12-19',
    '2026-01-12',
    'Press report, not the Kamer\'s own list: Hart van Nederland, 19 December 2025, "Van vrijdag 19 december tot en ' +
      'met 12 januari is er kerstreces in Den Haag." (https://www.hartvannederland.nl/economie/werk/artikelen/' +
      'politici-snakken-naar-kerstreces-na-intens-jaar-vooral-veel-slapen-eten)',
  ),
]);

const event = (kind: KamerEvent['kind'], from: string, to: string, source: string, organisation?: string) =>
  Object.freeze(organisation ? { kind, from, to, organisation, source } : { kind, from, to, source });

/*
 * Plenary events the dossier's documents refer to ("vóór de Algemene Politieke Beschouwingen", "tot na de
 * begrotingsbehandeling" of Justitie en Veiligheid). The APB are held the Wednesday and Thursday after Prinsjesdag;
 * each is dated here from the Handelingen of its second day and a report of its first. Left out: the APB of 2026 and
 * later (not held yet when this was written); the JenV begrotingsbehandeling of begroting 2026, of which only the first
 * day, woensdag 28 januari 2026, was found (Handelingen II 2025/26, nr. 36), and those of later years.
 */
export const kamerEventsSeed: readonly SourcedKamerEvent[] = Object.freeze([
  event(
    'algemene_politieke_beschouwingen',
    '2023-09-20',
    '2023-09-21',
    'Handelingen II 2023/24, nr. 3, vergadering van donderdag 21 september 2023 (https://www.tweedekamer.nl/' +
      'kamerstukken/plenaire_verslagen/detail/2023-2024/3); the first day, woensdag 20 september 2023, as reported by ' +
      'nu.nl',
  ),
  event(
    'begrotingsbehandeling',
    '2024-02-07',
    '2024-02-08',
    'Begroting Justitie en Veiligheid 2024 (36 410 VI). Tweede Kamer, Kamer in het kort: "Eerste termijn begroting ' +
      'Justitie en Veiligheid - 7 februari 2024" and "Begroting Justitie en Veiligheid afgerond - 8 februari 2024"',
    'JENV',
  ),
  event(
    'algemene_politieke_beschouwingen',
    '2024-09-18',
    '2024-09-19',
    'Handelingen II 2024/25, nr. 3, vergadering van donderdag 19 september 2024; the first day, woensdag ' +
      '18 september 2024, the day after Prinsjesdag, as reported by NOS',
  ),
  event(
    'begrotingsbehandeling',
    '2024-11-20',
    '2024-11-21',
    'Begroting Justitie en Veiligheid 2025 (36 600 VI). Inferred, not stated in one source: ANP (via ' +
      'welingelichtekringen.nl, November 2024) announces the debate on the JenV budget for "woensdag" 20 november ' +
      '2024, and Handelingen II 2024/25, nr. 27, vergadering van donderdag 21 november 2024, has the JenV ministers ' +
      'present',
    'JENV',
  ),
  event(
    'algemene_politieke_beschouwingen',
    '2025-09-17',
    '2025-09-18',
    'Handelingen II 2025/26, nr. 3 ("voortzetting van de Algemene Politieke Beschouwingen", donderdag 18 september ' +
      '2025); the first day, woensdag 17 september 2025, as reported by revu.nl',
  ),
]);
