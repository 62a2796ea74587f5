import type { NotaStage, NotaStatus } from '@notaflow/domain';
import type { Route } from '../api/types';
import { STAGE_LABELS } from '../lib/labels';

const ORDER: NotaStage[] = ['initialling', 'decision', 'co-signing', 'ministerraad', 'dispatch'];

/**
 * The stages of this nota's route in the route's own order (the API answers it in `route.stages`; a route without
 * one runs in the design card's order), with the one it stands in marked: a list, read in order by screen readers.
 */
export function StageProgress({ route, status, stage }: { route: Route; status: NotaStatus; stage: NotaStage | null }) {
  const stages =
    route.stages ??
    ORDER.filter(
      (s) =>
        (s !== 'initialling' || route.reviewers.length > 0) &&
        (s !== 'co-signing' || route.coSigners.length > 0) &&
        (s !== 'ministerraad' || route.ministerraad),
    );
  const done = status === 'dispatched' || stage === 'done';
  const current = done ? stages.length : stage ? stages.indexOf(stage) : -1;
  return (
    <ol className="nf-stages" aria-label="Route van de nota">
      {stages.map((s, i) => {
        const state = i < current ? 'done' : i === current ? 'current' : 'todo';
        return (
          <li
            key={s}
            className={`nf-stages__item nf-stages__item--${state}`}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            <span className="nf-stages__marker" aria-hidden="true">
              {state === 'done' ? '✓' : i + 1}
            </span>
            <span className="nf-stages__label">{STAGE_LABELS[s]}</span>
            <span className="nf-visually-hidden">
              {state === 'done' ? ' (afgerond)' : state === 'current' ? ' (huidige fase)' : ' (nog te doen)'}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
