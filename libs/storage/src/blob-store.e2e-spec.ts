import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, chmodSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { GetObjectCommand, ListObjectVersionsCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { testStack } from '../../../test/support/stack';
import { BlobIntegrityError, BlobNotFoundError, type BlobStore } from './blob-store';
import { FsBlobStore } from './fs-blob-store';
import { hashStream } from './hashing';
import { S3BlobStore } from './s3-blob-store';
import { BlobTooLargeError, stage } from './staging';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function s3Client(): S3Client {
  const { s3 } = testStack();
  return new S3Client({
    endpoint: s3.endpoint,
    region: s3.region,
    forcePathStyle: true,
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
  });
}

interface Driver {
  name: string;
  store: BlobStore & { stagingDir: string };
  /** Changes the kept bytes behind the store's back, as disk rot or an intruder would. */
  tamper(key: string, bytes: Buffer): Promise<void>;
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'notaflow-blobs-'));
const client = s3Client();
const prefix = `spec-${randomBytes(4).toString('hex')}/`;

const drivers: Driver[] = [
  (() => {
    const store = new FsBlobStore(path.join(dir, 'fs'));
    return {
      name: 'file system',
      store,
      async tamper(key, bytes) {
        const file = path.join(store.root, 'sha256', key.slice(0, 2), key.slice(2, 4), key);
        chmodSync(file, 0o644);
        writeFileSync(file, bytes);
      },
    };
  })(),
  {
    name: 'S3 (versitygw)',
    store: new S3BlobStore({
      client,
      bucket: testStack().s3.bucket,
      prefix,
      stagingDir: path.join(dir, 's3-staging'),
      partSize: 5 * 1024 * 1024,
    }),
    async tamper(key, bytes) {
      // A new version under the same key, bypassing the store: what a second writer with the bucket's keys could do.
      await client.send(
        new PutObjectCommand({ Bucket: testStack().s3.bucket, Key: `${prefix}sha256/${key}`, Body: bytes }),
      );
    },
  },
];

afterAll(() => {
  client.destroy();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(drivers)('the content-addressed blob store on $name', ({ store, tamper, name }) => {
  it('keeps bytes under their SHA-256 and gives them back verified', async () => {
    const bytes = randomBytes(300_000);
    const staged = await stage(Readable.from([bytes]), { dir: store.stagingDir, maxBytes: 1_000_000 });
    expect(staged).toMatchObject({ sha256: sha256(bytes), size: bytes.length });
    await store.put(staged);
    await staged.discard();
    const blob = await store.open(sha256(bytes));
    expect(blob.size).toBe(bytes.length);
    expect(await hashStream(blob.stream())).toEqual({ sha256: sha256(bytes), size: bytes.length });
    await blob.release();
  });

  it('stores a large object in parts, each part checked by its checksum', async () => {
    const bytes = randomBytes(12 * 1024 * 1024 + 17);
    const staged = await stage(Readable.from([bytes.subarray(0, 4_000_000), bytes.subarray(4_000_000)]), {
      dir: store.stagingDir,
      maxBytes: 50 * 1024 * 1024,
    });
    await store.put(staged);
    await staged.discard();
    const blob = await store.open(staged.sha256);
    expect(await hashStream(blob.stream())).toEqual({ sha256: sha256(bytes), size: bytes.length });
    await blob.release();
  });

  it('stores the same bytes uploaded twice at once once', async () => {
    const bytes = randomBytes(64_000);
    const both = await Promise.all(
      [1, 2].map(() => stage(Readable.from([bytes]), { dir: store.stagingDir, maxBytes: 1_000_000 })),
    );
    await Promise.all(both.map((staged) => store.put(staged)));
    await Promise.all(both.map((staged) => staged.discard()));
    expect(await store.exists(sha256(bytes))).toBe(true);
    if (name.startsWith('S3')) {
      const versions = await client.send(
        new ListObjectVersionsCommand({ Bucket: testStack().s3.bucket, Prefix: `${prefix}sha256/${sha256(bytes)}` }),
      );
      expect(versions.Versions ?? []).toHaveLength(1);
    }
  });

  it('never hands out an object whose bytes no longer match its key', async () => {
    const bytes = randomBytes(10_000);
    const staged = await stage(Readable.from([bytes]), { dir: store.stagingDir, maxBytes: 1_000_000 });
    await store.put(staged);
    await staged.discard();
    const damaged = Buffer.from(bytes);
    damaged[5_000] ^= 0xff;
    await tamper(staged.sha256, damaged);
    await expect(store.open(staged.sha256)).rejects.toBeInstanceOf(BlobIntegrityError);
  });

  it('says so for an object it does not have', async () => {
    await expect(store.open(sha256(randomBytes(8)))).rejects.toBeInstanceOf(BlobNotFoundError);
    expect(await store.exists(sha256(randomBytes(8)))).toBe(false);
  });

  it('answers its health check', async () => {
    await expect(store.check()).resolves.toBeUndefined();
  });
});

describe(stage.name, () => {
  const stagingDir = path.join(dir, 'staging-only');

  it('cuts an upload off at the limit and leaves no file', async () => {
    const source = Readable.from(
      (function* () {
        for (let i = 0; i < 100; i++) yield randomBytes(64 * 1024);
      })(),
    );
    await expect(stage(source, { dir: stagingDir, maxBytes: 1_000_000 })).rejects.toBeInstanceOf(BlobTooLargeError);
    expect(readdirSync(stagingDir)).toEqual([]);
  });

  it('leaves no file when the sender goes away half-way', async () => {
    const source = new PassThrough();
    const staging = stage(source, { dir: stagingDir, maxBytes: 10_000_000 });
    source.write(randomBytes(100_000));
    setTimeout(() => source.destroy(new Error('aborted')), 20);
    await expect(staging).rejects.toThrow('aborted');
    expect(readdirSync(stagingDir)).toEqual([]);
  });
});

describe('versitygw, the S3 server the tests use', () => {
  it('refuses an upload whose checksum does not match its bytes (BadDigest)', async () => {
    const upload = client.send(
      new PutObjectCommand({
        Bucket: testStack().s3.bucket,
        Key: `${prefix}bad-digest`,
        Body: Buffer.from('the bytes sent'),
        ChecksumSHA256: createHash('sha256').update('other bytes').digest('base64'),
      }),
    );
    await expect(upload).rejects.toMatchObject({ name: 'BadDigest' });
    await expect(
      client.send(new GetObjectCommand({ Bucket: testStack().s3.bucket, Key: `${prefix}bad-digest` })),
    ).rejects.toMatchObject({ $metadata: { httpStatusCode: 404 } });
  });
});
