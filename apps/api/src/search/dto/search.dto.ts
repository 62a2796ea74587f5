import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import {
  SEARCH_KINDS,
  SEARCH_MATCHES,
  SEARCH_MAX_LENGTH,
  SNIPPET_MARK,
  type SearchKind,
  type SearchMatch,
} from '@notaflow/domain';

export const SEARCH_DEFAULT_LIMIT = 20;
export const SEARCH_MAX_LIMIT = 50;

export class SearchQuery {
  @ApiProperty({
    minLength: 1,
    maxLength: SEARCH_MAX_LENGTH,
    example: '28 638 nr. 248',
    description:
      'Words (Dutch stemming: "brieven" finds "brief"; "quotes" for a phrase, -word to leave out), or an ons ' +
      'kenmerk, uw kenmerk, dossier or Kamerstuk ("28 638 nr. 248" and "28638-248" are one)',
  })
  // Spaces alone are no search: trimmed first, they are refused as empty.
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(SEARCH_MAX_LENGTH)
  q!: string;

  @ApiPropertyOptional({ default: SEARCH_DEFAULT_LIMIT, minimum: 1, maximum: SEARCH_MAX_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(SEARCH_MAX_LIMIT)
  limit?: number;
}

export class SearchItemDto {
  @ApiProperty({ enum: SEARCH_KINDS }) kind!: SearchKind;
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiPropertyOptional({ example: '6000123', description: 'a nota only' }) onsKenmerk?: string;
  @ApiProperty({
    enum: SEARCH_MATCHES,
    description: "where it was found: a nota's kenmerken, its title, remarks given on it or its documents' text",
  })
  matchedIn!: SearchMatch;
  @ApiProperty({
    example: `${SNIPPET_MARK.start}Brief${SNIPPET_MARK.stop} over de ${SNIPPET_MARK.start}bloemlezing${SNIPPET_MARK.stop}`,
    description: `the matching passage, plain text, each matching word between ${SNIPPET_MARK.start} and ${SNIPPET_MARK.stop}`,
  })
  snippet!: string;
}

export class SearchResultDto {
  @ApiProperty({ type: [SearchItemDto], description: 'best match first; only what the caller may open' })
  items!: SearchItemDto[];
}
