import { ApiProperty } from '@nestjs/swagger';
import { DEADLINE_KINDS, NOTA_STAGES, TASK_TYPES } from '@notaflow/domain';
import { TURNAROUND_GROUP_BY, type TurnaroundGroupBy } from '@notaflow/persistence';

export const TURNAROUND_KINDS = ['task', 'changes_requested'] as const;
export type TurnaroundKind = (typeof TURNAROUND_KINDS)[number];

export class TurnaroundGroupDto {
  @ApiProperty({
    example: 'co-signing',
    description: 'The stage (or `changes_requested`), the organisation code, or the month `YYYY-MM`',
  })
  key!: string;

  @ApiProperty({
    enum: TURNAROUND_KINDS,
    description:
      '`task`: decided tasks, creation to decision. `changes_requested`: the nota waiting on its directorate, ' +
      'from the request to the next version; never mixed into task figures',
  })
  kind!: TurnaroundKind;

  @ApiProperty({ description: 'Items ended (tasks decided, pauses ended) in the period' }) count!: number;
  @ApiProperty({ nullable: true, type: Number }) p50Seconds!: number | null;
  @ApiProperty({ nullable: true, type: Number }) p90Seconds!: number | null;
  @ApiProperty({ nullable: true, type: Number }) meanSeconds!: number | null;

  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Working days (Algemene termijnenwet) after the start day up to and including the end day',
  })
  p50WorkingDays!: number | null;

  @ApiProperty({ nullable: true, type: Number }) p90WorkingDays!: number | null;
  @ApiProperty({ nullable: true, type: Number }) meanWorkingDays!: number | null;

  @ApiProperty({
    description: 'Tasks decided in the period after their dueAt, plus tasks still open whose dueAt passed in it',
  })
  overdueCount!: number;

  @ApiProperty({
    nullable: true,
    type: Number,
    example: 0.87,
    description: 'Decided on time / (decided + still open past due); null for changes_requested',
  })
  onTimeRate!: number | null;
}

export class TurnaroundDto {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ enum: TURNAROUND_GROUP_BY }) groupBy!: TurnaroundGroupBy;
  @ApiProperty({ type: [TurnaroundGroupDto], description: 'Empty when nothing ended in the period' })
  groups!: TurnaroundGroupDto[];
}

export const OVERDUE_KINDS = ['task', 'deadline'] as const;
export type OverdueKind = (typeof OVERDUE_KINDS)[number];

export class OverdueItemDto {
  @ApiProperty({ enum: OVERDUE_KINDS }) kind!: OverdueKind;
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({
    enum: [...TASK_TYPES, ...DEADLINE_KINDS],
    example: 'co-sign',
    description: 'Task type, or the deadline kind',
  })
  type!: string;
  @ApiProperty({ description: "The nota's title, or the deadline's" }) title!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) notaId!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '5552554' }) onsKenmerk!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '28 638' }) dossier!: string | null;
  @ApiProperty({ enum: NOTA_STAGES, nullable: true, description: 'Stage of a task' }) stage!: string | null;
  @ApiProperty({ example: 'VWS', description: 'The organisation that holds it' }) organisation!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The named holder of a task, if any' })
  assignee!: string | null;

  @ApiProperty({ example: 'jenv.dg', description: 'Who to chase: the assignee, else the organisation' })
  holder!: string;

  @ApiProperty({ format: 'date' }) dueOn!: string;
  @ApiProperty({ format: 'date-time', description: "A deadline's is the end of its day in Europe/Amsterdam" })
  dueAt!: string;

  @ApiProperty() overdue!: boolean;

  @ApiProperty({
    nullable: true,
    type: Number,
    description:
      'Working days after today up to the due day (libs/calendar workingDaysBetween): 0 on the due day, negative ' +
      'once working days have passed since; null outside the years working days are known for',
  })
  workingDaysLeft!: number | null;
}

export class OverdueDto {
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty({ format: 'date', description: 'Items due on or before this day are listed' }) dueBy!: string;
  @ApiProperty({ type: [OverdueItemDto], description: 'Most urgent first' }) items!: OverdueItemDto[];
}
