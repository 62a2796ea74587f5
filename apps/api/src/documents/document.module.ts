import { Module } from '@nestjs/common';
import { AuditRepository, DocumentRepository } from '@notaflow/persistence';
import { repositoryProviders } from '../database/repository.providers';
import { MetricsModule } from '../metrics/metrics.module';
import { blobStoreProvider, BLOB_STORE } from './blob-store.provider';
import { DocumentController } from './document.controller';
import { DocumentRecordService } from './document-record.service';
import { DocumentService } from './document.service';

@Module({
  imports: [MetricsModule],
  controllers: [DocumentController],
  providers: [
    blobStoreProvider,
    ...repositoryProviders(DocumentRepository, AuditRepository),
    DocumentService,
    DocumentRecordService,
  ],
  exports: [DocumentService, DocumentRepository, BLOB_STORE],
})
export class DocumentModule {}
