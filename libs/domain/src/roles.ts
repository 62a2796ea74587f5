export const ROLES = ['drafter', 'reviewer', 'decider', 'cosigner', 'ministerraad', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is acting: established by the API from the access token, carried into the workflow's updates. */
export interface Actor {
  username: string;
  role: Role;
  organisation: string;
}
