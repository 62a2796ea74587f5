import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DocumentRepository } from '@notaflow/persistence';
import { blobStoreProvider, BLOB_STORE } from './blob-store.provider';
import { DocumentController } from './document.controller';
import { DocumentRecordService } from './document-record.service';
import { DocumentService } from './document.service';

@Module({
  controllers: [DocumentController],
  providers: [
    blobStoreProvider,
    { provide: DocumentRepository, inject: [DataSource], useFactory: (db: DataSource) => new DocumentRepository(db) },
    DocumentService,
    DocumentRecordService,
  ],
  exports: [DocumentService, DocumentRepository, BLOB_STORE],
})
export class DocumentModule {}
