import type { Role } from './roles';

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  organisation: string;
  /** Where their email goes: the embedded default's mail catcher shows it. */
  email: string;
}

/** The demo identity provider's users (API.md), all with the password `demo`. */
export const DEMO_USERS: readonly DemoUser[] = (
  [
    {
      username: 'jenv.staff',
      displayName: 'Beleidsmedewerker Cybercrime en zeden',
      role: 'drafter',
      organisation: 'JENV',
    },
    {
      username: 'jenv.afdelingshoofd',
      displayName: 'Afdelingshoofd Cybercrime en zeden',
      role: 'reviewer',
      organisation: 'JENV',
    },
    {
      username: 'jenv.directeur',
      displayName: 'Directeur Rechtshandhaving en Criminaliteitsbestrijding',
      role: 'reviewer',
      organisation: 'JENV',
    },
    {
      username: 'jenv.dg',
      displayName: 'DG Rechtspleging en Rechtshandhaving',
      role: 'reviewer',
      organisation: 'JENV',
    },
    {
      username: 'jenv.bewindspersoon',
      displayName: 'Minister van Justitie en Veiligheid',
      role: 'decider',
      organisation: 'JENV',
    },
    { username: 'vws.signer', displayName: 'Medeondertekenaar VWS', role: 'cosigner', organisation: 'VWS' },
    { username: 'bz.signer', displayName: 'Medeondertekenaar BZ', role: 'cosigner', organisation: 'BZ' },
    { username: 'bho.signer', displayName: 'Medeondertekenaar BHO', role: 'cosigner', organisation: 'BHO' },
    { username: 'szw.signer', displayName: 'Medeondertekenaar SZW', role: 'cosigner', organisation: 'SZW' },
    { username: 'mr.secretariaat', displayName: 'Secretariaat ministerraad', role: 'ministerraad', organisation: 'AZ' },
    {
      username: 'jenv.management',
      displayName: 'Programmaleiding Samen tegen mensenhandel',
      role: 'manager',
      organisation: 'JENV',
    },
    { username: 'az.admin', displayName: 'Functioneel beheer notaflow', role: 'admin', organisation: 'AZ' },
  ] satisfies Omit<DemoUser, 'email'>[]
).map((user) => ({ ...user, email: `${user.username}@notaflow.example` }));

/** The demo organisations' functional mailboxes, for what is addressed to a whole organisation. */
export function demoMailbox(organisation: string): string {
  return `postbus.${organisation.toLowerCase()}@notaflow.example`;
}

export const DEMO_PASSWORD = 'demo';
