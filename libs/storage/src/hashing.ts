import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';

/** The SHA-256 of a stream's bytes, lowercase hex, and how many there were. */
export async function hashStream(source: Readable): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of source) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}
