import { FIELD_ERROR_CODES, PROBLEM_CODES } from '@notaflow/domain';
import { describeProblem, fieldErrorsOf, fieldMessage, isProblem, type FieldProblem, type Problem } from './problem';
import { FIELD_MESSAGES, PROBLEM_MESSAGES } from './problem-messages';

describe('problem+json to Dutch', () => {
  const problem: Problem = {
    type: 'https://notaflow.example/problems/validation-failed',
    title: 'Bad Request',
    status: 400,
    code: 'validation_failed',
    detail: 'The route names unknown or unfit participants.',
    errors: [
      {
        name: 'route.reviewers[1]',
        code: 'unknown_user',
        reason: 'is not a known user: jenv.onbekend',
        params: { value: 'jenv.onbekend' },
      },
      { name: 'route.reviewers[1]', code: 'not_text', reason: 'must be a string' },
      {
        name: 'route.decider',
        code: 'wrong_role',
        reason: 'jenv.staff is not a decider',
        params: { value: 'jenv.staff', role: 'decider' },
      },
      {
        name: 'route.coSigners[0]',
        code: 'own_ministry',
        reason: "JENV is the nota's own ministry",
        params: { value: 'JENV' },
      },
      { name: 'uwKenmerk', code: 'bad_format', reason: 'must look like 2023Z13980/2023D36886 (or either half)' },
      {
        name: 'title',
        code: 'too_long',
        reason: 'must be shorter than or equal to 300 characters',
        params: { max: 300 },
      },
    ],
  };

  it('maps each field the API names to one Dutch message by its code and params, the first winning', () => {
    expect(fieldErrorsOf(problem)).toEqual({
      'route.reviewers[1]': 'jenv.onbekend is geen bekende gebruiker.',
      'route.decider': 'jenv.staff is geen bewindspersoon.',
      'route.coSigners[0]': 'JENV is het eigen ministerie van de nota.',
      uwKenmerk: 'Vul het kenmerk van de Kamer in zoals 2023Z13980/2023D36886 (of één van beide delen).',
      title: 'Gebruik hoogstens 300 tekens.',
    });
  });

  it('says a code the same whatever the English reason, and with the params it carries', () => {
    const field = (error: Omit<FieldProblem, 'reason'>) => fieldMessage({ reason: 'any text at all', ...error });
    expect(field({ name: 'title', code: 'too_long', params: { max: 200 } })).toBe('Gebruik hoogstens 200 tekens.');
    expect(field({ name: 'reviewers', code: 'unknown_user', params: { value: 'jenv.x' } })).toBe(
      'jenv.x is geen bekende gebruiker.',
    );
    expect(field({ name: 'requestedDueOn', code: 'not_after_current_due', params: { value: '2024-05-01' } })).toBe(
      'Kies een datum na de huidige termijn (1 mei 2024).',
    );
    expect(field({ name: 'route.reviewers', code: 'duplicate' })).toBe('Noem iedere parafeerder één keer.');
    expect(field({ name: 'dossier', code: 'bad_format' })).toBe('Vul een Kamerstukdossiernummer in, zoals 28 638.');
    // Without the params its words need, a code still has words.
    expect(field({ name: 'title', code: 'too_long' })).toBe('Dit is te lang.');
  });

  it('has words for every problem code and every field code', () => {
    for (const code of PROBLEM_CODES) expect(PROBLEM_MESSAGES[code]).toMatch(/\.$/);
    for (const code of FIELD_ERROR_CODES) expect(FIELD_MESSAGES[code]({})).toMatch(/\.$/);
  });

  it("keeps the reason of a field code it does not know yet as it came (a newer API's)", () => {
    const newer = { name: 'title', code: 'too_pompous', reason: 'sounds too grand' } as unknown as FieldProblem;
    expect(fieldMessage(newer)).toBe('sounds too grand');
  });

  it('has no field errors without a problem, or for one without errors', () => {
    expect(fieldErrorsOf(undefined)).toEqual({});
    expect(fieldErrorsOf({ ...problem, status: 409, code: 'task_not_open', errors: undefined })).toEqual({});
  });

  it('recognises a problem and says what went wrong by its code, else by the status', () => {
    expect(isProblem(problem)).toBe(true);
    expect(isProblem({ message: 'no' })).toBe(false);
    expect(isProblem(null)).toBe(false);
    expect(describeProblem(409, { ...problem, status: 409, code: 'task_not_open' })).toBe(
      'Dit kan niet meer: de taak is intussen afgehandeld of vervallen.',
    );
    expect(describeProblem(409, { ...problem, status: 409, code: 'a_code_of_a_later_release' as never })).toMatch(
      /intussen veranderd/,
    );
    expect(describeProblem(0)).toMatch(/niet bereikbaar/);
    expect(describeProblem(502)).toMatch(/server/);
  });
});
