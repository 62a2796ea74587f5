import { searchKeyOf, snippetParts } from './search';

describe(searchKeyOf.name, () => {
  it.each([
    ['28 638 nr. 248', '28638-248'],
    ['28638-248', '28638-248'],
    ['Kamerstuk 28 638, nr. 248', '28638-248'],
    ['kamerstukken II 28 638 nr 248', '28638-248'],
    ['28 638', '28638'],
    ['36 410-VI nr. 12', '36410-vi-12'],
    ['36 410 VI nr. 12', '36410-vi-12'],
    [' 6000123 ', '6000123'],
    ['ons kenmerk: 6000123', '6000123'],
    ['2023Z13980/2023D36886', '2023z13980/2023d36886'],
    ['2023D36886', '2023d36886'],
  ])('reads %j as the identifier %j', (query, key) => {
    expect(searchKeyOf(query)).toBe(key);
  });

  it.each(['brieven', 'actieplan 2024', 'nr. 248', '28 638 nr.', '', '28638--248'])(
    'finds no identifier in %j',
    (query) => {
      expect(searchKeyOf(query)).toBeNull();
    },
  );
});

describe(snippetParts.name, () => {
  it('splits a snippet into marked and plain parts', () => {
    expect(snippetParts('«Brief» over de «bloemlezing».')).toEqual([
      { text: 'Brief', marked: true },
      { text: ' over de ', marked: false },
      { text: 'bloemlezing', marked: true },
      { text: '.', marked: false },
    ]);
  });

  it('keeps a snippet without marks, or with an unclosed one, as plain text', () => {
    expect(snippetParts('ons kenmerk 6000123')).toEqual([{ text: 'ons kenmerk 6000123', marked: false }]);
    expect(snippetParts('half «open')).toEqual([{ text: 'half «open', marked: false }]);
    expect(snippetParts('')).toEqual([]);
  });
});
