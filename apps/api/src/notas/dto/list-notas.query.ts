import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { NOTA_STAGES, NOTA_STATUSES, type NotaStage, type NotaStatus } from '@notaflow/domain';

export class ListNotasQuery {
  @ApiPropertyOptional({ enum: NOTA_STATUSES })
  @IsOptional()
  @IsIn(NOTA_STATUSES)
  status?: NotaStatus;

  @ApiPropertyOptional({ enum: NOTA_STAGES })
  @IsOptional()
  @IsIn(NOTA_STAGES)
  stage?: NotaStage;

  @ApiPropertyOptional({ example: '28 638' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  dossier?: string;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}
