import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '@notaflow/config';
import {
  DOCUMENT_TYPES,
  extensionOf,
  extractText,
  isEncryptedPdf,
  renderBeslisnota,
  safeFileName,
  sniffDocumentType,
  TEXT_MEDIA_TYPES,
  type BeslisnotaContent,
} from '@notaflow/documents';
import { mayManageNota, unstorableText, type Actor } from '@notaflow/domain';
import { AuditRepository, DocumentRepository, type DocumentRow, type NotaForDocuments } from '@notaflow/persistence';
import { BlobIntegrityError, BlobNotFoundError, stage, type StagedBlob, type VerifiedBlob } from '@notaflow/storage';
import { AppException } from '../common/app.exception';
import { isUuid } from '../common/ids';
import { APP_CONFIG } from '../config/config.module';
import { AppMetrics } from '../metrics/app-metrics';
import { BLOB_STORE, type DocumentStore } from './blob-store.provider';
import type { DocumentDetailDto, DocumentDto } from './dto/document.dto';
import { receiveUpload, type UploadedFile } from './multipart-upload';

const MAX_TITLE = 300;
/** Reading a text at upload is for search; a document that takes longer is read when its versions are compared. */
const UPLOAD_TEXT_TIMEOUT_MS = 20_000;
/**
 * Larger files are stored without reading their text at upload: the reader holds the whole file in memory (a 200 MB
 * scan took the API's RSS up by 650 MB, bench:documents), and a file that large is a scan with no text to find.
 */
const UPLOAD_TEXT_MAX_BYTES = 32 * 1024 ** 2;

/**
 * A nota's documents: uploaded or written in the app, kept per version, their bytes in the content-addressed store.
 * Only the open version takes changes; whoever may read the nota may read its documents.
 */
@Injectable()
export class DocumentService {
  private readonly logger = new Logger(DocumentService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(BLOB_STORE) private readonly store: DocumentStore,
    private readonly documents: DocumentRepository,
    private readonly audit: AuditRepository,
    private readonly metrics: AppMetrics,
  ) {}

  /** An upload, streamed: staged while hashed, checked for what it is, then kept and registered. */
  async upload(actor: Actor, notaId: string, req: IncomingMessage): Promise<DocumentDto> {
    await this.openVersionFor(actor, notaId);
    const { file, fields } = await receiveUpload(req, {
      stagingDir: this.store.stagingDir,
      maxBytes: this.config.DOCUMENT_MAX_BYTES,
    });
    try {
      const role = fields.role;
      if (role !== 'nota' && role !== 'bijlage') {
        throw AppException.field('role', role === undefined ? 'required' : 'not_one_of', 'must be nota or bijlage', {
          allowed: 'nota, bijlage',
        });
      }
      const title = this.title(fields.title);
      if (!file) throw AppException.field('file', 'required', 'must be a file part named file');
      if (file.size === 0) throw AppException.field('file', 'empty_file', 'is empty');
      const { mediaType, fileName } = await this.recognise(file);
      return await this.keep(actor, notaId, file, { role, title, fileName, mediaType });
    } finally {
      await file?.discard();
    }
  }

  /** The beslisnota written in the app: rendered as a PDF and kept as the open version's `nota` document. */
  async write(actor: Actor, notaId: string, content: BeslisnotaContent): Promise<DocumentDto> {
    const nota = await this.openVersionFor(actor, notaId);
    const pdf = await renderBeslisnota(content, {
      onsKenmerk: nota.onsKenmerk,
      ministerie: await this.ministryName(nota.organisation),
    });
    const staged = await stage(Readable.from([pdf]), { dir: this.store.stagingDir, maxBytes: Infinity });
    try {
      return await this.keep(actor, notaId, staged, {
        role: 'nota',
        title: content.onderwerp,
        fileName: safeFileName(`Nota ${nota.onsKenmerk}.pdf`, 'pdf'),
        mediaType: DOCUMENT_TYPES.pdf.mediaType,
        content,
      });
    } finally {
      await staged.discard();
    }
  }

  async list(actor: Actor, notaId: string, version?: number): Promise<DocumentDto[]> {
    const nota = await this.readable(actor, notaId);
    const rows = await this.documents.list(notaId, version ?? nota.version);
    return rows.map((row) => this.toDto(row, nota.status));
  }

