import { Module } from '@nestjs/common';
import { OrganisationRepository } from '@notaflow/persistence';
import { repositoryProviders } from '../database/repository.providers';
import { OrganisationController } from './organisation.controller';
import { OrganisationService } from './organisation.service';

@Module({
  controllers: [OrganisationController],
  providers: [OrganisationService, ...repositoryProviders(OrganisationRepository)],
})
export class OrganisationModule {}
