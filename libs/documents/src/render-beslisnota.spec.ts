import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BeslisnotaContent } from './beslisnota';
import { renderBeslisnota } from './render-beslisnota';
import { extractText } from './text-extraction';

/** The nota of 17 June 2024 (seed 002), shortened. */
const seed: BeslisnotaContent = {
  onderwerp: 'Actieplan programma Samen tegen mensenhandel',
  datum: '2024-06-17',
  afzender: [
    'Directoraat-Generaal Rechtspleging en Rechtshandhaving',
    'Directie Rechtshandhaving en Criminaliteitsbestrijding',
    'Cybercrime en zeden',
  ],
  dossiernummer: '2',
  bijlagen: [
    'Kamerbrief Actieplan programma Samen tegen mensenhandel',
    'Versterkt Actieplan programma Samen tegen mensenhandel',
  ],
  aanleiding: 'Het Actieplan is in de ministerraad van 14 juni 2024 akkoord bevonden.',
  geadviseerdBesluit: 'U wordt gevraagd akkoord te gaan met verzending van de brief aan de Kamer met het Actieplan.',
  kernpunten: 'Met ingang van dit jaar zal de komende vier jaar €500.000 extra per jaar beschikbaar zijn.',
  toelichting: 'N.v.t.',
  nietOpenbaar: { informatie: 'N.v.t.', toelichting: 'N.v.t.' },
};
const meta = { onsKenmerk: '5552554', ministerie: 'Ministerie van Justitie en Veiligheid' };

describe(renderBeslisnota.name, () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'notaflow-render-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('renders the seeds’ form as a PDF whose text reads back, section 5 included', async () => {
    const file = path.join(dir, 'nota.pdf');
    writeFileSync(file, await renderBeslisnota(seed, meta));
    const text = (await extractText(file, 'application/pdf')).join('\n');
    for (const expected of [
      'Ministerie van Justitie en Veiligheid',
      'Actieplan programma Samen tegen mensenhandel',
      'Ons kenmerk',
      '5552554',
      '17 juni 2024',
      'Dossiernummer',
      '2. Versterkt Actieplan programma Samen tegen mensenhandel',
      '1. Aanleiding',
      '2. Geadviseerd besluit',
      '3. Kernpunten',
      '€500.000',
      '4. Toelichting',
      '5. Informatie die niet openbaar gemaakt kan worden',
      '5.1 Toelichting',
      'Pagina 1 van 1',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('renders the same content to the same bytes', async () => {
    const [first, second] = await Promise.all([renderBeslisnota(seed, meta), renderBeslisnota(seed, meta)]);
    expect(first.equals(second)).toBe(true);
  });

  it('prints the subsections of the Toelichting that are filled in, in order', async () => {
    const file = path.join(dir, 'toelichting.pdf');
    const content = {
      ...seed,
      toelichting: 'Zie hieronder.',
      toelichtingen: { communicatie: 'Persbericht op de dag van verzending.', politiekeContext: 'Motie Bikker c.s.' },
    };
    writeFileSync(file, await renderBeslisnota(content, meta));
    const text = (await extractText(file, 'application/pdf')).join('\n');
    expect(text.indexOf('4.1 Politieke context')).toBeGreaterThan(text.indexOf('4. Toelichting'));
    expect(text.indexOf('4.8 Communicatie')).toBeGreaterThan(text.indexOf('4.1 Politieke context'));
    expect(text).not.toContain('4.2 Financiële overwegingen');
  });
});
