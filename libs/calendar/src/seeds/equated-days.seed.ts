import type { EquatedDay } from '../equated-days';

/*
 * The days equated with a general holiday (Algemene termijnenwet art. 3 lid 3) that could be traced to a source, as
 * the first content of the admin-maintained list. A decree names only its days; each `reason` is our description of
 * the day, checked against the holidays it bridges. What is left out, and why:
 * - before 2014: earlier decrees exist (BWBR0027755 for 2011-2013, BWBR0022669 for 2007-2010), but holidays.ts
 *   models today's Koningsdag, not the Koninginnedag of those years, so their working days are not faithful anyway;
 * - 2020 and 2021: no source names their days, and the 2020-2022 decree itself was not found. Its 2022 day is
 *   included from a secondary source, said so in its `source`.
 * - after 2028: no decree yet.
 */

const DECREE_2013 =
  'Besluit van 17 juni 2013, nr. 13.001210, houdende gelijkstelling van 30 mei 2014, 2 januari, 4 en 15 mei 2015 en ' +
  '6 mei 2016 met een algemeen erkende feestdag (https://wetten.overheid.nl/BWBR0033679; Staatscourant number not ' +
  'found)';

const DECREE_2016 =
  'Besluit van 24 oktober 2016, nr. 2016001827, houdende gelijkstelling van 28 april en 26 mei 2017, 11 mei en 24 en ' +
  '31 december 2018 en 31 mei en 27 december 2019 met een algemeen erkende feestdag, Stcrt. 2016, 58653 ' +
  '(https://wetten.overheid.nl/BWBR0038666/2016-11-01; the Staatscourant number as cited by uitvaart.nl, vraag 50535)';

const SECONDARY_2022 =
  'Secondary source only, the decree for 2020-2022 was not found: wvhl.nl, "Algemene termijnenwet 2022: Feestdagen en ' +
  'gelijkgestelde dagen" (https://wvhl.nl/algemeen/de-algemene-termijnenwet), which lists vrijdag 27 mei 2022 as "door ' +
  'de wetgever als aan een feestdag gelijkgestelde dag"';

const DECREE_2023_2025 =
  'Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 en 30 mei 2025 met een ' +
  'algemeen erkende feestdag (citeertitel as quoted by sterfgeval.nl, vraag 70745; decree date, Staatscourant number ' +
  'and BWB id not found)';

const DECREE_2026_2028 =
  'Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028 met een algemeen ' +
  'erkende feestdag (https://wetten.overheid.nl/BWBR0051300/2025-07-22; decree date and Staatscourant number not found)';

const day = (date: string, reason: string, source: string): EquatedDay => Object.freeze({ date, reason, source });

/** In date order; plain data for the API to seed its admin-maintained list from. */
export const equatedDaysSeed: readonly EquatedDay[] = Object.freeze([
  day('2014-05-30', 'vrijdag na Hemelvaartsdag', DECREE_2013),
  day('2015-01-02', 'vrijdag na Nieuwjaarsdag', DECREE_2013),
  day('2015-05-04', 'maandag voor Bevrijdingsdag', DECREE_2013),
  day('2015-05-15', 'vrijdag na Hemelvaartsdag', DECREE_2013),
  day('2016-05-06', 'vrijdag na Hemelvaartsdag', DECREE_2013),
  day('2017-04-28', 'vrijdag na Koningsdag', DECREE_2016),
  day('2017-05-26', 'vrijdag na Hemelvaartsdag', DECREE_2016),
  day('2018-05-11', 'vrijdag na Hemelvaartsdag', DECREE_2016),
  day('2018-12-24', 'maandag voor Eerste Kerstdag', DECREE_2016),
  day('2018-12-31', 'maandag voor Nieuwjaarsdag', DECREE_2016),
  day('2019-05-31', 'vrijdag na Hemelvaartsdag', DECREE_2016),
  day('2019-12-27', 'vrijdag na Tweede Kerstdag', DECREE_2016),
  day('2022-05-27', 'vrijdag na Hemelvaartsdag', SECONDARY_2022),
  day('2023-04-28', 'vrijdag na Koningsdag', DECREE_2023_2025),
  day('2023-05-19', 'vrijdag na Hemelvaartsdag', DECREE_2023_2025),
  day('2024-05-10', 'vrijdag na Hemelvaartsdag', DECREE_2023_2025),
  day('2024-12-27', 'vrijdag na Tweede Kerstdag', DECREE_2023_2025),
  day('2025-05-30', 'vrijdag na Hemelvaartsdag', DECREE_2023_2025),
  day('2026-01-02', 'vrijdag na Nieuwjaarsdag', DECREE_2026_2028),
  day('2026-05-15', 'vrijdag na Hemelvaartsdag', DECREE_2026_2028),
  day('2027-05-07', 'vrijdag na Hemelvaartsdag', DECREE_2026_2028),
  day('2028-04-28', 'vrijdag na Koningsdag', DECREE_2026_2028),
  day('2028-05-26', 'vrijdag na Hemelvaartsdag', DECREE_2026_2028),
]);
