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
   * Adds the user or brings their name, role and organisation up to date, writing nothing when they are. False
   * when the registry does not know their organisation.
   */
  async upsert(user: KnownUser): Promise<boolean> {
    try {
      await this.db.query(
        `INSERT INTO users (username, display_name, role, organisation_code) VALUES ($1, $2, $3, $4)
         ON CONFLICT (username) DO UPDATE
           SET display_name = EXCLUDED.display_name, role = EXCLUDED.role, organisation_code = EXCLUDED.organisation_code
           WHERE (users.display_name, users.role, users.organisation_code)
             IS DISTINCT FROM (EXCLUDED.display_name, EXCLUDED.role, EXCLUDED.organisation_code)`,
        [user.username, user.displayName, user.role, user.organisation],
      );
      return true;
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23503') return false;
      throw error;
    }
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
