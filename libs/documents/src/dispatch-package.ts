import type { Readable } from 'node:stream';
import { ZipFile } from 'yazl';

export interface PackageFile {
  /** The name inside the archive. */
  name: string;
  role: 'nota' | 'bijlage';
  size: number;
  sha256: string;
  /** The bytes, verified against sha256 by the store before they are read. */
  open(): Promise<Readable>;
}

export interface PackageDecision {
  seq: number;
  at: string;
  actor: string | null;
  organisation: string | null;
  taskType: string | null;
  decision: string;
  seenSha256: string | null;
}

export interface DispatchManifest {
  nota: { id: string; onsKenmerk: string; title: string; version: number; dispatchedAt: string };
  files: { name: string; role: 'nota' | 'bijlage'; size: number; sha256: string }[];
  decisions: PackageDecision[];
}

/**
 * The record of what went to the Kamer as a ZIP: the final version's files and `manifest.json` with every file's hash
 * and every decision with the hash of what it was given on. Every entry is dated at the dispatch, and files are
 * added in a fixed order, so the same nota always gives the same bytes.
 */
export function dispatchPackage(manifest: DispatchManifest, files: readonly PackageFile[]): Readable {
  const zip = new ZipFile();
  const mtime = new Date(manifest.nota.dispatchedAt);
  const add = async () => {
    zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), 'manifest.json', {
      mtime,
      mode: 0o100644,
      compress: false,
    });
    for (const file of files) {
      // Already compressed formats gain nothing from deflate; storing them keeps the package quick to build.
      zip.addReadStream(await file.open(), file.name, { mtime, mode: 0o100644, compress: false, size: file.size });
    }
    zip.end();
  };
  const output = zip.outputStream as unknown as Readable;
  add().catch((error: unknown) => output.destroy(error as Error));
  return output;
}
