import { useState } from 'react';
import { Paragraph } from '@rijkshuisstijl-community/components-react';
import { DECISIONS_BY_TASK_TYPE, type Decision } from '@notaflow/domain';
import { answer, client } from '../../api/client';
import { useOrganisations } from '../../api/organisations';
import { decisionRequest } from '../../api/seen-document';
import type { DecisionResult, Task } from '../../api/types';
import { useSubmit } from '../../api/use-submit';
import { ChoiceGroup, RadioChoice, TextAreaField, TextField } from '../../components/Fields';
import { FormDialog } from '../../components/FormDialog';
import { RouterLink } from '../../components/RouterLink';
import { formatInstant } from '../../lib/dates';
import { DECISION_LABELS, TASK_TYPE_LABELS } from '../../lib/labels';
import type { FieldErrors } from '../../lib/problem';
import { CHANGES_ANCHOR } from './ChangesSection';

interface DecisionDialogProps {
  task: Task;
  /**
   * The SHA-256 of the nota document the page shows for the task's version (null: it shows none), sent as the
   * decision's `seenSha256`: the decision is bound to that text.
   */
  seenSha256: string | null;
  open: boolean;
  onClose(): void;
  onDecided(result: DecisionResult): void;
  /** Refused on a stale version: the holder follows the link to the new version's changes. */
  onStale(): void;
}

/** Sending a nota back or turning it down needs a reason the directorate can act on. */
const NEEDS_REMARKS: Decision[] = ['request_changes', 'reject'];
const FIELD_IDS: Record<string, string> = { decision: 'decision', remarks: 'remarks', nextMeeting: 'nextMeeting' };

export function DecisionDialog({ task, seenSha256, open, onClose, onDecided, onStale }: DecisionDialogProps) {
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
            body: decisionRequest(
              {
                // validate() has made sure of it.
                decision: decision as Decision,
                ...(remarks.trim() ? { remarks: remarks.trim() } : {}),
                ...(decision === 'hold' && nextMeeting ? { nextMeeting } : {}),
              },
              seenSha256,
            ),
          }),
        )
      }
      onDone={onDecided}
      onClose={onClose}
      fieldId={(name) => FIELD_IDS[name] ?? 'decision'}
      failureContent={
        submission.problem?.code === 'stale_version' ? (
          <StaleVersion notaId={task.notaId} onFollow={onStale} />
        ) : undefined
      }
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

/**
 * The refusal of a decision on a text that has moved on (409 stale_version): nothing was recorded, and the holder
 * reads the new version, starting with what changed, before deciding again.
 */
function StaleVersion({ notaId, onFollow }: { notaId: string; onFollow(): void }) {
  return (
    <>
      <Paragraph>
        <strong>Uw besluit is niet vastgelegd.</strong> De nota is gewijzigd terwijl u haar las: er is een nieuwe
        versie, en uw besluit ging over de tekst die u zag.
      </Paragraph>
      <Paragraph>
        <RouterLink to={{ pathname: `/notas/${notaId}`, hash: CHANGES_ANCHOR }} onClick={onFollow}>
          Lees de nieuwe versie en wat er is gewijzigd
        </RouterLink>{' '}
        en neem dan opnieuw uw besluit.
      </Paragraph>
    </>
  );
}
