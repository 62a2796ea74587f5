import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { DeadlineKind, DeadlineStatus, KamerstukRef } from '@notaflow/domain';

/** A deadline tied to the Kamer's calendar (API.md: `anchor`); a begrotingsbehandeling is the deadline's ministry's. */
export interface DeadlineAnchor {
  event: string;
  /** The calendar year the event starts in. */
  year: number;
  relation: 'before' | 'after';
  /** Tells two events of a kind in one year apart (JenV's budget: February and November 2024). */
  vergaderjaar?: string;
}

@Entity({ name: 'deadlines' })
export class DeadlineEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  kind!: DeadlineKind;

  @Column({ type: 'text' })
  title!: string;

  /** Null while it has no date: "z.s.m.", or an anchor whose event the calendar data does not hold yet. */
  @Column({ name: 'due_on', type: 'date', nullable: true })
  dueOn!: string | null;

  /** As first set (for an anchor: as the calendar data dates it); a granted postponement moves `dueOn`, never this. */
  @Column({ name: 'original_due_on', type: 'date', nullable: true })
  originalDueOn!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  anchor!: DeadlineAnchor | null;

  /** A standard term counted from receipt: `kamervragen` or `woo`. */
  @Column({ type: 'text', nullable: true })
  preset!: 'kamervragen' | 'woo' | null;

  @Column({ name: 'preset_from', type: 'date', nullable: true })
  presetFrom!: string | null;

  /** The day the uitstelbericht (or Woo verdaging) went out, which extended the term. */
  @Column({ name: 'extended_on', type: 'date', nullable: true })
  extendedOn!: string | null;

  @Column({ name: 'extension_reasons', type: 'text', nullable: true })
  extensionReasons!: string | null;

  @Column({ type: 'jsonb' })
  kamerstukken!: KamerstukRef[];

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
