import { Heading } from '@rijkshuisstijl-community/components-react';
import type { DeadlineDetail } from '../../api/types';
import { RouterLink } from '../../components/RouterLink';
import { formatDay, formatDueDay, formatInstant } from '../../lib/dates';
import { anchorLabel, PRESET_LABELS } from '../../lib/labels';

/** The deadline's particulars, beside its postponements. */
export function DeadlineFacts({ deadline }: { deadline: DeadlineDetail }) {
  return (
    <section className="nf-panel" aria-labelledby="gegevens">
      <Heading level={2} appearanceLevel={4} id="gegevens">
        Gegevens
      </Heading>
      <dl className="nf-dl">
        <dt>Datum</dt>
        <dd>
          {deadline.dueOn === null && deadline.anchor
            ? 'volgt zodra de Kamerkalender de gebeurtenis kent'
            : formatDueDay(deadline.dueOn)}
        </dd>
        {deadline.originalDueOn !== deadline.dueOn && (
          <>
            <dt>Oorspronkelijke datum</dt>
            <dd>{formatDueDay(deadline.originalDueOn)}</dd>
          </>
        )}
        {deadline.anchor && (
          <>
            <dt>Volgt uit</dt>
            <dd>de Kamerkalender: {anchorLabel(deadline.anchor)}</dd>
          </>
        )}
        {deadline.preset && deadline.presetFrom && (
          <>
            <dt>Termijn</dt>
            <dd>
              {PRESET_LABELS[deadline.preset]}, ontvangen op {formatDay(deadline.presetFrom)}
            </dd>
          </>
        )}
        {deadline.extendedOn && (
          <>
            <dt>Verlengd</dt>
            <dd>
              bij bericht van {formatDay(deadline.extendedOn)}
              {deadline.extensionReasons ? `: ${deadline.extensionReasons}` : ''}
            </dd>
          </>
        )}
        <dt>Dossier</dt>
        <dd>{deadline.dossier ?? '–'}</dd>
        <dt>Herhaling</dt>
        <dd>{deadline.recurrence ?? 'eenmalig'}</dd>
        <dt>Herinneringen</dt>
        <dd>
          {deadline.reminderLeadWorkingDays.length
            ? `${[...deadline.reminderLeadWorkingDays].sort((a, b) => b - a).join(', ')} werkdagen vooraf`
            : 'geen'}
        </dd>
        {deadline.notaId && (
          <>
            <dt>Nota</dt>
            <dd>
              <RouterLink to={`/notas/${deadline.notaId}`}>Bekijk de nota</RouterLink>
            </dd>
          </>
        )}
        <dt>Geregistreerd</dt>
        <dd>
          {formatInstant(deadline.createdAt)} door {deadline.createdBy}
        </dd>
        {deadline.closedAt && (
          <>
            <dt>Afgesloten</dt>
            <dd>{formatInstant(deadline.closedAt)}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
