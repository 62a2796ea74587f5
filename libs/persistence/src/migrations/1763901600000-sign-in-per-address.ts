import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed sign-ins counted per username and address: someone who knows a username can lock it out only at their own
 * address, never at its user's. `lockouts`: how many lockouts followed each other there, each one twice as long
 * as the one before (up to a day), so guessing on from one address grows ever slower.
 */
export class SignInPerAddress1763901600000 implements MigrationInterface {
  name = 'SignInPerAddress1763901600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE sign_in_failures
        ADD COLUMN address text NOT NULL DEFAULT '',
        ADD COLUMN lockouts integer NOT NULL DEFAULT 0 CHECK (lockouts >= 0),
        DROP CONSTRAINT sign_in_failures_pkey,
        ADD PRIMARY KEY (username, address)`);
  }

  async down(db: QueryRunner): Promise<void> {
    // One row per username again: the longest-running count of each is kept.
    await db.query(`
      DELETE FROM sign_in_failures f USING sign_in_failures g
       WHERE f.username = g.username AND (f.failures, f.address) < (g.failures, g.address)`);
    await db.query(`
      ALTER TABLE sign_in_failures DROP CONSTRAINT sign_in_failures_pkey,
        DROP COLUMN lockouts, DROP COLUMN address, ADD PRIMARY KEY (username)`);
  }
}
