import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { ConfigError, loadConfig } from '@notaflow/config';
import { waitFor } from './lib/ports';
import { ensureBucket } from './lib/s3-server';

/**
 * `node dist/scripts/s3-bucket.js`: the documents' bucket on the S3 store of the app's settings (S3_*), made with
 * versioning on when it is not there yet. docker-compose runs it once before the API, as the cluster script does
 * when its S3 server is up.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env, 'worker');
  const { S3_ENDPOINT: endpoint, S3_BUCKET: bucket, S3_ACCESS_KEY_ID: accessKeyId } = config;
  if (config.DOCUMENT_STORE !== 's3' || !endpoint || !bucket || !accessKeyId || !config.S3_SECRET_ACCESS_KEY) {
    throw new ConfigError('DOCUMENT_STORE=s3 with S3_ENDPOINT, S3_BUCKET and its credentials is required');
  }
  const client = new S3Client({
    endpoint,
    region: config.S3_REGION,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
    credentials: { accessKeyId, secretAccessKey: config.S3_SECRET_ACCESS_KEY },
  });
  try {
    await waitFor('the S3 store', async () => (await client.send(new ListBucketsCommand({}))).Buckets, {
      timeoutMs: 60_000,
      intervalMs: 1000,
    });
    await ensureBucket(client, bucket);
    process.stdout.write(`bucket ${bucket} ready at ${endpoint}, versioning on\n`);
  } finally {
    client.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
