import { Module } from '@nestjs/common';
import { SearchRepository } from '@notaflow/persistence';
import { repositoryProviders } from '../database/repository.providers';
import { SearchController } from './search.controller';
import { SearchService } from './search.service';

@Module({
  controllers: [SearchController],
  providers: [SearchService, ...repositoryProviders(SearchRepository)],
})
export class SearchModule {}
