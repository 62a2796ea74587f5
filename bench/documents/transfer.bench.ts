/**
 * npm run bench:documents — what storing and serving a document costs, against what a user would do without the
 * product: `sha256sum` of the file and `cp` of it on the same disk (the hash and the copy the product makes of an
 * upload), and `cp` alone for a download. For a 20 MB and a 200 MB bijlage, in one run, each in BENCH_ROUNDS rounds
 * with the order of product and baseline alternating:
 *   - upload: POST /notas/{id}/documents (multipart, streamed), answered once stored under its SHA-256;
 *   - download: GET /documents/{id}/content to a file, its SHA-256 checked against the original's;
 *   - the API's RSS, sampled every 20 ms through the 200 MB upload: a streamed upload holds no file in memory.
 * The file is a PDF by its header with incompressible content, as a scanned bijlage is; its text cannot be read, which
 * the product records and moves on from.
 */
import { execFile } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, openAsBlob, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { promisify } from 'node:util';
import { call, signIn } from '../support/http';
import { rssBytes, startApiProcess } from '../support/processes';
import { Report, alternate, spread } from '../support/report';
import { envInt, fixed, median, progress, runBenchmark } from '../support/run';
import { describeStack, startBenchStack } from '../support/stack';

const MB = 1024 ** 2;
const SIZES_MB = [20, 200];
const ROUNDS = envInt('BENCH_ROUNDS', 3);
const GOAL_RATIO = 0.5;
const GOAL_RSS_MB = 50;

const run = promisify(execFile);

/** A PDF header, incompressible bytes, the end marker: `megabytes` MB on disk. */
function writeBijlage(file: string, megabytes: number): string {
  const hash = createHash('sha256');
  const chunks = [Buffer.from('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n')];
  const tail = Buffer.from('\n%%EOF\n');
  let left = megabytes * MB - chunks[0].length - tail.length;
  while (left > 0) {
    const chunk = randomBytes(Math.min(left, 4 * MB));
    chunks.push(chunk);
    left -= chunk.length;
  }
  chunks.push(tail);
  const bytes = Buffer.concat(chunks);
  writeFileSync(file, bytes);
  return hash.update(bytes).digest('hex');
}

