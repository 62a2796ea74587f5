import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Users of an identity provider are known by their issuer and subject (`iss`, `sub`), which the provider never
 * reassigns, not by the username it also sends (`preferred_username`), which a user may be able to change: a token
 * naming another's username then finds no user of its own under it and is refused, never given that user's row.
 * Users known before have no identity yet; an administrator binds them (docs/security.md).
 *
 * `deactivated_at`: a user an administrator has switched off: no token of theirs is taken, no feed of theirs served.
 */
export class UserIdentities1763901400000 implements MigrationInterface {
  name = 'UserIdentities1763901400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE users
        ADD COLUMN oidc_issuer text,
        ADD COLUMN oidc_subject text,
        ADD COLUMN deactivated_at timestamptz,
        ADD CONSTRAINT users_oidc_identity_whole CHECK ((oidc_issuer IS NULL) = (oidc_subject IS NULL))`);
    await db.query(
      `CREATE UNIQUE INDEX users_oidc_identity_key ON users (oidc_issuer, oidc_subject) WHERE oidc_issuer IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX users_oidc_identity_key');
    await db.query(`
      ALTER TABLE users DROP CONSTRAINT users_oidc_identity_whole,
        DROP COLUMN deactivated_at, DROP COLUMN oidc_subject, DROP COLUMN oidc_issuer`);
  }
}
