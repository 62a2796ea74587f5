import path from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import type { Provider } from '@nestjs/common';
import type { AppConfig } from '@notaflow/config';
import { FsBlobStore, S3BlobStore, type BlobStore } from '@notaflow/storage';
import { APP_CONFIG } from '../config/config.module';

export const BLOB_STORE = Symbol('BlobStore');

/** The store and where uploads are staged while they are hashed and checked, before they go in. */
export type DocumentStore = BlobStore & { stagingDir: string };

/** The configured store: the file system under DOCUMENTS_DIR by default, an S3-compatible one in production. */
export const blobStoreProvider: Provider = {
  provide: BLOB_STORE,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): DocumentStore => {
    const dir = path.resolve(config.DOCUMENTS_DIR);
    if (config.DOCUMENT_STORE === 'fs') return new FsBlobStore(dir);
    return new S3BlobStore({
      client: new S3Client({
        endpoint: config.S3_ENDPOINT,
        region: config.S3_REGION,
        forcePathStyle: config.S3_FORCE_PATH_STYLE,
        credentials: { accessKeyId: config.S3_ACCESS_KEY_ID!, secretAccessKey: config.S3_SECRET_ACCESS_KEY! },
      }),
      bucket: config.S3_BUCKET!,
      prefix: config.S3_PREFIX,
      stagingDir: path.join(dir, 'staging'),
    });
  },
};
