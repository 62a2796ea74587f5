import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { NOTA_STAGES, NOTA_STATUSES, type NotaStage, type NotaStatus } from '@notaflow/domain';
import { PageQuery } from '../../common/page.query';
import { NormaliseDossier } from '../../common/validators';

export class ListNotasQuery extends PageQuery(50, 200) {
  @ApiPropertyOptional({ enum: NOTA_STATUSES })
  @IsOptional()
  @IsIn(NOTA_STATUSES)
  status?: NotaStatus;

  @ApiPropertyOptional({ enum: NOTA_STAGES })
  @IsOptional()
  @IsIn(NOTA_STAGES)
  stage?: NotaStage;

  @ApiPropertyOptional({ example: '28 638', description: '28638 finds dossier 28 638 too' })
  @IsOptional()
  @NormaliseDossier()
  @IsString()
  @MaxLength(40)
  dossier?: string;
}
