import { describeProblem, fieldErrorsOf, isProblem, reasonInDutch, type Problem } from './problem';

describe('problem+json to field errors', () => {
  const problem: Problem = {
    type: 'https://notaflow.example/problems/bad-request',
    title: 'Bad Request',
    status: 400,
    detail: 'The route names unknown or unfit participants.',
    errors: [
      { name: 'route.reviewers[1]', reason: 'is not a known user: jenv.onbekend' },
      { name: 'route.reviewers[1]', reason: 'must be a string' },
      { name: 'route.decider', reason: 'jenv.staff is not a decider' },
      { name: 'route.coSigners[0]', reason: "JENV is the nota's own ministry" },
      { name: 'uwKenmerk', reason: 'must look like 2023Z13980/2023D36886 (or either half)' },
      { name: 'title', reason: 'must be shorter than or equal to 300 characters' },
    ],
  };

  it('maps each field the API names to one Dutch message, the first reason winning', () => {
    expect(fieldErrorsOf(problem)).toEqual({
      'route.reviewers[1]': 'jenv.onbekend is geen bekende gebruiker.',
      'route.decider': 'jenv.staff is geen bewindspersoon.',
      'route.coSigners[0]': 'JENV is het eigen ministerie van de nota.',
      uwKenmerk: 'Vul het kenmerk van de Kamer in zoals 2023Z13980/2023D36886 (of één van beide delen).',
      title: 'Gebruik hoogstens 300 tekens.',
    });
  });

  it('keeps a reason it cannot say in Dutch as it came', () => {
    expect(reasonInDutch('leaves no ministerraad meeting to plan on')).toBe(
      'leaves no ministerraad meeting to plan on',
    );
  });

  it('has no field errors without a problem, or for one without errors', () => {
    expect(fieldErrorsOf(undefined)).toEqual({});
    expect(fieldErrorsOf({ ...problem, status: 409, errors: undefined })).toEqual({});
  });

  it('recognises a problem and says what went wrong', () => {
    expect(isProblem(problem)).toBe(true);
    expect(isProblem({ message: 'no' })).toBe(false);
    expect(isProblem(null)).toBe(false);
    expect(describeProblem(409)).toMatch(/intussen veranderd/);
    expect(describeProblem(0)).toMatch(/niet bereikbaar/);
    expect(describeProblem(500, { ...problem, status: 500 })).toMatch(/server/);
  });
});
