import { Module } from '@nestjs/common';
import { DocumentRepository } from '@notaflow/persistence';
import { repositoryProviders } from '../database/repository.providers';
import { blobStoreProvider, BLOB_STORE } from './blob-store.provider';
import { DocumentController } from './document.controller';
import { DocumentRecordService } from './document-record.service';
import { DocumentService } from './document.service';

@Module({
  controllers: [DocumentController],
  providers: [blobStoreProvider, ...repositoryProviders(DocumentRepository), DocumentService, DocumentRecordService],
  exports: [DocumentService, DocumentRepository, BLOB_STORE],
})
export class DocumentModule {}
