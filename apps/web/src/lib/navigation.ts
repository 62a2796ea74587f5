import type { Role } from '@notaflow/domain';

export interface NavItem {
  to: string;
  label: string;
}

const INBOX: NavItem = { to: '/taken', label: 'Mijn taken' };
const NOTAS: NavItem = { to: '/notas', label: "Nota's" };
const NEW_NOTA: NavItem = { to: '/notas/nieuw', label: 'Nieuwe nota' };
const DEADLINES: NavItem = { to: '/termijnen', label: 'Kamertermijnen' };
const DASHBOARD: NavItem = { to: '/dashboard', label: 'Dashboard' };
const CALENDAR: NavItem = { to: '/kalender', label: 'Kalender' };
const FEEDS: NavItem = { to: '/agenda-abonnementen', label: 'Agenda-abonnement' };

/**
 * What each role works with, first item first: the drafter registers and dispatches, the parafenlijn, the
 * bewindspersoon, co-signers and the ministerraad work from their tasks, management from the figures, and the
 * administrator keeps the calendar.
 */
export const NAVIGATION: Record<Role, NavItem[]> = {
  drafter: [INBOX, NOTAS, NEW_NOTA, DEADLINES, FEEDS],
  reviewer: [INBOX, NOTAS, DEADLINES, FEEDS],
  decider: [INBOX, NOTAS, DEADLINES, FEEDS],
  cosigner: [INBOX, NOTAS, DEADLINES, FEEDS],
  ministerraad: [INBOX, NOTAS, DEADLINES, FEEDS],
  manager: [DASHBOARD, NOTAS, DEADLINES, FEEDS],
  admin: [CALENDAR, NOTAS, DEADLINES],
};

export function homeFor(role: Role): string {
  return NAVIGATION[role][0].to;
}
