import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '@notaflow/domain';

@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryColumn({ type: 'text' })
  username!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ type: 'text' })
  role!: Role;

  @Column({ name: 'organisation_code', type: 'text' })
  organisation!: string;

  /** Where this user's reminders and escalations are emailed; none, in-app only. */
  @Column({ type: 'text', nullable: true })
  email!: string | null;

  /** Only for the demo identity provider; with OIDC the identity provider holds credentials. */
  @Column({ name: 'password_hash', type: 'text', nullable: true, select: false })
  passwordHash!: string | null;

  /** The identity provider's issuer and subject this user is bound to; none for the demo users. */
  @Column({ name: 'oidc_issuer', type: 'text', nullable: true, select: false })
  oidcIssuer!: string | null;

  @Column({ name: 'oidc_subject', type: 'text', nullable: true, select: false })
  oidcSubject!: string | null;

  /** Switched off by an administrator: their tokens and passwords no longer work. */
  @Column({ name: 'deactivated_at', type: 'timestamptz', nullable: true })
  deactivatedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
