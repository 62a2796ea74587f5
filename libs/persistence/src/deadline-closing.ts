import { addIsoPeriod, type DeadlineClosingStatus } from '@notaflow/domain';

/** Anything that runs SQL inside the caller's transaction: an EntityManager or a QueryRunner. */
export interface SqlRunner {
  // TypeORM's own signature: rows of unknown shape, typed by each caller.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(sql: string, parameters?: unknown[]): Promise<any>;
}

export interface ClosedDeadline {
  id: string;
  status: DeadlineClosingStatus;
  /** The next occurrence of a recurring deadline, when this one was met or missed. */
  nextId: string | null;
}

/**
 * Closes an open deadline, in the caller's transaction, which must hold the deadline's row lock. A recurring
 * deadline that was met or missed gets its next occurrence (`dueOn` + the period) once: the commitment goes on
 * whether or not this occurrence was kept. A cancelled one does not recur. Returns undefined when the deadline
 * was no longer open.
 */
export async function closeDeadline(
  db: SqlRunner,
  id: string,
  status: DeadlineClosingStatus,
  at: Date = new Date(),
): Promise<ClosedDeadline | undefined> {
  const [closed]: { due_on: string; recurrence: string | null }[] = await db.query(
    // Wrapped in a SELECT: TypeORM answers a bare UPDATE ... RETURNING with [rows, count] instead of the rows.
    `WITH closed AS (
       UPDATE deadlines SET status = $2, closed_at = $3, updated_at = $3
        WHERE id = $1 AND status = 'open'
        RETURNING due_on::text, recurrence)
     SELECT * FROM closed`,
    [id, status, at],
  );
  if (!closed) return undefined;
  if (status === 'cancelled' || !closed.recurrence) return { id, status, nextId: null };
  const dueOn = addIsoPeriod(closed.due_on, closed.recurrence);
  // previous_id is unique: a second close (there is none, the row is locked) could not add a second occurrence.
  await db.query(
    `INSERT INTO deadlines (kind, title, due_on, original_due_on, dossier, organisation_code, recurrence,
                            previous_id, reminder_lead_working_days, created_by)
     SELECT kind, title, $2, $2, dossier, organisation_code, recurrence, id, reminder_lead_working_days, created_by
       FROM deadlines WHERE id = $1
     ON CONFLICT (previous_id) DO NOTHING`,
    [id, dueOn],
  );
  const [next]: { id: string }[] = await db.query(`SELECT id FROM deadlines WHERE previous_id = $1`, [id]);
  return { id, status, nextId: next?.id ?? null };
}

/**
 * A deadline linked to a nota is met when that nota goes to the Kamer on or before its due date. Called in the
 * transaction that records the dispatch; returns what it closed.
 */
export async function meetDeadlinesOfDispatchedNota(
  db: SqlRunner,
  notaId: string,
  dispatchedOn: string,
  at: Date,
): Promise<ClosedDeadline[]> {
  const open: { id: string }[] = await db.query(
    `SELECT id FROM deadlines WHERE nota_id = $1 AND status = 'open' AND due_on >= $2::date ORDER BY id FOR UPDATE`,
    [notaId, dispatchedOn],
  );
  const closed: ClosedDeadline[] = [];
  for (const { id } of open) {
    const result = await closeDeadline(db, id, 'met', at);
    if (result) closed.push(result);
  }
  return closed;
}
