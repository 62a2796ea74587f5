import { In, IsNull, type EntityManager } from 'typeorm';
import { OrganisationEntity } from '../entities/organisation.entity';
import { managerOf, type Database } from './database';

/** The ministries and other organisations that take part in flows: data, so one that joins needs no release. */
export class OrganisationRepository {
  private readonly db: EntityManager;

  constructor(db: Database) {
    this.db = managerOf(db);
  }

  /** All of them, by name. */
  list(): Promise<OrganisationEntity[]> {
    return this.db.find(OrganisationEntity, { order: { name: 'ASC' } });
  }

  findByCodes(codes: readonly string[]): Promise<OrganisationEntity[]> {
    return codes.length ? this.db.findBy(OrganisationEntity, { code: In([...codes]) }) : Promise.resolve([]);
  }

  /** The codes of the organisations without a functional mailbox. */
  async withoutMailbox(): Promise<string[]> {
    const rows = await this.db.find(OrganisationEntity, { select: { code: true }, where: { mailbox: IsNull() } });
    return rows.map((row) => row.code);
  }

  /** Gives organisations without a mailbox the one given for them; never overwrites one. */
  async fillMissingMailboxes(mailboxes: readonly { code: string; mailbox: string }[]): Promise<void> {
    await this.db.query(
      `UPDATE organisations SET mailbox = given.mailbox
         FROM unnest($1::text[], $2::text[]) AS given (code, mailbox)
        WHERE organisations.code = given.code AND organisations.mailbox IS NULL`,
      [mailboxes.map((m) => m.code), mailboxes.map((m) => m.mailbox)],
    );
  }
}
