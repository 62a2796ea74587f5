import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import {
  TEXT_MEDIA_TYPES,
  TextExtractionError,
  dispatchPackage,
  extractText,
  textChanges,
  type PackageFile,
} from '@notaflow/documents';
import type { Actor } from '@notaflow/domain';
import { DocumentRepository, type DocumentRow } from '@notaflow/persistence';
import { stage } from '@notaflow/storage';
import { AppException } from '../common/app.exception';
import { BLOB_STORE, type DocumentStore } from './blob-store.provider';
import { DocumentService } from './document.service';
import type { ChangesDto } from './dto/document.dto';

/**
 * What the documents of a nota tell beyond themselves: what changed in the nota document's text between two
 * versions, and the record of what went to the Kamer.
 */
@Injectable()
export class DocumentRecordService {
  constructor(
    private readonly documents: DocumentService,
    private readonly repository: DocumentRepository,
    @Inject(BLOB_STORE) private readonly store: DocumentStore,
  ) {}

  /** Word by word, with the pages of the newer version: what a co-signer asked to approve again reads first. */
  async changes(actor: Actor, notaId: string, from?: number, to?: number): Promise<ChangesDto> {
    const nota = await this.documents.readable(actor, notaId);
    const latest = nota.openVersion ?? nota.version;
    const newer = to ?? latest;
    const older = from ?? newer - 1;
    if (newer > latest) {
      throw new AppException('version_not_found', `The nota has no version ${newer} yet (the latest is ${latest}).`);
    }
    if (older < 1 || older >= newer) {
      throw AppException.field('from', 'out_of_range', `must be a version from 1 to ${newer - 1}`, {
        min: 1,
        max: newer - 1,
      });
    }
    const [a, b] = await Promise.all([older, newer].map((v) => this.repository.notaDocument(notaId, v)));
    if (!a || !b) {
      throw new AppException('document_missing', `Version ${a ? newer : older} has no nota document to compare.`);
    }
    const [before, after] = await Promise.all([this.pagesOf(a, actor), this.pagesOf(b, actor)]);
    return { from: older, to: newer, hunks: textChanges(before, after) };
  }

  /** The ZIP of the final version's files and a manifest of their hashes and of every decision's seenSha256. */
  async package(actor: Actor, notaId: string): Promise<{ fileName: string; stream: Readable }> {
    await this.documents.readable(actor, notaId);
    const record = await this.repository.dispatchRecord(notaId);
    if (!record)
      throw new AppException('nota_not_dispatched', 'The package exists once the nota has gone to the Kamer.');
    const rows = await this.repository.list(notaId, record.version);
    // Every file checked before the first byte of the ZIP goes out: a damaged one refuses the package whole.
    const blobs = await Promise.all(rows.map((row) => this.documents.open(row, actor)));
    let bijlage = 0;
    const files: PackageFile[] = rows.map((row, i) => ({
      name: row.role === 'nota' ? `nota/${row.fileName}` : `bijlagen/${++bijlage} ${row.fileName}`,
      role: row.role,
      size: row.size,
      sha256: row.sha256,
      open: () => {
        const stream = blobs[i].stream();
        stream.once('close', () => void blobs[i].release());
        return Promise.resolve(stream);
      },
    }));
    const stream = dispatchPackage(
      {
        nota: {
          id: record.id,
          onsKenmerk: record.onsKenmerk,
          title: record.title,
          version: record.version,
          dispatchedAt: record.dispatchedAt,
        },
        files: files.map(({ name, role, size, sha256 }) => ({ name, role, size, sha256 })),
        decisions: record.decisions,
      },
      files,
    );
    return { fileName: `nota-${record.onsKenmerk}-verzonden.zip`, stream };
  }

  /** The document's text per page, read once per SHA-256 and kept. */
  private async pagesOf(document: DocumentRow, reader: Actor): Promise<string[]> {
    if (!TEXT_MEDIA_TYPES.includes(document.mediaType)) {
      throw new AppException(
        'document_not_comparable',
        `Only the text of PDF and DOCX documents can be compared; version ${document.notaVersion}'s is ${document.mediaType}.`,
      );
    }
    const known = await this.repository.text(document.sha256);
    if (known) return known;
    const blob = await this.documents.open(document, reader);
    const local = await stage(blob.stream(), { dir: this.store.stagingDir, maxBytes: Infinity }).finally(() =>
      blob.release(),
    );
    try {
      const pages = await extractText(local.path, document.mediaType);
      await this.repository.saveText(document.sha256, pages);
      return pages;
    } catch (error) {
      if (error instanceof TextExtractionError) {
        throw new AppException(
          'document_not_comparable',
          `The text of version ${document.notaVersion}'s nota document could not be read: ${error.message}`,
        );
      }
      throw error;
    } finally {
      await local.discard();
    }
  }
}
