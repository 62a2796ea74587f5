import { toCreateNotaRequest, validateNotaForm, type NotaFormValues } from './nota-form';

describe('the register form', () => {
  const valid: NotaFormValues = {
    title: '  Actieplan programma Samen tegen mensenhandel ',
    dossier: '28 638',
    uwKenmerk: '2023Z13980/2023D36886',
    dueOn: '2024-06-21',
    reviewers: ['jenv.afdelingshoofd', 'jenv.directeur', 'jenv.dg'],
    decider: 'jenv.bewindspersoon',
    coSigners: ['VWS', 'BZ', 'BHO', 'SZW'],
    ministerraad: true,
  };

  it('sends what the API takes, optional fields left out when empty', () => {
    expect(toCreateNotaRequest(valid)).toEqual({
      title: 'Actieplan programma Samen tegen mensenhandel',
      dossier: '28 638',
      uwKenmerk: '2023Z13980/2023D36886',
      dueOn: '2024-06-21',
      route: {
        reviewers: ['jenv.afdelingshoofd', 'jenv.directeur', 'jenv.dg'],
        decider: 'jenv.bewindspersoon',
        coSigners: ['VWS', 'BZ', 'BHO', 'SZW'],
        ministerraad: true,
      },
    });
    const bare = toCreateNotaRequest({ ...valid, dossier: ' ', uwKenmerk: '', dueOn: '' });
    expect(bare).not.toHaveProperty('dossier', expect.anything());
    expect(JSON.parse(JSON.stringify(bare))).not.toHaveProperty('uwKenmerk');
  });

  it('finds nothing wrong with a good nota', () => {
    expect(validateNotaForm(valid)).toEqual({});
  });

  it('checks what the API checks, under the names the API uses', () => {
    expect(
      validateNotaForm({
        ...valid,
        title: ' ',
        dossier: '28638a',
        uwKenmerk: '2023X13980',
        dueOn: '2023-02-30',
        reviewers: ['jenv.dg', '', 'jenv.dg'],
        decider: '',
      }),
    ).toEqual({
      title: 'Vul het onderwerp in.',
      dossier: 'Vul een Kamerstukdossiernummer in, zoals 28 638.',
      uwKenmerk: 'Vul het kenmerk van de Kamer in zoals 2023Z13980/2023D36886 (of één van beide delen).',
      dueOn: 'Vul een bestaande datum in.',
      'route.reviewers[1]': 'Vul een parafeerder in, of haal deze regel weg.',
      'route.reviewers[2]': 'Noem iedere parafeerder één keer.',
      'route.decider': 'Vul de bewindspersoon in die besluit.',
    });
  });

  it('takes either half of uw kenmerk, and a title of exactly 300 characters', () => {
    expect(validateNotaForm({ ...valid, uwKenmerk: '2023D36886', title: 'x'.repeat(300) })).toEqual({});
    expect(validateNotaForm({ ...valid, title: 'x'.repeat(301) })).toHaveProperty('title');
  });
});
