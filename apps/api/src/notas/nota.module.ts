import { Module } from '@nestjs/common';
import { DocumentRepository, NotaRepository, OrganisationRepository, UserRepository } from '@notaflow/persistence';
import { repositoryProviders } from '../database/repository.providers';
import { FlowModule } from '../flow/flow.module';
import { NotaController } from './nota.controller';
import { NotaService } from './nota.service';

@Module({
  imports: [FlowModule],
  controllers: [NotaController],
  providers: [
    NotaService,
    ...repositoryProviders(NotaRepository, UserRepository, OrganisationRepository, DocumentRepository),
  ],
  exports: [NotaService],
})
export class NotaModule {}
