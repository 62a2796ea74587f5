import { jsonShapeProblems, MAX_JSON_DEPTH } from './json-shape';

describe(jsonShapeProblems.name, () => {
  it('passes what the API takes', () => {
    expect(
      jsonShapeProblems({ title: 'x', route: { reviewers: ['jenv.dg'], coSigners: [], ministerraad: false } }),
    ).toEqual([]);
  });

  it('refuses a body nested thousands of levels deep, naming where, without overflowing the stack', () => {
    const deep = JSON.parse(`${'['.repeat(10_000)}${']'.repeat(10_000)}`);
    expect(jsonShapeProblems(deep)).toEqual([
      expect.objectContaining({ name: `${'[0]'.repeat(MAX_JSON_DEPTH)}`, code: 'too_deep' }),
    ]);
    const deepObject = JSON.parse(`${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`);
    expect(jsonShapeProblems({ username: 'x', password: deepObject })[0]).toMatchObject({ code: 'too_deep' });
  });

  it('refuses __proto__ and constructor keys as unknown fields instead of dropping them', () => {
    const body = JSON.parse('{"title":"x","__proto__":{"admin":true},"route":{"constructor":{"prototype":1}}}');
    expect(jsonShapeProblems(body)).toEqual(
      expect.arrayContaining([
        { name: '__proto__', code: 'unknown_field', reason: 'is not a known field' },
        { name: 'route.constructor', code: 'unknown_field', reason: 'is not a known field' },
      ]),
    );
    expect(jsonShapeProblems(body)).toHaveLength(2);
  });
});
