import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_VERSION } from '../../common/validators';

/** The ZGW Documenten API's status of an informatieobject, from the state of its version and nota. */
export const DOCUMENT_STATUSES = ['in_bewerking', 'ter_vaststelling', 'definitief'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export class DocumentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) notaId!: string;
  @ApiProperty({ example: 1 }) notaVersion!: number;
  @ApiProperty({ enum: ['nota', 'bijlage'] }) role!: 'nota' | 'bijlage';
  @ApiProperty({ nullable: true, type: String, example: 'Kamerbrief' }) title!: string | null;
  @ApiProperty({ example: 'Kamerbrief Actieplan.pdf' }) fileName!: string;
  @ApiProperty({ example: 'application/pdf' }) mediaType!: string;
  @ApiProperty({ description: 'bytes' }) size!: number;
  @ApiProperty({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the bytes, lowercase hex' }) sha256!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty({
    enum: DOCUMENT_STATUSES,
    description: 'in_bewerking while its version is open, ter_vaststelling once sealed, definitief once dispatched',
  })
  status!: DocumentStatus;
  @ApiProperty({ description: 'written in the app as a beslisnota (its sections at GET /documents/{id})' })
  written!: boolean;
}

export class DocumentDetailDto extends DocumentDto {
  @ApiPropertyOptional({
    type: Object,
    nullable: true,
    description: 'the beslisnota sections, when written in the app',
  })
  content!: unknown;
}

export class ListDocumentsQuery {
  @ApiPropertyOptional({ description: 'the version; default: the current one' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_VERSION)
  version?: number;
}

export class ChangesQuery {
  @ApiPropertyOptional({ description: 'the older version; default: the one before `to`' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_VERSION)
  from?: number;

  @ApiPropertyOptional({ description: 'the newer version; default: the current one' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_VERSION)
  to?: number;
}

export class TextChangeDto {
  @ApiProperty({ nullable: true, type: Number, description: 'page of the newer version; null for a DOCX' })
  page!: number | null;
  @ApiProperty() removed!: string;
  @ApiProperty() added!: string;
}

export class ChangesDto {
  @ApiProperty() from!: number;
  @ApiProperty() to!: number;
  @ApiProperty({ type: [TextChangeDto] }) hunks!: TextChangeDto[];
}

export const DOCUMENT_ROLES = ['nota', 'bijlage'] as const;
