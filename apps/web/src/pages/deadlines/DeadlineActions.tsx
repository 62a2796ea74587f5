import { useState } from 'react';
import { ActionGroup, Button, Paragraph } from '@rijkshuisstijl-community/components-react';
import type { DeadlineClosingStatus, PostponementOutcome } from '@notaflow/domain';
import { answer, client } from '../../api/client';
import type { DeadlineDetail, Postponement } from '../../api/types';
import { useSubmit } from '../../api/use-submit';
import { ChoiceGroup, RadioChoice, TextAreaField, TextField } from '../../components/Fields';
import { FormDialog } from '../../components/FormDialog';
import { ExtensionNotice, extendable } from './ExtensionNotice';
import { formatDay, formatDueDay } from '../../lib/dates';
import { DEADLINE_STATUS_LABELS } from '../../lib/labels';
import type { FieldErrors } from '../../lib/problem';

interface DeadlineActionsProps {
  deadline: DeadlineDetail;
  onDone(message: string): void;
}

/**
 * What the directorate does with an open deadline: ask for postponement, record the Kamer's answer, record the notice
 * that extends a statutory term, close it.
 */
export function DeadlineActions({ deadline, onDone }: DeadlineActionsProps) {
  const pending = deadline.postponements.find((p) => p.status === 'requested');
  return (
    <ActionGroup>
      {pending ? (
        <OutcomeAction postponement={pending} onDone={onDone} />
      ) : (
        <RequestPostponement deadline={deadline} onDone={onDone} />
      )}
      {extendable(deadline) && <ExtensionNotice deadline={deadline} onDone={onDone} />}
      <CloseDeadline deadline={deadline} onDone={onDone} />
    </ActionGroup>
  );
}

function RequestPostponement({ deadline, onDone }: DeadlineActionsProps) {
  const [open, setOpen] = useState(false);
  const [requestedDueOn, setRequestedDueOn] = useState('');
  const [reason, setReason] = useState('');
  const submission = useSubmit();
  function validate(): FieldErrors {
    const own: FieldErrors = {};
    if (!requestedDueOn) own.requestedDueOn = 'Vul de datum in tot wanneer u uitstel vraagt.';
    if (!reason.trim()) own.reason = 'Geef de reden van het verzoek.';
    return own;
  }
  return (
    <>
      <Button appearance="primary-action-button" onClick={() => setOpen(true)}>
        Uitstel aanvragen
      </Button>
      <FormDialog
        open={open}
        title="Uitstel aanvragen"
        submission={submission}
        submitLabel="Verzoek vastleggen"
        validate={validate}
        send={() =>
          answer(
            client.POST('/api/v1/deadlines/{id}/postponements', {
              params: { path: { id: deadline.id } },
              body: { requestedDueOn, reason: reason.trim() },
            }),
          )
        }
        onDone={() => {
          setOpen(false);
          onDone(`Het uitstelverzoek tot ${formatDay(requestedDueOn)} is vastgelegd.`);
        }}
        onClose={() => setOpen(false)}
        intro={<Paragraph>Huidige termijn: {formatDueDay(deadline.dueOn)}.</Paragraph>}
      >
        <TextField
          id="requestedDueOn"
          label="Uitstel tot"
          type="date"
          width="sm"
          value={requestedDueOn}
          onChange={setRequestedDueOn}
          error={submission.errors.requestedDueOn}
        />
        <TextAreaField
          id="reason"
          label="Reden"
          maxLength={4000}
          value={reason}
          onChange={setReason}
          error={submission.errors.reason}
        />
      </FormDialog>
    </>
  );
}

function OutcomeAction({ postponement, onDone }: { postponement: Postponement; onDone(message: string): void }) {
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<PostponementOutcome | ''>('');
  const [newDueOn, setNewDueOn] = useState('');
  const submission = useSubmit();
  return (
    <>
      <Button appearance="primary-action-button" onClick={() => setOpen(true)}>
        Uitkomst uitstelverzoek vastleggen
      </Button>
      <FormDialog
        open={open}
        title="Uitkomst van het uitstelverzoek"
        submission={submission}
        submitLabel="Uitkomst vastleggen"
        validate={(): FieldErrors => (outcome ? {} : { outcome: 'Kies de uitkomst.' })}
        send={() =>
          answer(
            client.POST('/api/v1/postponements/{id}/outcome', {
              params: { path: { id: postponement.id } },
              body: {
                // validate() has made sure of it.
                outcome: outcome as PostponementOutcome,
                ...(outcome === 'granted' && newDueOn ? { newDueOn } : {}),
              },
            }),
          )
        }
        onDone={() => {
          setOpen(false);
          onDone(
            outcome === 'granted' ? 'Het uitstel is toegekend: de termijn is verschoven.' : 'Het uitstel is geweigerd.',
          );
        }}
        onClose={() => setOpen(false)}
        intro={
          <Paragraph>
            Gevraagd:{' '}
            {postponement.requestedDueOn
              ? `uitstel tot ${formatDay(postponement.requestedDueOn)}`
              : 'uitstel zonder datum'}
            .
          </Paragraph>
        }
      >
        <ChoiceGroup id="outcome" legend="Besluit van de Kamer" error={submission.errors.outcome}>
          <RadioChoice
            id="outcome-granted"
            name="outcome"
            label="Toegekend"
            checked={outcome === 'granted'}
            onChange={(checked) => checked && setOutcome('granted')}
          />
          <RadioChoice
            id="outcome-refused"
            name="outcome"
            label="Geweigerd"
            checked={outcome === 'refused'}
            onChange={(checked) => checked && setOutcome('refused')}
          />
        </ChoiceGroup>
        {outcome === 'granted' && (
          <TextField
            id="newDueOn"
            label="Nieuwe datum"
            description="Leeg laten: de gevraagde datum."
            optional
            type="date"
            width="sm"
            value={newDueOn}
            onChange={setNewDueOn}
            error={submission.errors.newDueOn}
          />
        )}
      </FormDialog>
    </>
  );
}

const CLOSING: readonly DeadlineClosingStatus[] = ['met', 'missed', 'cancelled'];

function CloseDeadline({ deadline, onDone }: DeadlineActionsProps) {
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<DeadlineClosingStatus | ''>('');
  const submission = useSubmit();
  return (
    <>
      <Button appearance="secondary-action-button" onClick={() => setOpen(true)}>
        Termijn afsluiten
      </Button>
      <FormDialog
        open={open}
        title="Termijn afsluiten"
        submission={submission}
        submitLabel="Afsluiten"
        validate={(): FieldErrors => (status ? {} : { status: 'Kies hoe de termijn is afgelopen.' })}
        send={() =>
          answer(
            client.POST('/api/v1/deadlines/{id}/status', {
              params: { path: { id: deadline.id } },
              // validate() has made sure of it.
              body: { status: status as DeadlineClosingStatus },
            }),
          )
        }
        onDone={() => {
          setOpen(false);
          if (status) onDone(`De termijn is afgesloten als ${DEADLINE_STATUS_LABELS[status].toLowerCase()}.`);
        }}
        onClose={() => setOpen(false)}
      >
        <ChoiceGroup id="status" legend="Hoe is de termijn afgelopen?" error={submission.errors.status}>
          {CLOSING.map((s) => (
            <RadioChoice
              key={s}
              id={`status-${s}`}
              name="status"
              label={DEADLINE_STATUS_LABELS[s]}
              checked={status === s}
              onChange={(checked) => checked && setStatus(s)}
            />
          ))}
        </ChoiceGroup>
      </FormDialog>
    </>
  );
}
