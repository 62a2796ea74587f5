import type { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3ServiceException,
  type S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { BlobIntegrityError, BlobNotFoundError, assertSha256, type BlobStore, type VerifiedBlob } from './blob-store';
import { stage, type StagedBlob } from './staging';

export interface S3BlobStoreOptions {
  client: S3Client;
  bucket: string;
  /** Prepended to every key, e.g. `notaflow/`. */
  prefix?: string;
  /** Where objects read back are checked before they are served. */
  stagingDir: string;
  /** Objects larger than this go up in parts of this size (at least 5 MiB, S3's minimum). */
  partSize?: number;
}

const DEFAULT_PART_SIZE = 8 * 1024 * 1024;

/**
 * Objects in an S3-compatible bucket under `<prefix>sha256/<sha256>`. Every upload carries its SHA-256 checksum
 * (of the object, or of each part of a multipart upload) so the store refuses bytes damaged on the way, and is
 * conditional (If-None-Match), so the same bytes uploaded twice at once make one object.
 */
export class S3BlobStore implements BlobStore {
  readonly driver = 's3';
  private readonly partSize: number;

  constructor(private readonly options: S3BlobStoreOptions) {
    this.partSize = Math.max(options.partSize ?? DEFAULT_PART_SIZE, 5 * 1024 * 1024);
  }

  get stagingDir(): string {
    return this.options.stagingDir;
  }

  async put(staged: StagedBlob): Promise<void> {
    assertSha256(staged.sha256);
    if (await this.exists(staged.sha256)) return;
    const { client, bucket } = this.options;
    const Key = this.keyOf(staged.sha256);
    try {
      if (staged.size <= this.partSize) {
        await client.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key,
            Body: staged.read(),
            ContentLength: staged.size,
            ChecksumSHA256: Buffer.from(staged.sha256, 'hex').toString('base64'),
            IfNoneMatch: '*',
          }),
        );
      } else {
        await new Upload({
          client,
          params: { Bucket: bucket, Key, Body: staged.read(), ChecksumAlgorithm: 'SHA256', IfNoneMatch: '*' },
          partSize: this.partSize,
          queueSize: 2,
          leavePartsOnError: false,
        }).done();
      }
    } catch (error) {
      // Another upload of the same bytes won the race: the object is there, which is all that was wanted.
      if (isStatus(error, 412) && (await this.exists(staged.sha256))) return;
      throw error;
    }
  }

  async open(sha256: string): Promise<VerifiedBlob> {
    assertSha256(sha256);
    const { client, bucket, stagingDir } = this.options;
    let body: Readable;
    try {
      const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: this.keyOf(sha256) }));
      body = answer.Body as Readable;
    } catch (error) {
      if (isStatus(error, 404)) throw new BlobNotFoundError(sha256);
      throw error;
    }
    // Kept locally while it is checked, so that nothing of an object that fails the check is ever sent.
    const copy = await stage(body, { dir: stagingDir, maxBytes: Number.POSITIVE_INFINITY });
    if (copy.sha256 !== sha256) {
      await copy.discard();
      throw new BlobIntegrityError(sha256, copy.sha256);
    }
    return { sha256, size: copy.size, stream: () => copy.read(), release: () => copy.discard() };
  }

  async exists(sha256: string): Promise<boolean> {
    assertSha256(sha256);
    try {
      await this.options.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: this.keyOf(sha256) }));
      return true;
    } catch (error) {
      if (isStatus(error, 404)) return false;
      throw error;
    }
  }

  async remove(sha256: string): Promise<void> {
    assertSha256(sha256);
    await this.options.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: this.keyOf(sha256) }));
  }

  async check(): Promise<void> {
    await this.options.client.send(new HeadBucketCommand({ Bucket: this.options.bucket }));
  }

  private keyOf(sha256: string): string {
    return `${this.options.prefix ?? ''}sha256/${sha256}`;
  }
}

function isStatus(error: unknown, status: number): boolean {
  return error instanceof S3ServiceException && error.$metadata?.httpStatusCode === status;
}
