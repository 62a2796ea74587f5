import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { KAMERSTUK_DOSSIER_PATTERN, UW_KENMERK_PATTERN } from '@notaflow/domain';
import { IsCalendarDate, NestedObject } from '../../common/validators';

export class RouteDto {
  @ApiProperty({
    example: ['jenv.afdelingshoofd', 'jenv.directeur', 'jenv.dg'],
    description: 'Initialling chain, in order',
  })
  @IsArray()
  @ArrayMaxSize(12)
  @ArrayUnique({ message: '$property must not name a reviewer twice' })
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  reviewers!: string[];

  @ApiProperty({ example: 'jenv.bewindspersoon' })
  @IsString()
  @IsNotEmpty()
  decider!: string;

  @ApiProperty({ example: ['VWS', 'BZ', 'BHO', 'SZW'], description: 'Co-signing ministries, in parallel' })
  @IsArray()
  @ArrayMaxSize(30)
  @ArrayUnique({ message: '$property must not name a ministry twice' })
  @Matches(/^[A-Z]{2,10}$/, { each: true, message: '$property must be ministry codes such as VWS' })
  coSigners!: string[];

  @ApiProperty({ example: true })
  @IsBoolean()
  ministerraad!: boolean;

  @ApiPropertyOptional({ default: true, description: 'Co-signers who approved an older version approve again' })
  @IsOptional()
  @IsBoolean()
  coSignersReapproveAfterNewVersion?: boolean;
}

export class CreateNotaDto {
  @ApiProperty({ example: 'Actieplan programma Samen tegen mensenhandel' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title!: string;

  @ApiPropertyOptional({ example: '28 638', description: 'Kamerstukdossier' })
  @IsOptional()
  @IsString()
  @Matches(KAMERSTUK_DOSSIER_PATTERN, { message: '$property must be a Kamerstuk dossier number such as 28 638' })
  dossier?: string;

  @ApiPropertyOptional({ example: '2023Z13980/2023D36886' })
  @IsOptional()
  @IsString()
  @Matches(UW_KENMERK_PATTERN, { message: '$property must look like 2023Z13980/2023D36886 (or either half)' })
  uwKenmerk?: string;

  @ApiProperty({ type: RouteDto })
  @IsDefined()
  @NestedObject(() => RouteDto)
  route!: RouteDto;

  @ApiPropertyOptional({ example: '2024-06-21', format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  dueOn?: string;
}
