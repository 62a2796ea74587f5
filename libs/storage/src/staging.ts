import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** How many leading bytes are kept aside for recognising the type of a file. */
export const HEAD_BYTES = 64 * 1024;

/** Bytes received and written to a local file, hashed on the way: not yet in the store. */
export interface StagedBlob {
  path: string;
  sha256: string;
  size: number;
  /** The first HEAD_BYTES bytes (fewer for a smaller file). */
  head: Buffer;
  /** Reads the staged bytes again (to send them to a remote store, to inspect them). */
  read(range?: { start: number; end: number }): Readable;
  /** Deletes the staged file; safe to call twice. */
  discard(): Promise<void>;
}

/** More bytes came than the limit allows; the upload was cut off there. */
export class BlobTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`more than ${maxBytes} bytes`);
    this.name = 'BlobTooLargeError';
  }
}

/**
 * Writes a stream to a file under `dir`, hashing and counting as it goes, never holding it in memory. A stream that
 * ends early (a client that disconnects), fails or passes `maxBytes` leaves nothing behind: the file is removed and
 * the error passed on.
 */
export async function stage(source: Readable, options: { dir: string; maxBytes: number }): Promise<StagedBlob> {
  await mkdir(options.dir, { recursive: true });
  const file = path.join(options.dir, `${randomUUID()}.part`);
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let headLength = 0;
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > options.maxBytes) return done(new BlobTooLargeError(options.maxBytes));
      hash.update(chunk);
      if (headLength < HEAD_BYTES) {
        const part = chunk.subarray(0, HEAD_BYTES - headLength);
        head.push(part);
        headLength += part.length;
      }
      done(null, chunk);
    },
  });
  try {
    await pipeline(source, meter, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
  } catch (error) {
    await rm(file, { force: true });
    throw error;
  }
  return stagedFile(file, hash.digest('hex'), size, Buffer.concat(head));
}

function stagedFile(file: string, sha256: string, size: number, head: Buffer): StagedBlob {
  return {
    path: file,
    sha256,
    size,
    head,
    read: (range) => createReadStream(file, range),
    discard: () => rm(file, { force: true }),
  };
}
