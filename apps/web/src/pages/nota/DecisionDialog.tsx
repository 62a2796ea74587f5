import { useRef, useState, type FormEvent } from 'react';
import { ActionGroup, Alert, Button, Paragraph } from '@rijkshuisstijl-community/components-react';
import { DECISIONS_BY_TASK_TYPE, type Decision } from '@notaflow/domain';
import { api } from '../../api/client';
import type { DecisionResult, Task } from '../../api/types';
import { useSubmit } from '../../api/use-submit';
import { Dialog } from '../../components/Dialog';
import { ErrorSummary } from '../../components/ErrorSummary';
import { ChoiceGroup, RadioChoice, TextAreaField, TextField } from '../../components/Fields';
import { formatInstant } from '../../lib/dates';
import { DECISION_LABELS, TASK_TYPE_LABELS, organisationName } from '../../lib/labels';

interface DecisionDialogProps {
  task: Task;
  open: boolean;
  onClose(): void;
  onDecided(result: DecisionResult): void;
}

/** Sending a nota back or turning it down needs a reason the directorate can act on. */
const NEEDS_REMARKS: Decision[] = ['request_changes', 'reject'];

export function DecisionDialog({ task, open, onClose, onDecided }: DecisionDialogProps) {
  const decisions = DECISIONS_BY_TASK_TYPE[task.type];
  const [decision, setDecision] = useState<Decision | ''>(decisions.length === 1 ? decisions[0] : '');
  const [remarks, setRemarks] = useState('');
  const [nextMeeting, setNextMeeting] = useState('');
  const submission = useSubmit();
  const summary = useRef<HTMLDivElement>(null);
  const { errors } = submission;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const own: Record<string, string> = {};
    if (!decision) own.decision = 'Kies uw besluit.';
    else if (NEEDS_REMARKS.includes(decision) && !remarks.trim()) {
      own.remarks = 'Licht toe wat er moet veranderen of waarom u afwijst.';
    }
    if (Object.keys(own).length) {
      submission.setErrors(own);
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    let result: DecisionResult | undefined;
    const ok = await submission.run(async () => {
      result = await api.post<DecisionResult>(`/tasks/${task.id}/decision`, {
        decision,
        ...(remarks.trim() ? { remarks: remarks.trim() } : {}),
        ...(decision === 'hold' && nextMeeting ? { nextMeeting } : {}),
      });
    });
    if (ok && result) onDecided(result);
    else requestAnimationFrame(() => summary.current?.focus());
  }

  const targets: Record<string, string> = { decision: 'decision', remarks: 'remarks', nextMeeting: 'nextMeeting' };
  return (
    <Dialog open={open} title={`${TASK_TYPE_LABELS[task.type]}: uw besluit`} onClose={onClose}>
      <form className="nf-form" onSubmit={(event) => void submit(event)} noValidate>
        <Paragraph>
          <strong>{task.title}</strong> (ons kenmerk {task.onsKenmerk}), versie {task.version}
          {task.type === 'co-sign' && <> · namens {organisationName(task.organisation)}</>}. Termijn:{' '}
          {formatInstant(task.dueAt)}.
        </Paragraph>
        <ErrorSummary
          ref={summary}
          items={Object.entries(errors).map(([name, message]) => ({ target: targets[name] ?? 'decision', message }))}
        />
        {submission.failure && !Object.keys(errors).length && (
          <Alert type="error">
            <Paragraph>{submission.failure}</Paragraph>
          </Alert>
        )}
        <ChoiceGroup id="decision" legend="Besluit" error={errors.decision}>
          {decisions.map((d) => (
            <RadioChoice
              key={d}
              id={`decision-${d}`}
              name="decision"
              value={d}
              label={DECISION_LABELS[task.type][d] ?? d}
              checked={decision === d}
              onChange={(checked) => checked && setDecision(d)}
            />
          ))}
        </ChoiceGroup>
        {decision === 'hold' && (
          <TextField
            id="nextMeeting"
            label="Aanhouden tot de vergadering van"
            description="Leeg laten: de eerstvolgende ministerraad na deze."
            type="date"
            width="sm"
            optional
            value={nextMeeting}
            onChange={setNextMeeting}
            error={errors.nextMeeting}
          />
        )}
        <TextAreaField
          id="remarks"
          label="Opmerkingen"
          description="Komt in de tijdlijn van de nota; de directie ziet ze."
          optional={!decision || !NEEDS_REMARKS.includes(decision)}
          maxLength={4000}
          value={remarks}
          onChange={setRemarks}
          error={errors.remarks}
        />
        <ActionGroup>
          <Button appearance="primary-action-button" type="submit" busy={submission.busy} disabled={submission.busy}>
            Besluit vastleggen
          </Button>
          <Button appearance="secondary-action-button" type="button" onClick={onClose}>
            Annuleren
          </Button>
        </ActionGroup>
      </form>
    </Dialog>
  );
}
