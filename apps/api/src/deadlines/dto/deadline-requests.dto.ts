import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
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
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import { ANCHOR_EVENTS, type AnchorEvent } from '@notaflow/calendar';
import {
  DEADLINE_CLOSING_STATUSES,
  DEADLINE_KINDS,
  DEADLINE_STATUSES,
  isIsoPeriod,
  POSTPONEMENT_OUTCOMES,
  type DeadlineClosingStatus,
  type DeadlineKind,
  type DeadlineStatus,
  type PostponementOutcome,
} from '@notaflow/domain';
import { CitedKamerstukDto } from '../../common/kamerstuk.dto';
import { PageQuery } from '../../common/page.query';
import { IsCalendarDate, IsDossier, NestedObject, NormaliseDossier } from '../../common/validators';

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

export const ANCHOR_RELATIONS = ['before', 'after'] as const;

/** A date tied to the Kamer's calendar (API.md, Deadlines: `anchor`). */
export class AnchorDto {
  @ApiProperty({ enum: ANCHOR_EVENTS, example: 'zomerreces' })
  @IsIn(ANCHOR_EVENTS)
  event!: AnchorEvent;

  @ApiProperty({ example: 2023, description: 'The calendar year the event starts in' })
  @IsInt()
  @Min(1900)
  @Max(2199)
  year!: number;

  @ApiProperty({
    enum: ANCHOR_RELATIONS,
    description: 'before: the last working day before the event starts; after: the first working day after it ends',
  })
  @IsIn(ANCHOR_RELATIONS)
  relation!: (typeof ANCHOR_RELATIONS)[number];

  @ApiPropertyOptional({
    example: '2023-2024',
    description:
      'Which of two events of the kind that start in the same year: JenV treated its budget in February 2024 ' +
      '(vergaderjaar 2023-2024) and in November 2024 (2024-2025)',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{4}$/, { message: '$property must be a vergaderjaar such as 2023-2024' })
  vergaderjaar?: string;
}

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
    description:
      'The due date; or computed from a preset (when both are given they must agree) or an anchor. Without any: ' +
      'no date yet ("z.s.m."), dueOn null',
  })
  @IsOptional()
  @IsCalendarDate()
  dueOn?: string;

  @ApiPropertyOptional({
    type: AnchorDto,
    description:
      "Instead of dueOn: the date follows from the Kamer's calendar data and moves when an administrator corrects " +
      'it; null while the data does not hold the event',
  })
  @IsOptional()
  @NestedObject(() => AnchorDto)
  anchor?: AnchorDto;

  @ApiPropertyOptional({ example: '28 638', description: "Kamerstukdossier, kept in the Kamer's spelling" })
  @IsOptional()
  @IsDossier()
  dossier?: string;

  @ApiPropertyOptional({ type: [CitedKamerstukDto], description: 'The Kamerstukken the deadline concerns' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CitedKamerstukDto)
  kamerstukken?: CitedKamerstukDto[];

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
}

/**
 * The notice that extends a preset term at once: the Kamervragen uitstelbericht to the Voorzitter (three more weeks,
 * sent within the first three), the Woo verdaging to the verzoeker (at most two more weeks, given before the first
 * term ends). Not a request: nothing waits for an answer.
 */
export class ExtensionNoticeDto {
  @ApiProperty({ example: '2024-05-31', format: 'date', description: 'The day the notice went out' })
  @IsCalendarDate()
  sentOn!: string;

  @ApiProperty({ example: 'De beantwoording vraagt afstemming met het ministerie van SZW.' })
  @IsString()
  @Matches(/\S/, { message: '$property must give the reasons' })
  @MaxLength(4000)
  reasons!: string;

  @ApiPropertyOptional({
    example: 14,
    description: 'The extension in days: the most by default (Kamervragen: always 21; Woo: 1 to 14)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(21)
  extensionDays?: number;
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

  @ApiPropertyOptional({ example: '28 638', description: '28638 finds dossier 28 638 too' })
  @IsOptional()
  @NormaliseDossier()
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
  @ApiPropertyOptional({
    example: '2023-12-21',
    format: 'date',
    description:
      'After the current dueOn. Left out when the request names no date ("tot na de begrotingsbehandeling"); the ' +
      'outcome then names the new one',
  })
  @IsOptional()
  @IsCalendarDate()
  requestedDueOn?: string;

  @ApiPropertyOptional({
    example: '2023-09-22',
    format: 'date',
    description: 'The day the request was made (the date of its letter); today when left out',
  })
  @IsOptional()
  @IsCalendarDate()
  requestedOn?: string;

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

  @ApiPropertyOptional({
    format: 'date',
    description: 'Only with granted; defaults to the requested date, and is required when the request named none',
  })
  @IsOptional()
  @IsCalendarDate()
  newDueOn?: string;
}

export class DeadlineStatusDto {
  @ApiProperty({ enum: DEADLINE_CLOSING_STATUSES })
  @IsIn(DEADLINE_CLOSING_STATUSES)
  status!: DeadlineClosingStatus;
}
