import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import {
  DECISIONS,
  NOTA_STAGES,
  NOTA_STATUSES,
  TASK_STATUSES,
  TASK_TYPES,
  type Decision,
  type TaskStatus,
  type TaskType,
} from '@notaflow/domain';
import { PageQuery } from '../../common/page.query';
import { IsCalendarDate } from '../../common/validators';

export const TASK_PAGE_LIMIT = 500;

export class TaskDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) notaId!: string;
  @ApiProperty({ example: '5552554' }) onsKenmerk!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: TASK_TYPES }) type!: TaskType;
  @ApiProperty({ enum: NOTA_STAGES, example: 'co-signing' }) stage!: string;
  @ApiProperty({ example: 'VWS' }) organisation!: string;
  @ApiProperty({ nullable: true, type: String }) assignee!: string | null;
  @ApiProperty({ enum: TASK_STATUSES }) status!: TaskStatus;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ format: 'date', nullable: true, type: String }) meetingOn!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) decision!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) decidedBy!: string | null;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) decidedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) remarks!: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    pattern: '^[0-9a-f]{64}$',
    description: 'the SHA-256 of the nota document the decision was given on',
  })
  seenSha256!: string | null;
}

export class DecisionDto {
  @ApiProperty({ enum: DECISIONS, description: 'approve, reject, request_changes; ministerraad also hold' })
  @IsIn(DECISIONS, { message: '$property must be one of approve, reject, request_changes, hold' })
  decision!: Decision;

  @ApiPropertyOptional({ example: 'Akkoord, met dank voor de afstemming' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  remarks?: string;

  @ApiPropertyOptional({ format: 'date', description: 'ministerraad hold only: the meeting to hold over to' })
  @IsOptional()
  @IsCalendarDate()
  nextMeeting?: string;

  @ApiPropertyOptional({
    pattern: '^[0-9a-f]{64}$',
    description:
      'the documentSha256 of the nota version the holder read: required whenever the version has a nota document ' +
      '(every nota submitted since documents exist); another than the current one: 409 stale_version',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9a-f]{64}$/, { message: '$property must be a SHA-256 as 64 lowercase hex digits' })
  seenSha256?: string;
}

export class ReassignDto {
  @ApiProperty({ example: 'jenv.ahf', description: 'the user to hand the task to: of its role and organisation' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  to!: string;

  @ApiProperty({ example: 'Met verlof tot 1 juli; mijn plaatsvervanger parafeert' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  reason!: string;
}

/** An inbox holds all its open tasks at once; longer lists (done, all) are read in pages of up to 500. */
export class ListTasksQuery extends PageQuery(TASK_PAGE_LIMIT, TASK_PAGE_LIMIT) {
  @ApiPropertyOptional({ enum: [...TASK_STATUSES, 'all'], default: 'open' })
  @IsOptional()
  @IsIn([...TASK_STATUSES, 'all'])
  status?: TaskStatus | 'all';

  @ApiPropertyOptional({ enum: TASK_TYPES })
  @IsOptional()
  @IsIn(TASK_TYPES)
  type?: TaskType;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  notaId?: string;
}

export class NotaStateDto {
  @ApiProperty({ enum: NOTA_STATUSES }) status!: string;
  @ApiProperty({ enum: NOTA_STAGES, nullable: true }) stage!: string | null;
  @ApiProperty() version!: number;
}

export class DecisionResultDto {
  @ApiProperty({ type: TaskDto }) @Type(() => TaskDto) task!: TaskDto;
  @ApiProperty({ type: NotaStateDto }) nota!: NotaStateDto;
}
