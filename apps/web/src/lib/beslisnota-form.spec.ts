import {
  beslisnotaFieldId,
  beslisnotaFromContent,
  newBeslisnota,
  toBeslisnotaRequest,
  validateBeslisnota,
  type BeslisnotaFormValues,
} from './beslisnota-form';

describe('the beslisnota form', () => {
  const filled: BeslisnotaFormValues = {
    ...newBeslisnota({ onderwerp: 'Actieplan programma Samen tegen mensenhandel', datum: '2024-06-17', bijlagen: [] }),
    afzender: 'Directoraat-Generaal Rechtspleging en Rechtshandhaving\n\n  Directie Rechtshandhaving  \n',
    bijlagen: 'Kamerbrief Actieplan\nActieplan Samen tegen mensenhandel',
    aanleiding: 'Het Actieplan is in de ministerraad akkoord bevonden.',
    geadviseerdBesluit: 'Akkoord gaan met verzending van de brief.',
    kernpunten: 'Extra middelen.',
    toelichting: 'N.v.t.',
    nietOpenbaarInformatie: 'N.v.t.',
    nietOpenbaarToelichting: 'N.v.t.',
  };

  it('sends lists a line each, and leaves out what is empty', () => {
    const request = toBeslisnotaRequest({
      ...filled,
      toelichtingen: { ...filled.toelichtingen, krachtenveld: ' De VNG steunt het plan. ' },
    });
    expect(request).toEqual({
      onderwerp: 'Actieplan programma Samen tegen mensenhandel',
      datum: '2024-06-17',
      afzender: ['Directoraat-Generaal Rechtspleging en Rechtshandhaving', 'Directie Rechtshandhaving'],
      bijlagen: ['Kamerbrief Actieplan', 'Actieplan Samen tegen mensenhandel'],
      aanleiding: 'Het Actieplan is in de ministerraad akkoord bevonden.',
      geadviseerdBesluit: 'Akkoord gaan met verzending van de brief.',
      kernpunten: 'Extra middelen.',
      toelichting: 'N.v.t.',
      toelichtingen: { krachtenveld: 'De VNG steunt het plan.' },
      nietOpenbaar: { informatie: 'N.v.t.', toelichting: 'N.v.t.' },
    });
    expect(toBeslisnotaRequest(filled)).not.toHaveProperty('toelichtingen');
  });

  it('names every missing section under the API’s field names', () => {
    expect(validateBeslisnota(filled)).toEqual({});
    const empty = newBeslisnota({ onderwerp: '', datum: '', bijlagen: [] });
    expect(Object.keys(validateBeslisnota(empty)).sort()).toEqual(
      [
        'aanleiding',
        'afzender',
        'datum',
        'geadviseerdBesluit',
        'kernpunten',
        'nietOpenbaar.informatie',
        'nietOpenbaar.toelichting',
        'onderwerp',
        'toelichting',
      ].sort(),
    );
    expect(validateBeslisnota({ ...filled, afzender: 'a\nb\nc\nd\ne\nf\ng' }).afzender).toMatch(/hoogstens 6/);
  });

  it('opens a beslisnota written before with its sections', () => {
    const content = toBeslisnotaRequest({
      ...filled,
      toelichtingen: { ...filled.toelichtingen, communicatie: 'Persbericht.' },
    });
    const values = beslisnotaFromContent(content);
    expect(values && toBeslisnotaRequest(values)).toEqual(content);
    expect(beslisnotaFromContent(null)).toBeUndefined();
    expect(beslisnotaFromContent({ something: 'else' })).toBeUndefined();
  });

  it('points the API’s field names at the inputs', () => {
    expect(beslisnotaFieldId('afzender[2]')).toBe('afzender');
    expect(beslisnotaFieldId('nietOpenbaar.informatie')).toBe('nietOpenbaar-informatie');
    expect(beslisnotaFieldId('toelichtingen.krachtenveld')).toBe('toelichtingen-krachtenveld');
  });
});
