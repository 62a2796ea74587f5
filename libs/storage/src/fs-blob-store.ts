import { createReadStream } from 'node:fs';
import { access, chmod, link, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BlobIntegrityError, BlobNotFoundError, assertSha256, type BlobStore, type VerifiedBlob } from './blob-store';
import { hashStream } from './hashing';
import type { StagedBlob } from './staging';

/**
 * Objects as read-only files under `root`, at `sha256/ab/cd/<sha256>`. The staging area lies under the same root, so a
 * staged file becomes an object by a hard link: atomic, and refused when the object exists, which is how the same
 * bytes uploaded twice at once are kept once.
 */
export class FsBlobStore implements BlobStore {
  readonly driver = 'fs';

  constructor(readonly root: string) {}

  /** Where uploads are staged: on the store's own file system, so that put() can link instead of copy. */
  get stagingDir(): string {
    return path.join(this.root, 'staging');
  }

  async put(staged: StagedBlob): Promise<void> {
    assertSha256(staged.sha256);
    const target = this.pathOf(staged.sha256);
    await mkdir(path.dirname(target), { recursive: true });
    try {
      await link(staged.path, target);
      await chmod(target, 0o444);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }

  async open(sha256: string): Promise<VerifiedBlob> {
    assertSha256(sha256);
    const file = this.pathOf(sha256);
    const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') throw new BlobNotFoundError(sha256);
      throw error;
    });
    // Read once to check, once to serve: a file that no longer matches its name is never sent, not even in part.
    const actual = await hashStream(createReadStream(file));
    if (actual.sha256 !== sha256) throw new BlobIntegrityError(sha256, actual.sha256);
    return {
      sha256,
      size: info.size,
      stream: () => createReadStream(file),
      release: () => Promise.resolve(),
    };
  }

  async exists(sha256: string): Promise<boolean> {
    assertSha256(sha256);
    return access(this.pathOf(sha256)).then(
      () => true,
      () => false,
    );
  }

  async remove(sha256: string): Promise<void> {
    assertSha256(sha256);
    await rm(this.pathOf(sha256), { force: true });
  }

  async check(): Promise<void> {
    await mkdir(this.stagingDir, { recursive: true });
    const probe = path.join(this.stagingDir, '.probe');
    await writeFile(probe, '');
    await rm(probe, { force: true });
  }

  private pathOf(sha256: string): string {
    return path.join(this.root, 'sha256', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }
}
