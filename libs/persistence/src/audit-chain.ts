import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** What `npm run audit:verify` found: how many rows it checked, the last hash, and the first row that breaks. */
export interface AuditChainReport {
  rows: number;
  /** The hash of the last row: written down elsewhere, it shows later that no row was cut off the end. */
  head: string;
  broken?: { id: string; chainSeq: string; reason: string };
}

const BATCH = 5_000;

/**
 * Walks the audit log in chain order and recomputes every row's hash from its columns, independently of the
 * database's own hash function: a row whose fields were changed, a row removed or put in out of turn breaks the chain
 * at that row.
 */
export async function verifyAuditChain(db: DataSource): Promise<AuditChainReport> {
  let rows = 0;
  let previous = '';
  let expectedSeq = 1n;
  for (;;) {
    const batch: { id: string; chain_seq: string; prev_hash: string; hash: string; canonical: string }[] =
      await db.query(
        `SELECT id, chain_seq, prev_hash, hash,
                jsonb_build_array(id, chain_seq, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                  actor, role, organisation, action, object, result, status, origin, user_agent, request_id)::text
                  AS canonical
           FROM audit_log WHERE chain_seq >= $1 ORDER BY chain_seq LIMIT $2`,
        [expectedSeq.toString(), BATCH],
      );
    for (const row of batch) {
      const at = { id: String(row.id), chainSeq: String(row.chain_seq) };
      if (BigInt(row.chain_seq) !== expectedSeq) {
        return { rows, head: previous, broken: { ...at, reason: `row ${expectedSeq} of the chain is missing` } };
      }
      if (row.prev_hash !== previous) {
        return {
          rows,
          head: previous,
          broken: { ...at, reason: 'its previous hash is not the hash of the row before' },
        };
      }
      const hash = createHash('sha256')
        .update(previous + row.canonical, 'utf8')
        .digest('hex');
      if (hash !== row.hash) {
        return { rows, head: previous, broken: { ...at, reason: 'its fields do not match its hash' } };
      }
      previous = hash;
      expectedSeq += 1n;
      rows += 1;
    }
    if (batch.length < BATCH) return { rows, head: previous };
  }
}
