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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
