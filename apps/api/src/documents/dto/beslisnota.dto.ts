import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import type { BeslisnotaContent, ToelichtingSection } from '@notaflow/documents';
import { IsCalendarDate, NestedObject } from '../../common/validators';

const SECTION = 20_000;
const LINE = 300;

export class NietOpenbaarDto {
  @ApiProperty({ example: 'N.v.t.' }) @IsString() @IsNotEmpty() @MaxLength(SECTION) informatie!: string;
  @ApiProperty({ example: 'N.v.t.' }) @IsString() @IsNotEmpty() @MaxLength(SECTION) toelichting!: string;
}

export class ToelichtingenDto implements Partial<Record<ToelichtingSection, string>> {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(SECTION) politiekeContext?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(SECTION) financieleOverwegingen?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(SECTION) juridischeOverwegingen?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(SECTION) krachtenveld?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(SECTION) strategie?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(SECTION) uitvoering?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(SECTION) implementatie?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(SECTION) communicatie?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(SECTION) ontwikkelingenHiervoor?: string;
}

/** The beslisnota written in the app (seed 002's form); rendered as the version's `nota` document. */
export class BeslisnotaDto implements BeslisnotaContent {
  @ApiProperty({ example: 'Actieplan programma Samen tegen mensenhandel' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LINE)
  onderwerp!: string;

  @ApiProperty({ format: 'date', example: '2024-06-17', description: 'Datum: the document date' })
  @IsCalendarDate()
  datum!: string;

  @ApiProperty({
    type: [String],
    example: [
      'Directoraat-Generaal Rechtspleging en Rechtshandhaving',
      'Directie Rechtshandhaving en Criminaliteitsbestrijding',
    ],
  })
  @IsArray()
  @ArrayMaxSize(6)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(LINE, { each: true })
  afzender!: string[];

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(LINE) contactpersoon?: string;
  @ApiPropertyOptional({ example: '2' }) @IsOptional() @IsString() @MaxLength(50) dossiernummer?: string;

  @ApiProperty({ type: [String], description: 'the titles of the bijlagen, in order' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(LINE, { each: true })
  bijlagen!: string[];

  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(SECTION) aanleiding!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(SECTION) geadviseerdBesluit!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(SECTION) kernpunten!: string;
  @ApiProperty({ example: 'N.v.t.' }) @IsString() @IsNotEmpty() @MaxLength(SECTION) toelichting!: string;

  @ApiPropertyOptional({ type: ToelichtingenDto })
  @IsOptional()
  @NestedObject(() => ToelichtingenDto)
  toelichtingen?: ToelichtingenDto;

  @ApiProperty({ type: NietOpenbaarDto })
  @NestedObject(() => NietOpenbaarDto)
  nietOpenbaar!: NietOpenbaarDto;
}
