import { Injectable } from '@nestjs/common';
import type { Actor } from '@notaflow/domain';
import { SearchRepository } from '@notaflow/persistence';
import { SEARCH_DEFAULT_LIMIT, type SearchItemDto, type SearchQuery, type SearchResultDto } from './dto/search.dto';

/** Finding a nota or deadline by what a user remembers of it; what the caller may open, best match first. */
@Injectable()
export class SearchService {
  constructor(private readonly search: SearchRepository) {}

  async find(actor: Actor, query: SearchQuery): Promise<SearchResultDto> {
    const hits = await this.search.search(actor, query.q, query.limit ?? SEARCH_DEFAULT_LIMIT);
    return {
      items: hits.map(({ onsKenmerk, ...hit }): SearchItemDto => ({
        ...hit,
        ...(onsKenmerk === null ? {} : { onsKenmerk }),
      })),
    };
  }
}
