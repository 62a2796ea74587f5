import type { IsoDate } from '@notaflow/calendar';
import type { BeslisnotaContent } from '@notaflow/documents';
import type { DemoNota } from './demo-dossier';

/** The sender of every seed document: the afdeling Cybercrime en zeden of JenV (seed 002's header). */
const AFZENDER = [
  'Directoraat-Generaal Rechtspleging en Rechtshandhaving',
  'Directie Rechtshandhaving en Criminaliteitsbestrijding',
  'Cybercrime en zeden',
];

/** The nota of 17 June 2024 (seed 002), section by section as the seed gives it. */
const NOTA_5552554: Omit<BeslisnotaContent, 'onderwerp'> = {
  datum: '2024-06-17',
  afzender: AFZENDER,
  dossiernummer: '2',
  bijlagen: [
    'Kamerbrief Actieplan programma Samen tegen mensenhandel',
    'Versterkt Actieplan programma Samen tegen mensenhandel',
  ],
  aanleiding:
    "In uw brief van 23 april jl. heeft u de Kamer geïnformeerd over de versterking van het Actieplan programma Samen tegen mensenhandel (hierna: 'het Actieplan'), op basis van de wensen van de Kamer en afstemming met het brede werkveld.\n\n" +
    'Middels bijgevoegde Kamerbrief biedt u, samen met de Staatssecretaris van Volksgezondheid, Welzijn en Sport, de Minister van Buitenlandse Zaken, de Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking en de Minister van Sociale Zaken en Werkgelegenheid, het versterkte Actieplan van het programma Samen tegen mensenhandel aan de Tweede Kamer aan.\n\n' +
    'Het Actieplan is in de ministerraad van 14 juni 2024 akkoord bevonden. Het Actieplan vindt u in de bijlage.',
  geadviseerdBesluit: 'U wordt gevraagd akkoord te gaan met verzending van de brief aan de Kamer met het Actieplan.',
  kernpunten:
    'In het coalitieakkoord van het kabinet-Rutte IV is bepaald dat het programma Samen tegen mensenhandel vanaf 2023 wordt voortgezet. Voor de uitvoering en implementatie van dit programma is per 1 januari 2023 structureel € 2 miljoen beschikbaar.\n\n' +
    'Op 18 oktober 2023, de Europese dag tegen Mensenhandel, is het Actieplan programma Samen tegen mensenhandel naar de Tweede Kamer gestuurd. Hierop volgde een commissiedebat en tweeminutendebat op 21 december 2023, waarin drie moties inzake aanpassing van het Actieplan zijn aangenomen.\n\n' +
    'Om het Actieplan naar aanleiding van de moties te versterken, is binnen de begroting van het ministerie van Justitie en Veiligheid financiële ruimte gecreëerd. Met ingang van dit jaar zal de komende vier jaar €500.000 extra per jaar beschikbaar zijn bovenop de €2 miljoen per jaar. Naar aanleiding van de moties is het Actieplan aangepast.\n\n' +
    'Het Actieplan is inhoudelijk versterkt door extra acties en actielijnen op de volgende onderwerpen: minderjarige slachtoffers, aanpak daders, aanpak klanten, opvang, regionale samenwerking en meldingsbereidheid slachtoffers arbeidsuitbuiting.\n\n' +
    'Zoals eerder benoemd heeft u de Tweede Kamer per brief van 23 april jl. geïnformeerd over de versterking van het Actieplan. Aanvullend heeft u op 7 juni jl. de beantwoording op de vragen van het schriftelijk overleg toegezonden aan de Kamer.',
  toelichting: 'N.v.t.',
  nietOpenbaar: { informatie: 'N.v.t.', toelichting: 'N.v.t.' },
};

/**
 * The nota document of a demo nota, written in the beslisnota form: the seed's own text for the nota of 17 June
 * 2024; for the other demo notas, whose text no seed gives, only their subject and a line saying so, dated the day
 * they are written.
 */
export function demoBeslisnota(demo: DemoNota, today: IsoDate): BeslisnotaContent {
  if (demo.onsKenmerk === '5552554')
    return { onderwerp: 'Actieplan programma Samen tegen mensenhandel', ...NOTA_5552554 };
  const untold = 'De tekst van deze demonota staat niet in de brondocumenten van het dossier.';
  return {
    onderwerp: demo.title,
    datum: today,
    afzender: AFZENDER,
    bijlagen: [],
    aanleiding: untold,
    geadviseerdBesluit: untold,
    kernpunten: untold,
    toelichting: 'N.v.t.',
    nietOpenbaar: { informatie: 'N.v.t.', toelichting: 'N.v.t.' },
  };
}
