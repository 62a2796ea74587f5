export * from './blob-store';
export * from './staging';
export * from './hashing';
export * from './fs-blob-store';
export * from './s3-blob-store';