async function seconds(work: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

void runBenchmark('documents benchmark', async (cleanup) => {
  const report = new Report('documents benchmark', 'npm run bench:documents');
  const stack = await startBenchStack(cleanup, { demoUsers: false, durable: true });
  const documentsDir = path.join(stack.dir, 'documents');
  const api = await startApiProcess({
    databaseUrl: stack.databaseUrl,
    temporalAddress: stack.temporalAddress,
    taskQueue: `bench-${randomUUID().slice(0, 8)}`,
    logFile: path.join(stack.dir, 'api.log'),
    documentsDir,
    jwtSecret: randomBytes(32).toString('hex'),
    env: { DOCUMENT_MAX_BYTES: String(300 * MB), RATE_LIMIT_PER_MINUTE: '100000' },
  });
  cleanup.add('API process', () => api.stop());
  const token = await signIn(api.baseUrl, 'jenv.staff');
  const registered = await call<{ id: string }>(api.baseUrl, token, 'POST', '/api/v1/notas', {
    title: 'Bijlagen van de voortgangsrapportage',
    route: { reviewers: ['jenv.afdelingshoofd'], decider: 'jenv.bewindspersoon', coSigners: [], ministerraad: false },
  });
  if (registered.status !== 201) throw new Error(`register: ${registered.status} ${JSON.stringify(registered.body)}`);
  const notaId = registered.body.id;

  // The files and the baseline's copies on the disk the product stores on.
  const work = path.join(stack.dir, 'files');
  mkdirSync(work, { recursive: true });
  report.header([
    `stack: ${await describeStack(stack)}; one API process, documents on the local file system (${documentsDir})`,
    `files: ${SIZES_MB.join(' MB and ')} MB, PDF header and incompressible content; ${ROUNDS} rounds each`,
    'baseline: upload = sha256sum FILE && cp FILE COPY; download = cp FILE COPY (same disk)',
  ]);

  for (const megabytes of SIZES_MB) {
    const file = path.join(work, `bijlage-${megabytes}mb.pdf`);
    const sha256 = writeBijlage(file, megabytes);
    const size = statSync(file).size;
    const rates = { upload: [] as number[], download: [] as number[], sha256cp: [] as number[], cp: [] as number[] };
    let peakRssGrowth = 0;

    for (let round = 0; round < ROUNDS; round++) {
      progress(`${megabytes} MB, round ${round + 1} of ${ROUNDS}`);
      const copy = path.join(work, `copy-${round}.pdf`);
      const downloaded = path.join(work, `downloaded-${round}.pdf`);
      let documentId = '';

      const product = async () => {
        const before = rssBytes(api.pid);
        let peak = before;
        const sampler = setInterval(() => (peak = Math.max(peak, rssBytes(api.pid))), 20);
        try {
          const form = new FormData();
          form.set('role', 'bijlage');
          form.set('title', `Bijlage ${megabytes} MB`);
          form.set('file', await openAsBlob(file, { type: 'application/pdf' }), path.basename(file));
          const up = await seconds(async () => {
            const response = await fetch(`${api.baseUrl}/api/v1/notas/${notaId}/documents`, {
              method: 'POST',
              headers: { authorization: `Bearer ${token}` },
              body: form,
            });
            const body = (await response.json()) as { id: string; sha256: string; size: number };
            if (response.status !== 201 || body.sha256 !== sha256 || body.size !== size) {
              throw new Error(`upload of ${megabytes} MB: ${response.status} ${JSON.stringify(body)}`);
            }
            documentId = body.id;
          });
          rates.upload.push(size / MB / up);
        } finally {
          clearInterval(sampler);
        }
        if (megabytes === Math.max(...SIZES_MB)) peakRssGrowth = Math.max(peakRssGrowth, (peak - before) / MB);
        const down = await seconds(async () => {
          const response = await fetch(`${api.baseUrl}/api/v1/documents/${documentId}/content`, {
            headers: { authorization: `Bearer ${token}` },
          });
          if (response.status !== 200 || !response.body) throw new Error(`download: ${response.status}`);
          await pipeline(Readable.fromWeb(response.body as WebReadableStream), createWriteStream(downloaded));
        });
        rates.download.push(size / MB / down);
        // Checked, not timed: the bytes served are the bytes stored.
        if ((await sha256Of(downloaded)) !== sha256) throw new Error(`download of ${megabytes} MB: other bytes`);
        rmSync(downloaded);
      };
      const baseline = async () => {
        const hashed = await seconds(async () => {
          const { stdout } = await run('sha256sum', [file]);
          if (!stdout.startsWith(sha256)) throw new Error('sha256sum disagrees');
          await run('cp', [file, copy]);
        });
        rates.sha256cp.push(size / MB / hashed);
        rmSync(copy);
        const copied = await seconds(() => run('cp', [file, copy]));
        rates.cp.push(size / MB / copied);
        rmSync(copy);
      };
      for (const step of alternate(round, [product, baseline] as const)) await step();
    }
    rmSync(file);

    const line = (what: string, product: number[], base: number[], baseName: string) => {
      const ratio = median(product) / median(base);
      report.figure(
        `${what} ${megabytes} MB`,
        `${spread(product, 1, ' MB/s')} vs ${baseName} ${spread(base, 1, ' MB/s')}`,
      );

      report.goal(
        `${what} of ${megabytes} MB at >= ${GOAL_RATIO}x ${baseName}:`,
        `${fixed(median(product))} vs ${fixed(median(base))} MB/s = ${fixed(ratio, 2)}x`,
        ratio >= GOAL_RATIO,
      );
    };
    line('upload', rates.upload, rates.sha256cp, 'sha256sum + cp');
    line('download', rates.download, rates.cp, 'cp');
    if (megabytes === Math.max(...SIZES_MB)) {
      report.goal(
        `API RSS growth during the ${megabytes} MB upload < ${GOAL_RSS_MB} MB:`,
        `${fixed(peakRssGrowth)} MB at most`,
        peakRssGrowth < GOAL_RSS_MB,
      );
    }
  }
  report.finish();
});
