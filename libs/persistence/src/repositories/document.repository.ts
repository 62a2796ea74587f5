import type { EntityManager } from 'typeorm';
import type { Actor, NotaStatus } from '@notaflow/domain';
import { binder, notaVisibleTo } from '../access';
import { managerOf, type Database } from './database';

export type DocumentRole = 'nota' | 'bijlage';

/** A document as the registry keeps it: the metadata, its bytes in the blob store under `sha256`. */
export interface DocumentRow {
  id: string;
  notaId: string;
  notaVersion: number;
  role: DocumentRole;
  title: string | null;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  createdAt: string;
  createdBy: string;
  /** The beslisnota's sections when it was written in the app; null for an upload. */
  content: unknown;
  /** Whether its version is sealed (submitted, or answered with a new version): then it never changes. */
  sealed: boolean;
}

export type NewDocument = Omit<DocumentRow, 'createdAt' | 'sealed' | 'content'> & { content?: unknown };

export interface DispatchRecord {
  id: string;
  onsKenmerk: string;
  title: string;
  version: number;
  dispatchedAt: string;
  decisions: {
    seq: number;
    at: string;
    actor: string | null;
    organisation: string | null;
    taskType: string | null;
    decision: string;
    seenSha256: string | null;
  }[];
}

/** A nota as a change of its documents needs it, locked for the change's transaction. */
export interface NotaForDocuments {
  id: string;
  organisation: string;
  status: NotaStatus;
  version: number;
  onsKenmerk: string;
  title: string;
  /** The version that takes uploads now, or null when none does. */
  openVersion: number | null;
}

const COLUMNS = `d.id, d.nota_id AS "notaId", d.nota_version AS "notaVersion", d.role, d.title, d.file_name AS "fileName",
  d.media_type AS "mediaType", d.size::float8 AS size, d.sha256,
  to_char(d.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt", d.created_by AS "createdBy",
  d.content,
  EXISTS (SELECT 1 FROM nota_versions v
           WHERE v.nota_id = d.nota_id AND v.version = d.nota_version AND v.sealed_at IS NOT NULL) AS sealed`;

/**
 * The open version, by the rule of API.md (Documents): version 1 while the nota is a draft, version n+1 after
 * changes were requested on version n; none once that version is sealed, and none in any other state.
 */
const OPEN_VERSION = `CASE n.status WHEN 'draft' THEN n.version WHEN 'changes_requested' THEN n.version + 1 END`;

/** The documents of the notas' versions: their metadata, their sealing, and the text read from them. */
export class DocumentRepository {
  private readonly db: EntityManager;

  constructor(db: Database) {
    this.db = managerOf(db);
  }

