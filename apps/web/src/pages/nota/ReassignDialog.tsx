import { useState } from 'react';
import { Paragraph } from '@rijkshuisstijl-community/components-react';
import { PERSONAL_TASK_ROLES, type PersonalTaskType } from '@notaflow/domain';
import { answer, client } from '../../api/client';
import type { Task } from '../../api/types';
import { useSubmit } from '../../api/use-submit';
import { TextAreaField, TextField } from '../../components/Fields';
import { FormDialog } from '../../components/FormDialog';
import { formatInstant } from '../../lib/dates';
import { ROLE_LABELS, TASK_TYPE_LABELS } from '../../lib/labels';
import type { FieldErrors } from '../../lib/problem';

interface ReassignDialogProps {
  task: Task & { type: PersonalTaskType };
  onClose(): void;
  onDone(task: Task): void;
}

/** Handing one's paraaf or decision to a colleague of the same role, with the reason the timeline will show. */
export function ReassignDialog({ task, onClose, onDone }: ReassignDialogProps) {
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const submission = useSubmit();
  const { errors } = submission;
  const role = ROLE_LABELS[PERSONAL_TASK_ROLES[task.type]].toLowerCase();

  function validate(): FieldErrors {
    const own: FieldErrors = {};
    if (!to.trim()) own.to = 'Vul de gebruikersnaam in van wie de taak overneemt.';
    if (!reason.trim()) own.reason = 'Geef de reden op; die komt in de tijdlijn.';
    return own;
  }

  return (
    <FormDialog
      open
      title={`${TASK_TYPE_LABELS[task.type]}: overdragen`}
      submission={submission}
      submitLabel="Taak overdragen"
      validate={validate}
      send={() =>
        answer(
          client.POST('/api/v1/tasks/{id}/reassign', {
            params: { path: { id: task.id } },
            body: { to: to.trim(), reason: reason.trim() },
          }),
        )
      }
      onDone={onDone}
      onClose={onClose}
      fieldId={(name) => (name === 'reason' ? 'reason' : 'to')}
      intro={
        <Paragraph>
          <strong>{task.title}</strong> (ons kenmerk {task.onsKenmerk}). De termijn blijft {formatInstant(task.dueAt)}.
        </Paragraph>
      }
    >
      <TextField
        id="to"
        label="Overdragen aan"
        description={`De gebruikersnaam van een ${role} van ${task.organisation}, bijvoorbeeld jenv.directeur.`}
        width="md"
        autoComplete="off"
        value={to}
        onChange={setTo}
        error={errors.to}
      />
      <TextAreaField
        id="reason"
        label="Reden"
        description="Komt in de tijdlijn van de nota."
        maxLength={4000}
        value={reason}
        onChange={setReason}
        error={errors.reason}
      />
    </FormDialog>
  );
}
