import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { MAX_KAMERSTUK_NUMBER } from '@notaflow/domain';
import { IsDossier } from './validators';

/** A Kamerstuk a nota or deadline concerns: dossier + nr. (`28 638, nr. 216`, the verslag of 19 January 2023). */
export class CitedKamerstukDto {
  @ApiProperty({ example: '28 638', description: "Kamerstukdossier, kept in the Kamer's spelling" })
  @IsDossier()
  dossier!: string;

  @ApiProperty({ example: 216, minimum: 1, maximum: MAX_KAMERSTUK_NUMBER })
  @IsInt()
  @Min(1)
  @Max(MAX_KAMERSTUK_NUMBER)
  number!: number;
}
