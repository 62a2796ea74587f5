import type { DateRange, IsoDate } from '../iso-date';

export interface SourcedMinisterraadBreak extends DateRange {
  name: string;
  source: string;
}

export interface SourcedMinisterraadMeeting {
  date: IsoDate;
  source: string;
}

const period = (name: string, from: string, to: string, source: string) => Object.freeze({ name, from, to, source });

/*
 * The ministerraad's summer breaks, as periods without meetings (both ends included): from the day after the last
 * meeting before the summer to the day before the first one after it. Left out because no source gives both ends:
 * 2019 (last meeting 12 July 2019, per rd.nl; the first after the summer was not found), 2020, 2021, 2025, 2026, 2027.
 */
export const ministerraadBreaksSeed: readonly SourcedMinisterraadBreak[] = Object.freeze([
  period(
    'zomerreces ministerraad 2018',
    '2018-07-14',
    '2018-08-16',
    'nieuws.nl, 13 July 2018, "Vier ministers vallen in voor Rutte": the cabinet met "vrijdag voorlopig voor het ' +
      'laatst" (13 July); "De eerstvolgende ministerraad is 17 augustus" (https://nieuws.nl/algemeen/20180713/' +
      'vier-ministers-vallen-in-voor-rutte/)',
  ),
  period(
    'zomerreces ministerraad 2022',
    '2022-07-16',
    '2022-08-14',
    'nu.nl, July 2022: "het kabinet heeft tussen 15 juli en 15 augustus geen ministerraad" (https://www.nu.nl/' +
      'politiek/6214963/waarom-gaan-kamer-en-kabinet-op-reces-terwijl-er-genoeg-problemen-zijn.html)',
  ),
  period(
    'zomerreces ministerraad 2023',
    '2023-07-15',
    '2023-08-17',
    'Last meeting vrijdag 14 juli 2023, "de zomerstop, die duurt tot 18 augustus" (rd.nl, https://www.rd.nl/artikel/' +
      '1027922-laatste-ministerraad-zal-geen-drastische-besluiten-opleveren); 18 August 2023 "was de eerste ' +
      'ministerraad na het zomerreces" (Rijksoverheid, https://www.rijksoverheid.nl/actueel/agenda/2023/08/18/' +
      'ministerraad)',
  ),
  period(
    'zomerreces ministerraad 2024',
    '2024-07-13',
    '2024-08-15',
    'As planned on 21 June 2024, not confirmed afterwards: the new cabinet meets "op 5 en 12 juli" and "de eerste ' +
      'ministerraad na het reces [is] gepland op 16 augustus" (nieuws.nl, https://nieuws.nl/algemeen/20240621/' +
      'rutte-zit-zijn-laatste-ministerraad-voor/)',
  ),
]);

/*
 * Meetings the Friday rule does not give. Left out: Tuesday 3 June 2025, when the minister-president convened the
 * ministerraad after the PVV left the coalition; the date is only inferred from reports of that day.
 */
export const ministerraadExtraMeetingsSeed: readonly SourcedMinisterraadMeeting[] = Object.freeze([
  Object.freeze({
    date: '2024-07-02',
    source:
      'The first ministerraad of the kabinet-Schoof, on the day of its beëdiging (Tuesday): "De eerste ministerraad van ' +
      'het nieuwe kabinet is al vanmiddag" (NOS, https://nos.nl/artikel/2526996-vandaag-beediging-kabinet-schoof-' +
      'zo-ziet-de-dag-eruit)',
  }),
]);