  transaction<T>(work: (db: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** Locks the nota's row for a change of its documents: uploads, deletions and sealing go one at a time. */
  async lockNota(db: EntityManager, notaId: string): Promise<NotaForDocuments | null> {
    const [row]: NotaForDocuments[] = await db.query(
      `SELECT n.id, n.organisation_code AS organisation, n.status, n.version, n.ons_kenmerk AS "onsKenmerk", n.title,
              CASE WHEN EXISTS (SELECT 1 FROM nota_versions v WHERE v.nota_id = n.id AND v.version = ${OPEN_VERSION}
                                   AND v.sealed_at IS NOT NULL)
                   THEN NULL ELSE ${OPEN_VERSION} END AS "openVersion"
         FROM notas n WHERE n.id = $1 FOR UPDATE OF n`,
      [notaId],
    );
    return row ?? null;
  }

  /** Adds a document; a `nota` document takes the place of the version's one, in the same transaction. */
  async add(db: EntityManager, document: NewDocument): Promise<DocumentRow> {
    if (document.role === 'nota') {
      await db.query(`DELETE FROM documents WHERE nota_id = $1 AND nota_version = $2 AND role = 'nota'`, [
        document.notaId,
        document.notaVersion,
      ]);
    }
    await db.query(
      `INSERT INTO documents (id, nota_id, nota_version, role, title, file_name, media_type, size, sha256, content,
                              created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        document.id,
        document.notaId,
        document.notaVersion,
        document.role,
        document.title,
        document.fileName,
        document.mediaType,
        document.size,
        document.sha256,
        document.content === undefined ? null : JSON.stringify(document.content),
        document.createdBy,
      ],
    );
    return (await this.find(document.id, db))!;
  }

  async remove(db: EntityManager, id: string): Promise<void> {
    await db.query(`DELETE FROM documents WHERE id = $1`, [id]);
  }

  async find(id: string, db: EntityManager = this.db): Promise<DocumentRow | null> {
    const [row]: DocumentRow[] = await db.query(`SELECT ${COLUMNS} FROM documents d WHERE d.id = $1`, [id]);
    return row ?? null;
  }

  /** A document with whether `actor` may see its nota (the one visibility rule): null when there is none. */
  async findForReader(
    actor: Actor,
    id: string,
  ): Promise<{ document: DocumentRow; visible: boolean; notaStatus: NotaStatus } | null> {
    const { bind, params } = binder([id]);
    const [row]: (DocumentRow & { visible: boolean; notaStatus: NotaStatus })[] = await this.db.query(
      `SELECT ${COLUMNS}, ${notaVisibleTo(actor, bind, 'n')} AS visible, n.status AS "notaStatus"
         FROM documents d JOIN notas n ON n.id = d.nota_id WHERE d.id = $1`,
      params,
    );
    if (!row) return null;
    const { visible, notaStatus, ...document } = row;
    return { document, visible, notaStatus };
  }

  /** A nota as its documents' readers need it, with whether `actor` may see it: null when there is none. */
  async notaFor(actor: Actor, notaId: string): Promise<(NotaForDocuments & { visible: boolean }) | null> {
    const { bind, params } = binder([notaId]);
    const [row]: (NotaForDocuments & { visible: boolean })[] = await this.db.query(
      `SELECT n.id, n.organisation_code AS organisation, n.status, n.version, n.ons_kenmerk AS "onsKenmerk", n.title,
              ${OPEN_VERSION} AS "openVersion", ${notaVisibleTo(actor, bind, 'n')} AS visible
         FROM notas n WHERE n.id = $1`,
      params,
    );
    return row ?? null;
  }

  async organisationName(code: string): Promise<string> {
    const [row]: { name: string }[] = await this.db.query(`SELECT name FROM organisations WHERE code = $1`, [code]);
    return row?.name ?? code;
  }

  /** A version's documents: the nota document first, then the bijlagen in the order they came. */
  list(notaId: string, version: number): Promise<DocumentRow[]> {
    return this.db.query(
      `SELECT ${COLUMNS} FROM documents d WHERE d.nota_id = $1 AND d.nota_version = $2
        ORDER BY d.role = 'bijlage', d.created_at, d.id`,
      [notaId, version],
    );
  }

  async notaDocument(notaId: string, version: number, db: EntityManager = this.db) {
    const [row]: DocumentRow[] = await db.query(
      `SELECT ${COLUMNS} FROM documents d WHERE d.nota_id = $1 AND d.nota_version = $2 AND d.role = 'nota'`,
      [notaId, version],
    );
    return row ?? null;
  }

  /**
   * Seals a version: from now on its documents never change (the database refuses it). The version's row is
   * written here when the flow has not written it yet (a later version), with the note the drafter gave.
   */
  async seal(db: EntityManager, seal: { notaId: string; version: number; createdBy: string; note: string | null }) {
    await db.query(
      `INSERT INTO nota_versions (nota_id, version, note, created_by, sealed_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (nota_id, version) DO UPDATE SET sealed_at = COALESCE(nota_versions.sealed_at, now())`,
      [seal.notaId, seal.version, seal.note, seal.createdBy],
    );
  }

  /** The dispatched nota's record for its package: when it went and every decision with what it was given on. */
  async dispatchRecord(notaId: string): Promise<DispatchRecord | null> {
    const [nota]: Omit<DispatchRecord, 'decisions'>[] = await this.db.query(
      `SELECT id, ons_kenmerk AS "onsKenmerk", title, version,
              to_char(dispatched_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "dispatchedAt"
         FROM notas WHERE id = $1 AND status = 'dispatched' AND dispatched_at IS NOT NULL`,
      [notaId],
    );
    if (!nota) return null;
    const decisions: DispatchRecord['decisions'] = await this.db.query(
      `SELECT e.seq, to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, e.actor, e.organisation,
              t.type AS "taskType", e.decision, e.seen_sha256 AS "seenSha256"
         FROM flow_events e LEFT JOIN tasks t ON t.id = e.task_id
        WHERE e.nota_id = $1 AND e.type = 'task_decided'
        ORDER BY e.seq`,
      [notaId],
    );
    return { ...nota, decisions };
  }

  /** The text read from the bytes of `sha256` before, page by page. */
  async text(sha256: string): Promise<string[] | null> {
    const [row]: { pages: string[] }[] = await this.db.query(`SELECT pages FROM document_texts WHERE sha256 = $1`, [
      sha256,
    ]);
    return row?.pages ?? null;
  }

  async saveText(sha256: string, pages: string[]): Promise<void> {
    await this.db.query(`INSERT INTO document_texts (sha256, pages) VALUES ($1, $2) ON CONFLICT (sha256) DO NOTHING`, [
      sha256,
      JSON.stringify(pages),
    ]);
  }
}