  async get(actor: Actor, id: string): Promise<DocumentDetailDto> {
    const { document, notaStatus } = await this.readableDocument(actor, id);
    return { ...this.toDto(document, notaStatus), content: document.content };
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const found = isUuid(id) ? await this.documents.find(id) : null;
    if (!found) throw new AppException('document_not_found', `No document ${id}.`);
    await this.documents.transaction(async (db) => {
      const nota = await this.documents.lockNota(db, found.notaId);
      this.assertManages(actor, nota!);
      if (nota!.openVersion !== found.notaVersion) throw this.sealed(nota!);
      await this.documents.remove(db, id);
    });
  }

  /** The bytes, checked against their SHA-256 before any is sent; a mismatch is never served. */
  async content(actor: Actor, id: string): Promise<{ document: DocumentRow; blob: VerifiedBlob }> {
    const { document } = await this.readableDocument(actor, id);
    return { document, blob: await this.open(document, actor) };
  }

  /** Opens a document's bytes verified, turning the store's refusals into the API's. */
  async open(document: Pick<DocumentRow, 'id' | 'sha256' | 'notaId'>, reader: Actor): Promise<VerifiedBlob> {
    try {
      return await this.store.open(document.sha256);
    } catch (error) {
      if (error instanceof BlobIntegrityError) {
        this.metrics.documentIntegrityFailures.inc({ store: this.store.driver });
        await this.recordIntegrityFailure(document, reader);
        this.logger.error(
          { documentId: document.id, notaId: document.notaId, sha256: error.sha256, actual: error.actual },
          'a stored document no longer matches its SHA-256; it is not served',
        );
        throw new AppException(
          'integrity_error',
          'The stored document no longer matches its SHA-256; it is not served.',
          {
            documentId: document.id,
          },
        );
      }
      if (error instanceof BlobNotFoundError) {
        throw new AppException('integrity_error', 'The stored document is missing from the document store.', {
          documentId: document.id,
        });
      }
      throw error;
    }
  }

  /** In the audit log beside the requests: who asked for bytes that were not served, and which object they were. */
  private async recordIntegrityFailure(document: Pick<DocumentRow, 'id'>, reader: Actor): Promise<void> {
    await this.audit
      .append({
        actor: reader.username,
        role: reader.role,
        organisation: reader.organisation,
        action: 'INTEGRITY document content',
        object: `/api/v1/documents/${document.id}/content`,
        result: 'failed',
        status: 500,
        origin: null,
        userAgent: null,
        requestId: null,
        at: new Date().toISOString(),
      })
      .catch((error: unknown) => this.logger.error({ err: error }, 'the integrity failure could not be audited'));
  }

  /** The nota as far as `actor` may read it (for the documents of its versions). */
  async readable(actor: Actor, notaId: string): Promise<NotaForDocuments> {
    const nota = isUuid(notaId) ? await this.documents.notaFor(actor, notaId) : null;
    if (!nota) throw new AppException('nota_not_found', `No nota ${notaId}.`);
    if (!nota.visible) throw new AppException('nota_not_visible', 'This nota belongs to another organisation.');
    return nota;
  }

  private async readableDocument(actor: Actor, id: string) {
    const found = isUuid(id) ? await this.documents.findForReader(actor, id) : null;
    if (!found) throw new AppException('document_not_found', `No document ${id}.`);
    if (!found.visible) throw new AppException('nota_not_visible', 'This nota belongs to another organisation.');
    return { document: found.document, notaStatus: found.notaStatus };
  }

  /** Checked before the upload is read and again, under the nota's lock, before it is registered. */
  private async openVersionFor(actor: Actor, notaId: string): Promise<NotaForDocuments> {
    const nota = isUuid(notaId) ? await this.documents.transaction((db) => this.documents.lockNota(db, notaId)) : null;
    if (!nota) throw new AppException('nota_not_found', `No nota ${notaId}.`);
    this.assertManages(actor, nota);
    if (nota.openVersion === null) throw this.sealed(nota);
    return nota;
  }

