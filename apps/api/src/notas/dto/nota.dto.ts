import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NOTA_STAGES, NOTA_STATUSES, type NotaStage, type NotaStatus } from '@notaflow/domain';
import { CitedKamerstukDto } from '../../common/kamerstuk.dto';
import { TaskDto } from '../../tasks/dto/task.dto';
import { RouteDto } from './create-nota.dto';

export class KamerstukRefDto {
  @ApiProperty({ example: '28 638' }) dossier!: string;
  @ApiProperty({ example: 217 }) number!: number;
  @ApiProperty({ example: '2022-2023' }) vergaderjaar!: string;
}

export class HistoryEventDto {
  @ApiProperty() seq!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ example: 'task_decided' }) type!: string;
  @ApiProperty({ nullable: true, type: String }) actor!: string | null;
  @ApiProperty({ nullable: true, type: String }) organisation!: string | null;
  @ApiProperty({ enum: NOTA_STAGES, nullable: true }) stage!: string | null;
  @ApiProperty({ nullable: true, type: String }) decision!: string | null;
  @ApiProperty({ nullable: true, type: String }) remarks!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) taskId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: 'object', additionalProperties: true })
  data!: Record<string, unknown> | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'for a decision: the SHA-256 of the nota document it was given on',
  })
  seenSha256!: string | null;
}

export class NotaVersionDto {
  @ApiProperty() version!: number;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class NotaSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '5552554' }) onsKenmerk!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String }) dossier!: string | null;
  @ApiProperty({ nullable: true, type: String }) uwKenmerk!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) dueOn!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: 'The date the document bears (its Datum)' })
  documentDate!: string | null;
  @ApiProperty({ type: [CitedKamerstukDto], description: 'The Kamerstukken the nota concerns' })
  kamerstukken!: CitedKamerstukDto[];
  @ApiProperty({ example: 'JENV' }) organisation!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ enum: NOTA_STATUSES }) status!: NotaStatus;
  @ApiProperty({ enum: NOTA_STAGES, nullable: true }) stage!: NotaStage | null;
  @ApiProperty() version!: number;
  @ApiProperty({ type: RouteDto }) route!: RouteDto;
  @ApiProperty({ nullable: true, type: String }) workflowId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) submittedAt!: string | null;
  @ApiPropertyOptional({ format: 'date-time', type: String }) dispatchedAt?: string;
  @ApiPropertyOptional({ type: KamerstukRefDto }) kamerstuk?: KamerstukRefDto;
}

export class NotaDto extends NotaSummaryDto {
  @ApiProperty({
    nullable: true,
    type: String,
    pattern: '^[0-9a-f]{64}$',
    description: "the SHA-256 of the current version's nota document (lowercase hex); null when it has none",
  })
  documentSha256!: string | null;
  @ApiProperty({ type: [TaskDto] }) openTasks!: TaskDto[];
  @ApiProperty({
    type: [TaskDto],
    description:
      'Every task of the flow the caller may see, open and closed, oldest first: due moment against decision',
  })
  tasks!: TaskDto[];
  @ApiProperty({ type: [HistoryEventDto] }) history!: HistoryEventDto[];
  @ApiProperty({ type: [NotaVersionDto] }) versions!: NotaVersionDto[];
}

export class SubmitResultDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: NOTA_STATUSES }) status!: NotaStatus;
  @ApiProperty({ enum: NOTA_STAGES, nullable: true }) stage!: NotaStage | null;
  @ApiProperty() workflowId!: string;
}
