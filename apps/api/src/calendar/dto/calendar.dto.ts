import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsString, Matches, MaxLength } from 'class-validator';
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
}
