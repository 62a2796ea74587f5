import { In, QueryFailedError, type EntityManager } from 'typeorm';
import type { Role } from '@notaflow/domain';
import { UserEntity } from '../entities/user.entity';
import { managerOf, type Database } from './database';

export interface KnownUser {
  username: string;
  displayName: string;
  role: Role;
  organisation: string;
}

/** Who a token of the identity provider names: its issuer and subject, and what it says about them. */
export interface OidcIdentity extends KnownUser {
  issuer: string;
  subject: string;
}

/** The registry's user for an identity: their username there, and whether they were switched off. */
export interface BoundUser {
  username: string;
  deactivated: boolean;
}

/** The users the registry knows: from the identity provider's tokens, or the demo identity provider's own. */
export class UserRepository {
  private readonly db: EntityManager;

  constructor(db: Database) {
    this.db = managerOf(db);
  }

  findByUsernames(usernames: readonly string[]): Promise<UserEntity[]> {
    return usernames.length ? this.db.findBy(UserEntity, { username: In([...usernames]) }) : Promise.resolve([]);
  }

  /** The user with the hash of their password (the demo identity provider's); never selected otherwise. */
  findWithPassword(username: string): Promise<UserEntity | null> {
    return this.db
      .createQueryBuilder(UserEntity, 'user')
      .addSelect('user.passwordHash')
      .where('user.username = :username', { username })
      .getOne();
  }

  async displayNameOf(username: string): Promise<string | null> {
    const user = await this.db.findOne(UserEntity, { select: { displayName: true }, where: { username } });
    return user?.displayName ?? null;
  }

  /**
   * The registry's user for an identity of the identity provider (`issuer`, `subject`): found by that identity and
   * brought up to date with the name, role and organisation the provider now gives, or added under `username` when
   * the identity is new. Never another user's row: a username that belongs to someone else (another identity, or a
   * user not bound to one) is `username_taken`, and that user stays as they were.
   */
  async bindIdentity(identity: OidcIdentity): Promise<BoundUser | 'username_taken' | 'organisation_unknown'> {
    try {
      const known = await this.findByIdentity(identity);
      if (known) {
        if (
          known.displayName !== identity.displayName ||
          known.role !== identity.role ||
          known.organisation !== identity.organisation
        ) {
          await this.db.query(
            `UPDATE users SET display_name = $3, role = $4, organisation_code = $5
              WHERE oidc_issuer = $1 AND oidc_subject = $2`,
            [identity.issuer, identity.subject, identity.displayName, identity.role, identity.organisation],
          );
        }
        return { username: known.username, deactivated: known.deactivated };
      }
      const added: unknown[] = await this.db.query(
        `INSERT INTO users (username, display_name, role, organisation_code, oidc_issuer, oidc_subject)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING username`,
        [
          identity.username,
          identity.displayName,
          identity.role,
          identity.organisation,
          identity.issuer,
          identity.subject,
        ],
      );
      if (added.length) return { username: identity.username, deactivated: false };
      // The same identity added by another request meanwhile, or the username is someone else's.
      const raced = await this.findByIdentity(identity);
      return raced ? { username: raced.username, deactivated: raced.deactivated } : 'username_taken';
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23503') {
        return 'organisation_unknown';
      }
      throw error;
    }
  }

  private async findByIdentity(
    identity: Pick<OidcIdentity, 'issuer' | 'subject'>,
  ): Promise<(KnownUser & { deactivated: boolean }) | undefined> {
    const [row]: (KnownUser & { deactivated: boolean })[] = await this.db.query(
      `SELECT username, display_name AS "displayName", role, organisation_code AS organisation,
              deactivated_at IS NOT NULL AS deactivated
         FROM users WHERE oidc_issuer = $1 AND oidc_subject = $2`,
      [identity.issuer, identity.subject],
    );
    return row;
  }

  /** Of `usernames`, those an administrator has deactivated. */
  async deactivatedAmong(usernames: readonly string[]): Promise<Set<string>> {
    const rows: { username: string }[] = await this.db.query(
      `SELECT username FROM users WHERE username = ANY($1) AND deactivated_at IS NOT NULL`,
      [[...usernames]],
    );
    return new Set(rows.map((row) => row.username));
  }

  /**
   * Adds the users not known yet, all with the same password hash (or none) and each with their email address; one known
   * already (another instance may have added it meanwhile) is left as it is.
   */
  async addMissing(
    users: readonly (KnownUser & { email: string | null })[],
    passwordHash: string | null,
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO users (username, display_name, role, organisation_code, password_hash, email)
       SELECT username, display_name, role, organisation_code, $5, email
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $6::text[])
           AS given (username, display_name, role, organisation_code, email)
       ON CONFLICT (username) DO NOTHING`,
      [
        users.map((user) => user.username),
        users.map((user) => user.displayName),
        users.map((user) => user.role),
        users.map((user) => user.organisation),
        passwordHash,
        users.map((user) => user.email),
      ],
    );
  }

  /** Gives users without an email address the one given for them; never overwrites one. */
  async fillMissingEmails(addresses: readonly { username: string; email: string }[]): Promise<void> {
    await this.db.query(
      `UPDATE users SET email = given.email
         FROM unnest($1::text[], $2::text[]) AS given (username, email)
        WHERE users.username = given.username AND users.email IS NULL`,
      [addresses.map((a) => a.username), addresses.map((a) => a.email)],
    );
  }
}
