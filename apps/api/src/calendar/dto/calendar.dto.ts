import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { KAMER_EVENT_KINDS, type KamerEventKind } from '@notaflow/calendar';
import { IsCalendarDate } from '../../common/validators';

export class DateResultDto {
  @ApiProperty({ example: '2025-04-28', format: 'date' }) date!: string;
}

export class WorkingDaysResultDto {
  @ApiProperty({ example: 20, description: 'Working days after `from` up to and including `to`' })
  workingDays!: number;
}

export class VergaderjaarDto {
  @ApiProperty({ example: '2023-2024' }) vergaderjaar!: string;
  @ApiProperty({ example: '2023-09-19', format: 'date', description: 'Prinsjesdag, the first day' })
  startsOn!: string;
}

export class PlannedStageDto {
  @ApiProperty({ example: 'co-signing' }) stage!: string;
  @ApiProperty({ example: 10, description: 'Working days the stage is given; 1 (the meeting day) for ministerraad' })
  workingDays!: number;
  @ApiProperty({ example: '2024-05-31', format: 'date', description: 'The stage must have started on this day' })
  latestStart!: string;
  @ApiProperty({ example: '2024-06-13', format: 'date', description: 'The last working day the stage may take' })
  latestEnd!: string;
}

export class BackwardPlanDto {
  @ApiProperty({ example: '2024-06-21', format: 'date' }) target!: string;
  @ApiProperty({ type: [PlannedStageDto] }) stages!: PlannedStageDto[];
  @ApiProperty({ example: '2024-05-24', format: 'date', description: 'The latest start of the first stage' })
  startBy!: string;
}

export class CalendarPeriodDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'zomerreces 2024' }) name!: string;
  @ApiProperty({ example: '2024-07-05', format: 'date', description: 'First day, included' }) fromOn!: string;
  @ApiProperty({ example: '2024-09-02', format: 'date', description: 'Last day, included' }) toOn!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Where it was read' }) source!: string | null;
}

export class CreateCalendarPeriodDto {
  @ApiProperty({ example: 'zomerreces 2025' })
  @IsString()
  @Matches(/\S/, { message: '$property must not be empty' })
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: '2025-07-04', format: 'date' })
  @IsDefined()
  @IsCalendarDate()
  fromOn!: string;

  @ApiProperty({ example: '2025-09-01', format: 'date', description: 'Included; not before fromOn' })
  @IsDefined()
  @IsCalendarDate()
  toOn!: string;

  @ApiPropertyOptional({
    example: 'Tweede Kamer, "Recessen", https://www.tweedekamer.nl/debat_en_vergadering/recessen',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  source?: string;
}

export class EquatedDayDto {
  @ApiProperty({ example: '2024-12-27', format: 'date' }) date!: string;
  @ApiProperty({ example: 'vrijdag na Tweede Kerstdag' }) reason!: string;
  @ApiProperty({ description: 'The decree (title, date, Staatscourant) and where it was read' }) source!: string;
}

export class CreateEquatedDayDto {
  @ApiProperty({ example: '2027-05-07', format: 'date', description: 'A day that would count otherwise' })
  @IsDefined()
  @IsCalendarDate()
  date!: string;

  @ApiProperty({ example: 'vrijdag na Hemelvaartsdag' })
  @IsString()
  @Matches(/\S/, { message: '$property must not be empty' })
  @MaxLength(200)
  reason!: string;

  @ApiProperty({ example: 'Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, ... (BWBR0051300)' })
  @IsString()
  @Matches(/\S/, { message: '$property must not be empty' })
  @MaxLength(2000)
  source!: string;
}

export class MinisterraadMeetingDto {
  @ApiProperty({ example: '2024-07-02', format: 'date' }) date!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: 'The day it moved from, if it moved' })
  movedFrom!: string | null;
  @ApiProperty({ nullable: true, type: String }) source!: string | null;
}

export class CreateMinisterraadMeetingDto {
  @ApiProperty({ example: '2024-07-02', format: 'date', description: 'The day of the meeting' })
  @IsDefined()
  @IsCalendarDate()
  date!: string;

  @ApiPropertyOptional({
    example: '2024-07-05',
    format: 'date',
    description: 'For a moved meeting: the day it would have been held; no meeting is held then',
  })
  @IsOptional()
  @IsCalendarDate()
  movedFrom?: string;

  @ApiPropertyOptional({ example: 'NOS, 2 juli 2024' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  source?: string;
}

export class KamerEventDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: KAMER_EVENT_KINDS }) kind!: KamerEventKind;
  @ApiProperty({ nullable: true, type: String, example: 'JENV', description: 'For a begrotingsbehandeling' })
  organisation!: string | null;
  @ApiProperty({ example: '2024-02-07', format: 'date', description: 'First day, included' }) fromOn!: string;
  @ApiProperty({ example: '2024-02-08', format: 'date', description: 'Last day, included' }) toOn!: string;
  @ApiProperty({ nullable: true, type: String }) source!: string | null;
}

export class CreateKamerEventDto {
  @ApiProperty({ enum: KAMER_EVENT_KINDS })
  @IsIn(KAMER_EVENT_KINDS)
  kind!: KamerEventKind;

  @ApiPropertyOptional({ example: 'JENV', description: 'Required for a begrotingsbehandeling: whose budget' })
  @IsOptional()
  @Matches(/^[A-Z]{2,10}$/, { message: '$property must be a ministry code such as JENV' })
  organisation?: string;

  @ApiProperty({ example: '2024-11-20', format: 'date' })
  @IsDefined()
  @IsCalendarDate()
  fromOn!: string;

  @ApiProperty({ example: '2024-11-21', format: 'date', description: 'Included; not before fromOn' })
  @IsDefined()
  @IsCalendarDate()
  toOn!: string;

  @ApiPropertyOptional({ example: 'Handelingen II 2024/25, nr. 27' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  source?: string;
}
