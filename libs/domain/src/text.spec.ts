import { storableText, unstorableText } from './text';

describe(unstorableText.name, () => {
  it.each([
    'Akkoord, met dank voor de afstemming',
    '',
    'Ministerie van Volksgezondheid, Welzijn en Sport — “medeondertekening” ✓',
    'emoji in a pair: \uD83D\uDCDC',
    'tab\tand newline\n are text',
  ])('accepts %j', (text) => {
    expect(unstorableText(text)).toBeNull();
  });

  it.each([
    ['a NUL character', 'reden\u0000', /NUL/],
    ['a high surrogate alone', 'a\uD83Db', /surrogate/],
    ['a high surrogate at the end', 'a\uD83D', /surrogate/],
    ['a low surrogate alone', '\uDCDCa', /surrogate/],
    ['two high surrogates', '\uD83D\uD83D\uDCDC', /surrogate/],
  ])('refuses %s', (_what, text, reason) => {
    expect(unstorableText(text)).toMatch(reason);
  });
});

describe(storableText.name, () => {
  it('replaces only what cannot be stored, each by U+FFFD', () => {
    expect(storableText('jenv\u0000.dg \uD83D\uDCDC \uD83D|\uDCDC')).toBe('jenv\uFFFD.dg \uD83D\uDCDC \uFFFD|\uFFFD');
    expect(unstorableText(storableText('a\u0000\uD800\u0000'))).toBeNull();
  });
});
