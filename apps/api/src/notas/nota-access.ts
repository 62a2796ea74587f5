import { mayManageNota, type Actor, type RouteTemplate } from '@notaflow/domain';

interface NotaLike {
  organisation: string;
  status: string;
  route: RouteTemplate;
}

function coSigns(nota: NotaLike, organisation: string): boolean {
  return nota.route.stages.some((s) => s.stage === 'co-signing' && s.ministries.includes(organisation));
}

/**
 * Who sees a nota: its own organisation; a co-signing ministry and the ministerraad secretariat once it is
 * submitted and on their route. Everyone else gets 403 and no data.
 */
export function canSeeNota(actor: Actor, nota: NotaLike): boolean {
  if (nota.organisation === actor.organisation) return true;
  if (nota.status === 'draft') return false;
  if (actor.role === 'cosigner') return coSigns(nota, actor.organisation);
  if (actor.role === 'ministerraad') return nota.route.stages.some((s) => s.stage === 'ministerraad');
  return false;
}

/** Registering, submitting, new versions, withdrawing, the Kamerstuk number: drafters of the nota's organisation. */
export function canManageNota(actor: Actor, nota: Pick<NotaLike, 'organisation'>): boolean {
  return mayManageNota(actor, nota.organisation);
}

/** Outside the nota's own organisation, a ministry sees its own tasks and events, never another ministry's. */
export function canSeeOrganisationPart(
  actor: Actor,
  nota: Pick<NotaLike, 'organisation'>,
  organisation: string | null,
) {
  return (
    nota.organisation === actor.organisation ||
    organisation === null ||
    organisation === actor.organisation ||
    organisation === nota.organisation
  );
}
