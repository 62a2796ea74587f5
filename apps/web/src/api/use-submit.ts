import { useCallback, useState } from 'react';
import { fieldErrorsOf, type FieldErrors, type Problem } from '../lib/problem';
import { ApiError } from './client';

export interface Submission {
  busy: boolean;
  /** Per field, from the form's own checks or the API's problem+json `errors`. */
  errors: FieldErrors;
  /** What went wrong as a whole, for a message above the form. */
  failure: string | undefined;
  /** The refusal behind the failure, for a form that says more about some codes than their words. */
  problem: Problem | undefined;
  setErrors(errors: FieldErrors): void;
  /** Runs the request; true when it succeeded. */
  run(action: () => Promise<unknown>): Promise<boolean>;
}

export function useSubmit(): Submission {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string>();
  const [problem, setProblem] = useState<Problem>();

  const run = useCallback(async (action: () => Promise<unknown>) => {
    setBusy(true);
    setFailure(undefined);
    setProblem(undefined);
    setErrors({});
    try {
      await action();
      return true;
    } catch (error) {
      const apiError = error instanceof ApiError ? error : undefined;
      const fields = fieldErrorsOf(apiError?.problem);
      setErrors(fields);
      setProblem(apiError?.problem);
      setFailure(
        Object.keys(fields).length
          ? 'Niet alle gegevens zijn juist ingevuld. Zie de meldingen bij de velden.'
          : (apiError?.message ?? 'Er ging iets mis. Probeer het opnieuw.'),
      );
      return false;
    } finally {
      setBusy(false);
    }
  }, []);

  return { busy, errors, failure, problem, setErrors, run };
}
