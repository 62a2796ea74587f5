import { textChanges } from './changes';

describe(textChanges.name, () => {
  it('gives each changed run of words with the page of the newer version', () => {
    const from = ['1. Aanleiding\nDe Kamer vroeg om een plan.', '2. Geadviseerd besluit\nAkkoord gaan met verzending.'];
    const to = [
      '1. Aanleiding\nDe Kamer vroeg om een versterkt plan.',
      '2. Geadviseerd besluit\nAkkoord gaan met de brief.',
    ];
    expect(textChanges(from, to)).toEqual([
      { page: 1, removed: '', added: 'versterkt' },
      { page: 2, removed: 'verzending', added: 'de brief' },
    ]);
  });

  it('finds no change where only white space moved', () => {
    expect(textChanges(['Het  Actieplan\nis klaar.'], ['Het Actieplan is\nklaar.'])).toEqual([]);
  });

  it('has no page numbers for a document without pages', () => {
    expect(textChanges(['Een nota zonder pagina’s.'], ['Een nota zonder bladzijden.'])).toEqual([
      { page: null, removed: 'pagina’s', added: 'bladzijden' },
    ]);
  });

  it('places text removed from the end on the last page', () => {
    expect(textChanges(['a b', 'c d e'], ['a b', 'c d'])).toEqual([{ page: 2, removed: 'e', added: '' }]);
  });
});
