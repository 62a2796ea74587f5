import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsInt,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  registerDecorator,
  ValidateIf,
  type ValidationOptions,
} from 'class-validator';
import {
  DEADLINE_CLOSING_STATUSES,
  DEADLINE_KINDS,
  DEADLINE_STATUSES,
  isIsoPeriod,
  KAMERSTUK_DOSSIER_PATTERN,
  POSTPONEMENT_OUTCOMES,
  type DeadlineClosingStatus,
  type DeadlineKind,
  type DeadlineStatus,
  type PostponementOutcome,
} from '@notaflow/domain';
import { PageQuery } from '../../common/page.query';
import { IsCalendarDate } from '../../common/validators';

/** An ISO 8601 period of whole years, months, weeks and days: `P2Y`, never the word "tweejaarlijks". */
export function IsIsoPeriod(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isIsoPeriod',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be an ISO 8601 period such as P2Y, P6M, P1Y6M or P2W', ...options },
      validator: { validate: (value: unknown) => isIsoPeriod(value) },
    });
}

/** A reminder two months of working days ahead is the most that makes sense for a Kamer deadline. */
export const MAX_REMINDER_LEAD_WORKING_DAYS = 40;

/** Standard terms (libs/calendar): Kamervragen 3 weeks (+3 with an uitstelbericht), Woo 4 weeks (+2). */
export const DEADLINE_PRESETS = ['kamervragen', 'woo'] as const;
export type DeadlinePreset = (typeof DEADLINE_PRESETS)[number];

export class CreateDeadlineDto {
  @ApiProperty({ enum: DEADLINE_KINDS, example: 'commissiedebat' })
  @IsIn(DEADLINE_KINDS)
  kind!: DeadlineKind;

  @ApiProperty({ example: 'Commissiedebat prostitutiebeleid en mensenhandel' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title!: string;

  @ApiPropertyOptional({
    example: '2023-10-12',
    format: 'date',
    description: 'Required unless a preset computes it; when both are given they must agree',
  })
  @ValidateIf((o: CreateDeadlineDto) => o.preset === undefined || o.dueOn !== undefined)
  @IsCalendarDate()
  dueOn?: string;

  @ApiPropertyOptional({ example: '28 638', description: 'Kamerstukdossier' })
  @IsOptional()
  @IsString()
  @Matches(KAMERSTUK_DOSSIER_PATTERN, { message: '$property must be a Kamerstuk dossier number such as 28 638' })
  dossier?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A nota the caller may see' })
  @IsOptional()
  @IsUUID()
  notaId?: string;

  @ApiPropertyOptional({ example: 'P2Y', description: 'ISO 8601 period after which the deadline recurs' })
  @IsOptional()
  @IsIsoPeriod()
  recurrence?: string;

  @ApiPropertyOptional({
    type: [Number],
    example: [10, 5, 1],
    default: [10, 5, 1],
    description: 'Reminders go out at 9:00 this many working days before dueOn (0: on the day itself)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(MAX_REMINDER_LEAD_WORKING_DAYS, { each: true })
  reminderLeadWorkingDays?: number[];

  @ApiPropertyOptional({ enum: DEADLINE_PRESETS, description: 'Compute dueOn from a standard term' })
  @IsOptional()
  @IsIn(DEADLINE_PRESETS)
  preset?: DeadlinePreset;

  @ApiPropertyOptional({ example: '2024-05-16', format: 'date', description: 'The day of receipt; with preset' })
  @ValidateIf((o: CreateDeadlineDto) => o.preset !== undefined || o.presetFrom !== undefined)
  @IsCalendarDate()
  presetFrom?: string;

  @ApiPropertyOptional({ default: false, description: 'The term with its one extension (uitstelbericht)' })
  @IsOptional()
  @IsBoolean()
  presetExtended?: boolean;
}

export class ListDeadlinesQuery extends PageQuery(100, 500) {
  @ApiPropertyOptional({ format: 'date', description: 'Due on or after' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Due on or before' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ example: '28 638' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  dossier?: string;

  @ApiPropertyOptional({ enum: DEADLINE_STATUSES })
  @IsOptional()
  @IsIn(DEADLINE_STATUSES)
  status?: DeadlineStatus;

  @ApiPropertyOptional({ enum: DEADLINE_KINDS })
  @IsOptional()
  @IsIn(DEADLINE_KINDS)
  kind?: DeadlineKind;
}

export class RequestPostponementDto {
  @ApiProperty({ example: '2023-12-21', format: 'date', description: 'After the current dueOn' })
  @IsCalendarDate()
  requestedDueOn!: string;

  @ApiProperty({ example: 'Het actieplan is nog niet gereed; debat na de begrotingsbehandeling' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  reason!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The nota carrying the uitstelverzoek' })
  @IsOptional()
  @IsUUID()
  notaId?: string;
}

export class PostponementOutcomeDto {
  @ApiProperty({ enum: POSTPONEMENT_OUTCOMES })
  @IsIn(POSTPONEMENT_OUTCOMES)
  outcome!: PostponementOutcome;

  @ApiPropertyOptional({ format: 'date', description: 'Only with granted; defaults to the requested date' })
  @IsOptional()
  @IsCalendarDate()
  newDueOn?: string;
}

export class DeadlineStatusDto {
  @ApiProperty({ enum: DEADLINE_CLOSING_STATUSES })
  @IsIn(DEADLINE_CLOSING_STATUSES)
  status!: DeadlineClosingStatus;
}
