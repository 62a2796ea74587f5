import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { MAX_STAGE_SLA_WORKING_DAYS, ROUTE_STAGES, UW_KENMERK_PATTERN, type RouteStage } from '@notaflow/domain';
import { CitedKamerstukDto } from '../../common/kamerstuk.dto';
import { IsCalendarDate, IsDossier } from '../../common/validators';

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

  @ApiPropertyOptional({
    enum: ROUTE_STAGES,
    isArray: true,
    example: ['initialling', 'co-signing', 'decision', 'dispatch'],
    description:
      'The order of the stages: each at most once, dispatch last, decision present, a stage named only when the ' +
      'route has its people (and named when it has them). Without it: initialling, decision, co-signing, ' +
      'ministerraad, dispatch.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ROUTE_STAGES.length)
  @IsIn(ROUTE_STAGES, { each: true })
  stages?: RouteStage[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'integer', minimum: 1, maximum: MAX_STAGE_SLA_WORKING_DAYS },
    example: { VWS: 10, BZ: 5 },
    description: "A co-signing ministry's own term in working days; the others take the default",
  })
  @IsOptional()
  @IsObject()
  coSigningDueWorkingDays?: Record<string, number>;
}

export class CreateNotaDto {
  @ApiProperty({ example: 'Actieplan programma Samen tegen mensenhandel' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title!: string;

  @ApiPropertyOptional({
    example: '28 638',
    description: "Kamerstukdossier, kept in the Kamer's spelling: 28638 is 28 638",
  })
  @IsOptional()
  @IsDossier()
  dossier?: string;

  @ApiPropertyOptional({ example: '2023Z13980/2023D36886' })
  @IsOptional()
  @IsString()
  @Matches(UW_KENMERK_PATTERN, { message: '$property must look like 2023Z13980/2023D36886 (or either half)' })
  uwKenmerk?: string;

  @ApiProperty({ type: RouteDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => RouteDto)
  route!: RouteDto;

  @ApiPropertyOptional({ example: '2024-06-21', format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  dueOn?: string;

  @ApiPropertyOptional({
    example: '2024-06-17',
    format: 'date',
    description: 'The date the document bears (its Datum), apart from when it is registered',
  })
  @IsOptional()
  @IsCalendarDate()
  documentDate?: string;

  @ApiPropertyOptional({
    type: [CitedKamerstukDto],
    description: 'The Kamerstukken the nota concerns (a verslag, a motie, the letter it follows)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CitedKamerstukDto)
  kamerstukken?: CitedKamerstukDto[];
}
