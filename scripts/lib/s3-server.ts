import { mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  CreateBucketCommand,
  ListBucketsCommand,
  PutBucketVersioningCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { startChild, type Child } from './child';
import { ensureGoBinary } from './go-binary';
import { waitFor } from './ports';

/** Apache-2.0; checks `x-amz-checksum-sha256` and answers BadDigest to a wrong one, keeps versions, SigV4 presigning. */
export const VERSITYGW_VERSION = 'v1.8.0';

export function ensureS3Server(log: (line: string) => void = () => undefined): string {
  return ensureGoBinary(
    {
      title: 'the S3 server (versitygw)',
      pkg: 'github.com/versity/versitygw/cmd/versitygw',
      version: VERSITYGW_VERSION,
      folder: 'versitygw',
      override: 'S3_SERVER_PATH',
    },
    log,
  );
}

export interface S3ServerOptions {
  binary: string;
  port: number;
  /** Its buckets and their objects, as directories and files. */
  dataDir: string;
  logFile: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export interface RunningS3Server {
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  child: Child;
  stop(): Promise<void>;
}

const REGION = 'us-east-1';

/** versitygw on loopback over a directory, with the bucket made (versioned) when it is not there yet. */
export async function startS3Server(options: S3ServerOptions): Promise<RunningS3Server> {
  const objects = path.join(options.dataDir, 'objects');
  const versions = path.join(options.dataDir, 'versions');
  mkdirSync(objects, { recursive: true });
  mkdirSync(versions, { recursive: true });
  const child = startChild(
    'versitygw',
    options.binary,
    ['--port', `127.0.0.1:${options.port}`, '--quiet', 'posix', '--versioning-dir', versions, objects],
    {
      logFile: options.logFile,
      stopWithParent: 'SIGTERM',
      env: {
        ...process.env,
        ROOT_ACCESS_KEY_ID: options.accessKeyId,
        ROOT_SECRET_ACCESS_KEY: options.secretAccessKey,
      },
    },
  );
  const endpoint = `http://127.0.0.1:${options.port}`;
  const client = s3Client({ endpoint, ...options });
  try {
    await waitFor(
      'the S3 server',
      async () => {
        if (child.process.exitCode !== null) throw new Error(`versitygw exited; see ${options.logFile}`);
        return (await client.send(new ListBucketsCommand({}))).Buckets;
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    await ensureBucket(client, options.bucket);
  } catch (error) {
    await child.stop('SIGKILL');
    throw error;
  } finally {
    client.destroy();
  }
  return {
    endpoint,
    bucket: options.bucket,
    accessKeyId: options.accessKeyId,
    secretAccessKey: options.secretAccessKey,
    region: REGION,
    child,
    stop: () => child.stop('SIGTERM', 10_000),
  };
}

function s3Client(options: { endpoint: string; accessKeyId: string; secretAccessKey: string }): S3Client {
  return new S3Client({
    endpoint: options.endpoint,
    region: REGION,
    forcePathStyle: true,
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
  });
}

/**
 * The documents' bucket, made when it is not there yet, with versioning on: what the product expects of its store.
 * The cluster calls it when its S3 server is up; docker-compose runs it once (scripts/s3-bucket.ts).
 */
export async function ensureBucket(client: S3Client, bucket: string): Promise<void> {
  try {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
  } catch (error) {
    if (!(error instanceof S3ServiceException && error.name === 'BucketAlreadyOwnedByYou')) throw error;
  }
  await client.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }));
}
