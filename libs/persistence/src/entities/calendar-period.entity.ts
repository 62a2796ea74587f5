import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const CALENDAR_PERIOD_KINDS = ['recess', 'ministerraad_break'] as const;
export type CalendarPeriodKind = (typeof CALENDAR_PERIOD_KINDS)[number];

/** A Kamer recess or a ministerraad break, both ends included; data an administrator maintains, not code. */
@Entity({ name: 'calendar_periods' })
export class CalendarPeriodEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  kind!: CalendarPeriodKind;

  @Column({ type: 'text' })
  name!: string;

  /** `YYYY-MM-DD`. */
  @Column({ name: 'from_on', type: 'date' })
  fromOn!: string;

  /** `YYYY-MM-DD`, included. */
  @Column({ name: 'to_on', type: 'date' })
  toOn!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
