import { unstorableText } from './text';

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
