import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { PostponementStatus } from '@notaflow/domain';

/** An uitstelverzoek: asked of the Kamer, granted or refused by it, recorded by the ministry. */
@Entity({ name: 'postponements' })
export class PostponementEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'deadline_id', type: 'uuid' })
  deadlineId!: string;

  /** Null when the request named no date ("tot na de begrotingsbehandeling"). */
  @Column({ name: 'requested_due_on', type: 'date', nullable: true })
  requestedDueOn!: string | null;

  /** The day the request was made (the date of its letter). */
  @Column({ name: 'requested_on', type: 'date' })
  requestedOn!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'nota_id', type: 'uuid', nullable: true })
  notaId!: string | null;

  @Column({ type: 'text' })
  status!: PostponementStatus;

  @Column({ name: 'new_due_on', type: 'date', nullable: true })
  newDueOn!: string | null;

  @Column({ name: 'decided_by', type: 'text', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'requested_by', type: 'text' })
  requestedBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
