import { ApiProperty } from '@nestjs/swagger';
import {
  DEADLINE_KINDS,
  DEADLINE_STATUSES,
  POSTPONEMENT_STATUSES,
  type DeadlineKind,
  type DeadlineStatus,
  type PostponementStatus,
} from '@notaflow/domain';
import { CitedKamerstukDto } from '../../common/kamerstuk.dto';
import { AnchorDto, DEADLINE_PRESETS, type DeadlinePreset } from './deadline-requests.dto';

export class PostponementDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) deadlineId!: string;
  @ApiProperty({ enum: POSTPONEMENT_STATUSES }) status!: PostponementStatus;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: 'Null when the request named no date' })
  requestedDueOn!: string | null;
  @ApiProperty({ format: 'date', description: 'The day the request was made' }) requestedOn!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) notaId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) newDueOn!: string | null;
  @ApiProperty() requestedBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) decidedBy!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) decidedAt!: string | null;
}

export class DeadlineDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: DEADLINE_KINDS }) kind!: DeadlineKind;
  @ApiProperty() title!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date',
    description: 'Null while it has no date ("z.s.m."), or while the calendar data does not hold its anchor\'s event',
  })
  dueOn!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date',
    description: 'As first set, or as the calendar data dates its anchor; postponements never change it',
  })
  originalDueOn!: string | null;
  @ApiProperty({ type: AnchorDto, nullable: true, description: "What the date follows from in the Kamer's calendar" })
  anchor!: AnchorDto | null;
  @ApiProperty({ enum: DEADLINE_PRESETS, nullable: true, description: 'The standard term it is counted by' })
  preset!: DeadlinePreset | null;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: 'The day of receipt the term runs from' })
  presetFrom!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date',
    description: 'The day the uitstelbericht or Woo verdaging went out, which extended the term',
  })
  extendedOn!: string | null;
  @ApiProperty({ nullable: true, type: String }) extensionReasons!: string | null;
  @ApiProperty({ type: [CitedKamerstukDto], description: 'The Kamerstukken it concerns' })
  kamerstukken!: CitedKamerstukDto[];
  @ApiProperty({ nullable: true, type: String }) dossier!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) notaId!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'P2Y' }) recurrence!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The occurrence this one recurs from' })
  previousId!: string | null;
  @ApiProperty({ enum: DEADLINE_STATUSES }) status!: DeadlineStatus;
  @ApiProperty({ example: 'JENV' }) organisation!: string;
  @ApiProperty({ type: [Number], example: [10, 5, 1] }) reminderLeadWorkingDays!: number[];
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'When it was met, missed or cancelled',
  })
  closedAt!: string | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class DeadlineDetailDto extends DeadlineDto {
  @ApiProperty({ type: [PostponementDto], description: 'Every postponement asked, oldest first' })
  postponements!: PostponementDto[];
}

export class PostponementOutcomeResultDto {
  @ApiProperty({ type: PostponementDto }) postponement!: PostponementDto;
  @ApiProperty({ type: DeadlineDetailDto }) deadline!: DeadlineDetailDto;
}

export class DeadlineStatusResultDto {
  @ApiProperty({ type: DeadlineDetailDto }) deadline!: DeadlineDetailDto;
  @ApiProperty({
    type: DeadlineDto,
    nullable: true,
    description: 'The next occurrence of a recurring deadline, once it is met',
  })
  nextOccurrence!: DeadlineDto | null;
}
