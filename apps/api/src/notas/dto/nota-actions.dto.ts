import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsDossier } from '../../common/validators';

export class NewVersionDto {
  @ApiPropertyOptional({ example: 'Opmerkingen van de DG verwerkt' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;
}

export class WithdrawDto {
  @ApiProperty({ example: 'Actieplan wordt eerst in de ministerraad besproken' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  reason!: string;
}

export class KamerstukDto {
  @ApiProperty({ example: '28 638', description: "Kept in the Kamer's spelling: 28638 is 28 638" })
  @IsDossier()
  dossier!: string;

  @ApiProperty({ example: 217 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  number!: number;
}
