import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { NOTIFICATION_KINDS } from '@notaflow/domain';

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS, example: 'task_reminder' }) kind!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) notaId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) taskId!: string | null;
  @ApiProperty() subject!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ nullable: true, type: String }) recipientUsername!: string | null;
  @ApiProperty({ nullable: true, type: String }) recipientOrganisation!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) readAt!: string | null;
}

export class ListNotificationsQuery {
  @ApiPropertyOptional({ description: 'Only those not yet read' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
