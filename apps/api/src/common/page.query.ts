import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** Deeper than any list goes; beyond it a number is no offset but an attempt to overflow the query. */
const MAX_OFFSET = 1_000_000;

/**
 * `limit` and `offset` of a list route, with the route's own default and cap: a list query class extends
 * `PageQuery(50, 200)` and the service reads `query.limit ?? 50`.
 */
export function PageQuery(defaultLimit: number, maxLimit: number) {
  class Page {
    @ApiPropertyOptional({ default: defaultLimit, minimum: 1, maximum: maxLimit })
    @IsOptional()
    @Type(() => Number)
    @IsInt()
    @Min(1)
    @Max(maxLimit)
    limit?: number;

    @ApiPropertyOptional({ default: 0, minimum: 0, maximum: MAX_OFFSET })
    @IsOptional()
    @Type(() => Number)
    @IsInt()
    @Min(0)
    @Max(MAX_OFFSET)
    offset?: number;
  }
  return Page;
}
