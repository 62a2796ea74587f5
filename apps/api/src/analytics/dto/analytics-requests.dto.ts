import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsCalendarDate } from '../../common/validators';
import { TURNAROUND_GROUP_BY, type TurnaroundGroupBy } from '@notaflow/persistence';

export class TurnaroundQueryDto {
  @ApiPropertyOptional({
    format: 'date',
    example: '2024-01-01',
    description: 'First Europe/Amsterdam day of the period, included; default: 364 days before `to`',
  })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2024-12-31',
    description: 'Last Europe/Amsterdam day of the period, included; default: today',
  })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ enum: TURNAROUND_GROUP_BY, default: 'stage' })
  @IsOptional()
  @IsIn(TURNAROUND_GROUP_BY)
  groupBy?: TurnaroundGroupBy;

  @ApiPropertyOptional({ example: '28 638', description: 'Only notas of this Kamerstuk dossier' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  dossier?: string;

  @ApiPropertyOptional({
    example: 'VWS',
    description: 'Only what this organisation held (a changes_requested pause is held by the nota’s own)',
  })
  @IsOptional()
  @Matches(/^[A-Z]{2,10}$/, { message: '$property must be an organisation code such as VWS' })
  organisation?: string;
}

export const MAX_WITHIN_WORKING_DAYS = 260;

export class OverdueQueryDto {
  @ApiPropertyOptional({
    default: 0,
    minimum: 0,
    maximum: MAX_WITHIN_WORKING_DAYS,
    description: 'Besides what is past due, what falls due within this many working days (0: today)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_WITHIN_WORKING_DAYS)
  withinWorkingDays?: number;
}
