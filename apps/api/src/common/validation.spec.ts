import { textFaults } from './validation';

describe(textFaults.name, () => {
  it('finds nothing in text that can be stored, and ignores what is no text', () => {
    expect(textFaults({ title: 'Actieplan', route: { reviewers: ['jenv.dg'] }, days: 3, hold: null })).toEqual([]);
    expect(textFaults(undefined)).toEqual([]);
  });

  it('names every field whose text cannot be stored, nested ones as the validation errors name them', () => {
    expect(
      textFaults({
        title: 'Actie\u0000plan',
        route: { reviewers: ['jenv.dg', 'half \uD83D'], coSigners: [{ organisation: '\u0000' }] },
      }).map((fault) => fault.name),
    ).toEqual(['title', 'route.reviewers[1]', 'route.coSigners[0].organisation']);
  });

  it('names a path parameter by its own name', () => {
    expect(textFaults('\u0000', 'id')).toEqual([
      { name: 'id', code: 'unstorable_text', reason: expect.stringMatching(/NUL/) },
    ]);
  });

  it('walks a body nested deeper than the call stack would go', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(textFaults({ data: deep })).toHaveLength(1);
  });
});