  private async keep(
    actor: Actor,
    notaId: string,
    staged: StagedBlob,
    meta: { role: 'nota' | 'bijlage'; title: string | null; fileName: string; mediaType: string; content?: unknown },
  ): Promise<DocumentDto> {
    await this.store.put(staged);
    const row = await this.documents.transaction(async (db) => {
      const nota = await this.documents.lockNota(db, notaId);
      this.assertManages(actor, nota!);
      if (nota!.openVersion === null) throw this.sealed(nota!);
      return this.documents.add(db, {
        id: randomUUID(),
        notaId,
        notaVersion: nota!.openVersion,
        role: meta.role,
        title: meta.title,
        fileName: meta.fileName,
        mediaType: meta.mediaType,
        size: staged.size,
        sha256: staged.sha256,
        content: meta.content,
        createdBy: actor.username,
      });
    });
    await this.keepText(staged, meta.mediaType);
    return this.toDto(row, 'draft');
  }

  /**
   * The text, read while the bytes are at hand and kept by their SHA-256, so search finds the document at once.
   * A text that cannot be read leaves the upload as it is: the document is still kept, only not found by its words.
   */
  private async keepText(staged: StagedBlob, mediaType: string): Promise<void> {
    if (!TEXT_MEDIA_TYPES.includes(mediaType) || staged.size > UPLOAD_TEXT_MAX_BYTES) return;
    if (await this.documents.text(staged.sha256)) return;
    try {
      await this.documents.saveText(
        staged.sha256,
        await extractText(staged.path, mediaType, { timeoutMs: UPLOAD_TEXT_TIMEOUT_MS }),
      );
    } catch (error) {
      this.logger.warn({ err: error, sha256: staged.sha256 }, 'the text of an uploaded document could not be read');
    }
  }

  /** What the bytes are, which must be what the name says, and nothing locked with a password. */
  private async recognise(file: UploadedFile): Promise<{ mediaType: string; fileName: string }> {
    const type = sniffDocumentType(file.head);
    const allowed = 'PDF, DOCX, ODT, XLSX, PNG or JPEG';
    if (!type) {
      throw new AppException('unsupported_media_type', `The file is not a ${allowed} document.`, { allowed });
    }
    const { mediaType, extensions } = DOCUMENT_TYPES[type];
    const fileName = safeFileName(file.fileName, extensions[0]);
    const extension = extensionOf(fileName);
    if (!(extensions as readonly string[]).includes(extension)) {
      throw new AppException(
        'unsupported_media_type',
        `The file's content is ${type.toUpperCase()}, but its name ends in "${extension ? `.${extension}` : ''}".`,
        { recognised: mediaType },
      );
    }
    if (type === 'pdf' && (await isEncryptedPdf(file.path))) {
      throw new AppException(
        'document_encrypted',
        'The PDF is encrypted: remove its password (and restrictions) before uploading it.',
      );
    }
    return { mediaType, fileName };
  }

  private title(given: string | undefined): string | null {
    const title = given?.trim();
    if (!title) return null;
    if (title.length > MAX_TITLE) throw AppException.field('title', 'too_long', 'is too long', { max: MAX_TITLE });
    const reason = unstorableText(title);
    if (reason) throw AppException.field('title', 'unstorable_text', reason);
    return title;
  }

  private assertManages(actor: Actor, nota: NotaForDocuments): void {
    if (!mayManageNota(actor, nota.organisation)) {
      throw new AppException('nota_not_managed', `Only drafters of ${nota.organisation} manage this nota's documents.`);
    }
  }

  private sealed(nota: NotaForDocuments): AppException {
    return new AppException(
      'version_sealed',
      `No version of this nota takes changes now (status ${nota.status}): a version is sealed once submitted.`,
    );
  }

  private ministryName(organisation: string): Promise<string> {
    return this.documents.organisationName(organisation);
  }

  toDto(row: DocumentRow, notaStatus: string): DocumentDto {
    return {
      id: row.id,
      notaId: row.notaId,
      notaVersion: row.notaVersion,
      role: row.role,
      title: row.title,
      fileName: row.fileName,
      mediaType: row.mediaType,
      size: row.size,
      sha256: row.sha256,
      createdAt: row.createdAt,
      createdBy: row.createdBy,
      status: !row.sealed ? 'in_bewerking' : notaStatus === 'dispatched' ? 'definitief' : 'ter_vaststelling',
      written: row.content !== null,
    };
  }
}
