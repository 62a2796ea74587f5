import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@notaflow/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
import { SearchQuery, SearchResultDto } from './dto/search.dto';
import { SearchService } from './search.service';

@ApiTags('search')
@ApiBearerAuth()
@Controller('search')
export class SearchController {
  constructor(private readonly search: SearchService) {}

  @Get()
  @ApiOperation({ summary: 'Notas and deadlines the caller may open, by kenmerk, Kamerstuk or words, ranked' })
  @ApiOkResponse({ type: SearchResultDto })
  find(@CurrentActor() actor: Actor, @Query() query: SearchQuery): Promise<SearchResultDto> {
    return this.search.find(actor, query);
  }
}
