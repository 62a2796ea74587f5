import { useRef, type FormEvent, type ReactNode } from 'react';
import { ActionGroup, Alert, Button, Paragraph } from '@rijkshuisstijl-community/components-react';
import type { Submission } from '../api/use-submit';
import type { FieldErrors } from '../lib/problem';
import { Dialog } from './Dialog';
import { ErrorSummary } from './ErrorSummary';

interface FormDialogProps<T> {
  open: boolean;
  title: string;
  /** The form's state of sending: its field errors are shown at the fields the children render. */
  submission: Submission;
  submitLabel: string;
  /** The form's own checks before anything is sent: field name -> message. */
  validate?(): FieldErrors;
  /** The request; its answer goes to onDone. */
  send(): Promise<T>;
  onDone(answer: T): void;
  onClose(): void;
  /** The input id of a field the API or the checks name, for the error summary's links; the name itself by default. */
  fieldId?(name: string): string;
  /** What the dialog is about, above what went wrong. */
  intro?: ReactNode;
  /** Said instead of the failure's words, for a refusal that needs more (a link to what changed). */
  failureContent?: ReactNode;
  /** The fields. */
  children?: ReactNode;
}

/**
 * A form in a modal dialog: its own checks, then the request with the submit button busy; what went wrong in an
 * error summary linking to each field (focused, so a screen reader user hears it) or, for the form as a whole, in an
 * alert; Annuleren closes it.
 */
export function FormDialog<T>({
  open,
  title,
  submission,
  submitLabel,
  validate,
  send,
  onDone,
  onClose,
  fieldId = (name) => name,
  intro,
  failureContent,
  children,
}: FormDialogProps<T>) {
  const summary = useRef<HTMLDivElement>(null);
  const alert = useRef<HTMLDivElement>(null);
  const { errors } = submission;
  // The field errors' summary, else the refusal of the form as a whole: either is read out when focused.
  const focusSummary = () => requestAnimationFrame(() => (summary.current ?? alert.current)?.focus());

  async function submit(event: FormEvent) {
    event.preventDefault();
    const own = validate?.() ?? {};
    if (Object.keys(own).length) {
      submission.setErrors(own);
      focusSummary();
      return;
    }
    let answer: { value: T } | undefined;
    const ok = await submission.run(async () => {
      answer = { value: await send() };
    });
    if (ok && answer) onDone(answer.value);
    else focusSummary();
  }

  const fieldErrors = Object.entries(errors);
  return (
    <Dialog open={open} title={title} onClose={onClose}>
      <form className="nf-form" onSubmit={(event) => void submit(event)} noValidate>
        {intro}
        <ErrorSummary
          ref={summary}
          items={fieldErrors.map(([name, message]) => ({ target: fieldId(name), message }))}
        />
        {submission.failure && fieldErrors.length === 0 && (
          <div ref={alert} tabIndex={-1} className="nf-dialog__failure">
            <Alert type="error">{failureContent ?? <Paragraph>{submission.failure}</Paragraph>}</Alert>
          </div>
        )}
        {children}
        <ActionGroup>
          <Button appearance="primary-action-button" type="submit" busy={submission.busy} disabled={submission.busy}>
            {submitLabel}
          </Button>
          <Button appearance="secondary-action-button" type="button" onClick={onClose}>
            Annuleren
          </Button>
        </ActionGroup>
      </form>
    </Dialog>
  );
}
