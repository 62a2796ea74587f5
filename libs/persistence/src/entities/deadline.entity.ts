import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { DeadlineKind, DeadlineStatus } from '@notaflow/domain';

@Entity({ name: 'deadlines' })
export class DeadlineEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  kind!: DeadlineKind;

  @Column({ type: 'text' })
  title!: string;

  @Column({ name: 'due_on', type: 'date' })
  dueOn!: string;

  /** As first set; a granted postponement moves `dueOn`, never this. */
  @Column({ name: 'original_due_on', type: 'date' })
  originalDueOn!: string;

  @Column({ type: 'text', nullable: true })
  dossier!: string | null;

  @Column({ name: 'nota_id', type: 'uuid', nullable: true })
  notaId!: string | null;

  @Column({ name: 'organisation_code', type: 'text' })
  organisation!: string;

  /** An ISO 8601 period such as `P2Y`; null for a one-off deadline. */
  @Column({ type: 'text', nullable: true })
  recurrence!: string | null;

  /** The occurrence this one recurs from. */
  @Column({ name: 'previous_id', type: 'uuid', nullable: true })
  previousId!: string | null;

  @Column({ type: 'text' })
  status!: DeadlineStatus;

  @Column({ name: 'reminder_lead_working_days', type: 'integer', array: true })
  reminderLeadWorkingDays!: number[];

  /** When its watch workflow (reminders, missed) was started. */
  @Column({ name: 'watched_since', type: 'timestamptz', nullable: true })
  watchedSince!: Date | null;

  /** When it was met, missed or cancelled. */
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
