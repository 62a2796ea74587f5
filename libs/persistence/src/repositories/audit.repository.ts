import type { EntityManager } from 'typeorm';
import { managerOf, type Database } from './database';

/** One row of the audit log: who did what to which object, with what result, from where and when. */
export interface AuditEntry {
  actor: string | null;
  role: string | null;
  organisation: string | null;
  /** Method and route: `POST /api/v1/notas/:id/submit`. */
  action: string;
  /** The path, never the query string (which may carry a feed token). */
  object: string;
  result: 'success' | 'refused' | 'failed';
  status: number;
  origin: string | null;
  userAgent: string | null;
  requestId: string | null;
  /** When the request arrived, as an ISO instant to the microsecond. */
  at: string;
}

/** The audit log: append-only (the database refuses updates and deletes), written once per request. */
export class AuditRepository {
  private readonly db: EntityManager;

  constructor(source: Database) {
    this.db = managerOf(source);
  }

  async append(entry: AuditEntry): Promise<void> {
    await this.db.query(
      `INSERT INTO audit_log
         (actor, role, organisation, action, object, result, status, origin, user_agent, request_id, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        entry.actor,
        entry.role,
        entry.organisation,
        entry.action,
        entry.object,
        entry.result,
        entry.status,
        entry.origin,
        entry.userAgent,
        entry.requestId,
        entry.at,
      ],
    );
  }
}
