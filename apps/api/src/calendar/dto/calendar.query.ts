import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsCalendarDate } from '../../common/validators';

export const MAX_WORKING_DAYS = 3650;

export class AddWorkingDaysQuery {
  @ApiProperty({ example: '2025-04-24', format: 'date' })
  @IsDefined()
  @IsCalendarDate()
  from!: string;

  @ApiProperty({
    example: 2,
    minimum: -MAX_WORKING_DAYS,
    maximum: MAX_WORKING_DAYS,
    description: 'Working days to add; negative counts back. 0 gives `from` itself, or the next working day.',
  })
  @IsDefined()
  // Only plain decimal integers: `''`, `0x10` or `1e3` are refused, not read as numbers.
  @Transform(({ value }) => (typeof value === 'string' && /^[-+]?\d{1,9}$/.test(value) ? Number(value) : value))
  @IsInt()
  @Min(-MAX_WORKING_DAYS)
  @Max(MAX_WORKING_DAYS)
  days!: number;
}

export class MinisterraadQuery {
  @ApiProperty({ example: '2022-07-14', format: 'date', description: 'The meeting found is strictly after this day' })
  @IsDefined()
  @IsCalendarDate()
  after!: string;
}

export class WorkingDaysQuery {
  @ApiProperty({ example: '2024-05-01', format: 'date' })
  @IsDefined()
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ example: '2024-05-31', format: 'date', description: 'Included; before `from` gives a negative count' })
  @IsDefined()
  @IsCalendarDate()
  to!: string;
}

export class VergaderjaarQuery {
  @ApiProperty({ example: '2023-10-18', format: 'date' })
  @IsDefined()
  @IsCalendarDate()
  date!: string;
}

export class BackwardPlanQuery {
  @ApiProperty({
    example: '2024-06-21',
    format: 'date',
    description: 'The fixed date to meet: a debate, a ministerraad Friday, a toezegging',
  })
  @IsDefined()
  @IsCalendarDate()
  target!: string;

  @ApiPropertyOptional({
    example: 'initialling,decision,co-signing:10,ministerraad,dispatch',
    default: 'initialling,decision,co-signing,ministerraad,dispatch',
    description:
      'The stages in route order, comma-separated, each once: initialling, decision, co-signing, ministerraad, ' +
      'dispatch. A stage takes its default service level in working days unless written `stage:days` (1..250). ' +
      'The ministerraad stage takes no days: it is planned on the latest ministerraad Friday that leaves the ' +
      'following stages their working days.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  route?: string;
}

export class EquatedDaysQuery {
  @ApiPropertyOptional({ example: 2024, description: 'Only the days of this year; every one when absent' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && /^\d{4}$/.test(value) ? Number(value) : value))
  @IsInt()
  @Min(1900)
  @Max(2199)
  year?: number;
}

/** ATW art. 4: a term of more than 90 days is outside the law, but it still ends somewhere; a decade is the most. */
export const MAX_TERM_DAYS = 3650;

export class TermEndQuery {
  @ApiProperty({ example: '2024-12-12', format: 'date', description: 'The day of the event the term runs from' })
  @IsDefined()
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ example: 21, minimum: 0, maximum: MAX_TERM_DAYS, description: 'The term in calendar days' })
  @IsDefined()
  @Transform(({ value }) => (typeof value === 'string' && /^\+?\d{1,9}$/.test(value) ? Number(value) : value))
  @IsInt()
  @Min(0)
  @Max(MAX_TERM_DAYS)
  days!: number;
}

export class CalendarDayParam {
  @ApiProperty({ example: '2024-12-27', format: 'date' })
  @IsCalendarDate()
  date!: string;
}
