import type { Readable } from 'node:stream';
import type { StagedBlob } from './staging';

/** A SHA-256 as the store keys objects: 64 lowercase hex digits. */
export const SHA256_PATTERN = /^[0-9a-f]{64}$/;

/** Bytes read back from the store, already checked against their SHA-256: safe to serve. */
export interface VerifiedBlob {
  sha256: string;
  size: number;
  /** The bytes; call once. */
  stream(): Readable;
  /** Frees what reading took (a local copy of a remote object); after the stream has been consumed or abandoned. */
  release(): Promise<void>;
}

/**
 * A content-addressed store: every object is kept under the SHA-256 of its bytes, written once and never
 * overwritten, so the same bytes are stored once however often they are uploaded, and a key names its content.
 */
export interface BlobStore {
  readonly driver: 'fs' | 's3';
  /** Keeps the staged bytes under their SHA-256; bytes already kept are not written again. */
  put(staged: StagedBlob): Promise<void>;
  /** The object, verified before a byte of it is handed out: BlobIntegrityError when it no longer matches its key. */
  open(sha256: string): Promise<VerifiedBlob>;
  exists(sha256: string): Promise<boolean>;
  /** Removes an object that no row refers to any more (a sweep of orphans); never one still in use. */
  remove(sha256: string): Promise<void>;
  /** Reachable and writable: for health checks. */
  check(): Promise<void>;
}

/** The kept bytes no longer hash to their key: corruption or tampering. Never served. */
export class BlobIntegrityError extends Error {
  constructor(
    readonly sha256: string,
    readonly actual: string,
  ) {
    super(`stored object ${sha256} hashes to ${actual}`);
    this.name = 'BlobIntegrityError';
  }
}

export class BlobNotFoundError extends Error {
  constructor(readonly sha256: string) {
    super(`no stored object ${sha256}`);
    this.name = 'BlobNotFoundError';
  }
}

export function assertSha256(sha256: string): void {
  if (!SHA256_PATTERN.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
}
