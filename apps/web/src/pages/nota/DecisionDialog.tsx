import { useState } from 'react';
import { Paragraph } from '@rijkshuisstijl-community/components-react';
import { DECISIONS_BY_TASK_TYPE, type Decision } from '@notaflow/domain';
import { answer, client } from '../../api/client';
import { useOrganisations } from '../../api/organisations';
import type { DecisionResult, Task } from '../../api/types';
import { useSubmit } from '../../api/use-submit';
import { ChoiceGroup, RadioChoice, TextAreaField, TextField } from '../../components/Fields';
import { FormDialog } from '../../components/FormDialog';
import { formatInstant } from '../../lib/dates';
import { DECISION_LABELS, TASK_TYPE_LABELS } from '../../lib/labels';
import type { FieldErrors } from '../../lib/problem';

interface DecisionDialogProps {
  task: Task;
  open: boolean;
  onClose(): void;
  onDecided(result: DecisionResult): void;
}

/** Sending a nota back or turning it down needs a reason the directorate can act on. */
const NEEDS_REMARKS: Decision[] = ['request_changes', 'reject'];
const FIELD_IDS: Record<string, string> = { decision: 'decision', remarks: 'remarks', nextMeeting: 'nextMeeting' };

export function DecisionDialog({ task, open, onClose, onDecided }: DecisionDialogProps) {
  const decisions = DECISIONS_BY_TASK_TYPE[task.type];
  const [decision, setDecision] = useState<Decision | ''>(decisions.length === 1 ? decisions[0] : '');
  const [remarks, setRemarks] = useState('');
  const [nextMeeting, setNextMeeting] = useState('');
  const submission = useSubmit();
  const organisations = useOrganisations();
  const { errors } = submission;

  function validate(): FieldErrors {
    if (!decision) return { decision: 'Kies uw besluit.' };
    if (NEEDS_REMARKS.includes(decision) && !remarks.trim()) {
      return { remarks: 'Licht toe wat er moet veranderen of waarom u afwijst.' };
    }
    return {};
  }

  return (
    <FormDialog
      open={open}
      title={`${TASK_TYPE_LABELS[task.type]}: uw besluit`}
      submission={submission}
      submitLabel="Besluit vastleggen"
      validate={validate}
      send={() =>
        answer(
          client.POST('/api/v1/tasks/{id}/decision', {
            params: { path: { id: task.id } },
            body: {
              // validate() has made sure of it.
              decision: decision as Decision,
              ...(remarks.trim() ? { remarks: remarks.trim() } : {}),
              ...(decision === 'hold' && nextMeeting ? { nextMeeting } : {}),
            },
          }),
        )
      }
      onDone={onDecided}
      onClose={onClose}
      fieldId={(name) => FIELD_IDS[name] ?? 'decision'}
      intro={
        <Paragraph>
          <strong>{task.title}</strong> (ons kenmerk {task.onsKenmerk}), versie {task.version}
          {task.type === 'co-sign' && <> · namens {organisations.name(task.organisation)}</>}. Termijn:{' '}
          {formatInstant(task.dueAt)}.
        </Paragraph>
      }
    >
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
    </FormDialog>
  );
}
