import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A ministry or other organisation that takes part in flows. Kept as data: more ministries join over time. */
@Entity({ name: 'organisations' })
export class OrganisationEntity {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  /** Whether this organisation may be asked to co-sign (medeondertekening). */
  @Column({ name: 'can_co_sign', type: 'boolean', default: true })
  canCoSign!: boolean;

  /** Functional mailbox for what is addressed to the whole organisation (a co-signing task, say). */
  @Column({ type: 'text', nullable: true })
  mailbox!: string | null;
}
