import { useState } from 'react';
import { Button, Paragraph } from '@rijkshuisstijl-community/components-react';
import { answer, client } from '../../api/client';
import type { DeadlineDetail } from '../../api/types';
import { useSubmit } from '../../api/use-submit';
import { TextAreaField, TextField } from '../../components/Fields';
import { FormDialog } from '../../components/FormDialog';
import { formatDay, formatDueDay } from '../../lib/dates';
import type { FieldErrors } from '../../lib/problem';

interface ExtensionNoticeProps {
  deadline: DeadlineDetail;
  onDone(message: string): void;
}

/** Whether the deadline's term can still be extended by a notice: a statutory term, not extended before. */
export function extendable(deadline: DeadlineDetail): boolean {
  return deadline.status === 'open' && deadline.preset !== null && deadline.extendedOn === null;
}

/**
 * Recording the notice that extends a statutory term at once: the uitstelbericht to the Voorzitter for Kamervragen
 * (always three more weeks), the verdaging to the verzoeker for a Woo-verzoek (at most two more weeks). It asks
 * nobody: the term moves as soon as it is recorded.
 */
export function ExtensionNotice({ deadline, onDone }: ExtensionNoticeProps) {
  const woo = deadline.preset === 'woo';
  const name = woo ? 'Verdaging' : 'Uitstelbericht';
  const [open, setOpen] = useState(false);
  const [sentOn, setSentOn] = useState('');
  const [reasons, setReasons] = useState('');
  const [extensionDays, setExtensionDays] = useState('');
  const submission = useSubmit();
  function validate(): FieldErrors {
    const own: FieldErrors = {};
    if (!sentOn) own.sentOn = `Vul de datum in waarop het bericht is verstuurd.`;
    if (!reasons.trim()) own.reasons = 'Geef de redenen die het bericht noemt.';
    if (extensionDays && !/^\d+$/.test(extensionDays)) own.extensionDays = 'Vul een aantal dagen in, zoals 14.';
    return own;
  }
  return (
    <>
      <Button appearance="secondary-action-button" onClick={() => setOpen(true)}>
        {name} vastleggen
      </Button>
      <FormDialog
        open={open}
        title={`${name} vastleggen`}
        submission={submission}
        submitLabel="Vastleggen"
        validate={validate}
        send={() =>
          answer(
            client.POST('/api/v1/deadlines/{id}/extensions', {
              params: { path: { id: deadline.id } },
              body: {
                sentOn,
                reasons: reasons.trim(),
                ...(woo && extensionDays ? { extensionDays: Number(extensionDays) } : {}),
              },
            }),
          )
        }
        onDone={(extended) => {
          setOpen(false);
          onDone(`${name} vastgelegd: de termijn loopt nu tot ${formatDueDay(extended.dueOn)}.`);
        }}
        onClose={() => setOpen(false)}
        intro={
          <Paragraph>
            Huidige termijn: {formatDueDay(deadline.dueOn)}
            {deadline.presetFrom ? `, ontvangen op ${formatDay(deadline.presetFrom)}` : ''}.{' '}
            {woo
              ? 'Een verdaging verlengt de termijn met ten hoogste twee weken, als zij vóór het einde van de eerste termijn is gegeven.'
              : 'Een uitstelbericht verlengt de termijn met drie weken, als het binnen de eerste drie weken is verstuurd.'}
          </Paragraph>
        }
      >
        <TextField
          id="sentOn"
          label="Verstuurd op"
          type="date"
          width="sm"
          value={sentOn}
          onChange={setSentOn}
          error={submission.errors.sentOn}
        />
        <TextAreaField
          id="reasons"
          label="Redenen"
          maxLength={4000}
          value={reasons}
          onChange={setReasons}
          error={submission.errors.reasons}
        />
        {woo && (
          <TextField
            id="extensionDays"
            label="Verlenging in dagen"
            description="Leeg laten: twee weken."
            optional
            inputMode="numeric"
            width="sm"
            value={extensionDays}
            onChange={setExtensionDays}
            error={submission.errors.extensionDays}
          />
        )}
      </FormDialog>
    </>
  );
}
