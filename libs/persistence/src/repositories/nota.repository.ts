import { QueryFailedError, type EntityManager } from 'typeorm';
import type { Actor, KamerstukRef, NotaStage, NotaStatus, RouteTemplate } from '@notaflow/domain';
import { namedBinder, notaPartVisibleTo, notaVisibleTo } from '../access';
import { FlowEventEntity } from '../entities/flow-event.entity';
import { NotaVersionEntity } from '../entities/nota-version.entity';
import { NotaEntity } from '../entities/nota.entity';
import { TaskEntity } from '../entities/task.entity';
import { affectedRows, managerOf, type Database } from './database';

/**
 * The next ons kenmerk, as SQL: 7 digits from a PostgreSQL sequence, which never hands out a number twice, not
 * even one drawn by a transaction that rolled back. For statements that register a nota.
 */
export const NEXT_ONS_KENMERK_SQL = `lpad(nextval('ons_kenmerk_seq')::text, 7, '0')`;

export interface NewNota {
  id: string;
  title: string;
  dossier: string | null;
  uwKenmerk: string | null;
  dueOn: string | null;
  organisation: string;
  createdBy: string;
  route: RouteTemplate;
  /** The date the document bears, when it says one. */
  documentDate?: string | null;
  kamerstukken?: KamerstukRef[];
  /** A kenmerk handed out before the registry knew the nota; the sequence's next one otherwise. */
  onsKenmerk?: string;
}

/** How long an `Idempotency-Key` answers the nota it registered (API.md): after that the key registers anew. */
export const IDEMPOTENCY_KEY_HOURS = 24;

/** A registration's `Idempotency-Key`, by the user who sends it, and a digest of what it asked. */
export interface IdempotencyClaim {
  key: string;
  requestSha256: string;
}

/** What a registration came to: a new nota, or the one its key registered before (asked the same, or not). */
export type Registration = { created: true } | { created: false; notaId: string; sameRequest: boolean };

export interface NotaFilter {
  status?: NotaStatus;
  stage?: NotaStage;
  dossier?: string;
  limit: number;
  offset: number;
}

/** What a nota carries besides itself, in the order it is shown. */
export interface NotaParts {
  tasks: TaskEntity[];
  history: FlowEventEntity[];
  versions: NotaVersionEntity[];
}

export interface KamerstukNumber {
  dossier: string;
  number: number;
  vergaderjaar: string;
}

/** The registry's notas: every list, read and check of one goes through the visibility rule of `access.ts`. */
export class NotaRepository {
  private readonly db: EntityManager;

  constructor(db: Database) {
    this.db = managerOf(db);
  }

  /**
   * Registers a nota with its first version, in one transaction; with a claim, only when the user's key has not
   * registered one in the last 24 hours. The key is claimed in the same transaction, before the ons kenmerk is drawn:
   * a request that meets a claim another has not committed yet waits for it, then answers its nota.
   */
  async register(nota: NewNota, claim?: IdempotencyClaim): Promise<Registration> {
    return this.db.transaction(async (db): Promise<Registration> => {
      if (claim) {
        const earlier = await claimKey(db, nota, claim);
        if (earlier) return { created: false, ...earlier };
      }
      await db.query(
        `INSERT INTO notas (id, ons_kenmerk, title, dossier, uw_kenmerk, due_on, organisation_code, created_by, route,
                            document_date, kamerstukken)
         VALUES ($1, COALESCE($9, ${NEXT_ONS_KENMERK_SQL}), $2, $3, $4, $5, $6, $7, $8, $10, $11)`,
        [
          nota.id,
          nota.title,
          nota.dossier,
          nota.uwKenmerk,
          nota.dueOn,
          nota.organisation,
          nota.createdBy,
          JSON.stringify(nota.route),
          nota.onsKenmerk ?? null,
          nota.documentDate ?? null,
          JSON.stringify(nota.kamerstukken ?? []),
        ],
      );
      await db.insert(NotaVersionEntity, { notaId: nota.id, version: 1, note: null, createdBy: nota.createdBy });
      return { created: true };
    });
  }

  /** The notas `actor` may see, newest first: paging counts only those. */
  list(actor: Actor, filter: NotaFilter): Promise<NotaEntity[]> {
    const { bind, params } = namedBinder();
    const query = this.db
      .createQueryBuilder(NotaEntity, 'n')
      .where(notaVisibleTo(actor, bind, 'n'))
      .setParameters(params)
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id')
      .limit(filter.limit)
      .offset(filter.offset);
    if (filter.status) query.andWhere('n.status = :status', { status: filter.status });
    if (filter.stage) query.andWhere('n.stage = :stage', { stage: filter.stage });
    if (filter.dossier) query.andWhere('n.dossier = :dossier', { dossier: filter.dossier });
    return query.getMany();
  }

  find(id: string): Promise<NotaEntity | null> {
    return this.db.findOneBy(NotaEntity, { id });
  }

  /**
   * The nota and whether `actor` may see it, in one read: one that exists but is not theirs to see is told apart
   * from one that does not exist.
   */
  async findFor(actor: Actor, id: string): Promise<{ nota: NotaEntity; visible: boolean } | null> {
    const { bind, params } = namedBinder();
    const { entities, raw } = await this.db
      .createQueryBuilder(NotaEntity, 'n')
      .addSelect(notaVisibleTo(actor, bind, 'n'), 'visible')
      .where('n.id = :id', { id })
      .setParameters(params)
      .getRawAndEntities<{ visible: boolean }>();
    return entities[0] ? { nota: entities[0], visible: raw[0].visible } : null;
  }

  /** Whether nota `id` exists and `actor` may see it. */
  async isVisible(actor: Actor, id: string): Promise<boolean> {
    const { bind, params } = namedBinder();
    const visible = await this.db
      .createQueryBuilder(NotaEntity, 'n')
      .where('n.id = :id', { id })
      .andWhere(notaVisibleTo(actor, bind, 'n'))
      .setParameters(params)
      .getExists();
    return visible;
  }

  /**
   * The tasks, history and versions of a nota as `actor` may read them: outside the nota's own organisation, no
   * other ministry's tasks and events. Call it for a nota `actor` may see.
   */
  async partsFor(actor: Actor, notaId: string): Promise<NotaParts> {
    const ofNota = <T extends TaskEntity | FlowEventEntity>(entity: new () => T, alias: string) => {
      const { bind, params } = namedBinder();
      return this.db
        .createQueryBuilder(entity, alias)
        .innerJoin(NotaEntity, 'n', `n.id = ${alias}.nota_id`)
        .where(`${alias}.nota_id = :notaId`, { notaId })
        .andWhere(notaPartVisibleTo(actor, bind, `${alias}.organisation`, 'n'))
        .setParameters(params);
    };
    const [tasks, history, versions] = await Promise.all([
      ofNota(TaskEntity, 't').orderBy('t.created_at', 'ASC').addOrderBy('t.organisation', 'ASC').getMany(),
      // In the order they happened: history imported from before the flow (its own workflow id) comes first.
      ofNota(FlowEventEntity, 'e').orderBy('e.at', 'ASC').addOrderBy('e.id', 'ASC').getMany(),
      this.db.find(NotaVersionEntity, { where: { notaId }, order: { version: 'ASC' } }),
    ]);
    return { tasks, history, versions };
  }

  /**
   * Withdraws a nota that was never submitted, and records who did and why in its history, as the flow records a
   * withdrawal: `changed` when it is no longer a draft, `submitting` when a submit has sealed it. With no flow there
   * is no workflow id: the event is keyed by the nota's own registry key (`draft-<id>`), never the flow's.
   */
  async withdrawDraft(
    id: string,
    by: { actor: Actor; reason: string },
  ): Promise<'withdrawn' | 'changed' | 'submitting'> {
    return this.db.transaction(async (db) => {
      // Waits for a submit that is sealing the first version under the same lock; the next statement then sees its
      // seal. A sealed draft is being submitted: its flow may already run, and withdrawing it here would leave that
      // flow to move the nota on as if nothing happened.
      const [locked]: { status: string }[] = await db.query(`SELECT status FROM notas WHERE id = $1 FOR UPDATE`, [id]);
      if (locked?.status !== 'draft') return 'changed';
      const [sealed]: unknown[] = await db.query(
        `SELECT 1 FROM nota_versions v JOIN notas n ON n.id = v.nota_id AND n.version = v.version
          WHERE v.nota_id = $1 AND v.sealed_at IS NOT NULL`,
        [id],
      );
      if (sealed) return 'submitting';
      await db.query(`UPDATE notas SET status = 'withdrawn', updated_at = now() WHERE id = $1`, [id]);
      await db.query(
        `INSERT INTO flow_events (workflow_id, seq, nota_id, at, type, actor, organisation, remarks)
         VALUES ($1, 1, $2, now(), 'withdrawn', $3, $4, $5)`,
        [`draft-${id}`, id, by.actor.username, by.actor.organisation, by.reason],
      );
      return 'withdrawn';
    });
  }

  /**
   * Records the Kamer's number of a nota, where none is recorded yet or the same one again: `recorded`; `other` when
   * another number, sent before or at the same time, won; `taken` when another nota has this Kamerstuk already.
   */
  async recordKamerstuk(id: string, kamerstuk: KamerstukNumber): Promise<'recorded' | 'other' | 'taken'> {
    try {
      const result: unknown = await this.db.query(
        `UPDATE notas SET kamerstuk_dossier = $2, kamerstuk_number = $3, kamerstuk_vergaderjaar = $4
          WHERE id = $1 AND (kamerstuk_number IS NULL OR (kamerstuk_number = $3 AND kamerstuk_dossier = $2))`,
        [id, kamerstuk.dossier, kamerstuk.number, kamerstuk.vergaderjaar],
      );
      return affectedRows(result) > 0 ? 'recorded' : 'other';
    } catch (error) {
      if (isKamerstukTaken(error)) return 'taken';
      throw error;
    }
  }
}

/** One Kamerstuk, one nota: the unique index is the last word when two notas claim it at once. */
export function isKamerstukTaken(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' && driverError.constraint === 'notas_kamerstuk_key';
}

/**
 * Claims the user's key for `nota`, unless it registered another nota within the last 24 hours: then that one is
 * answered. A claim older than that is taken over. The user's other expired keys go on the way.
 */
async function claimKey(
  db: EntityManager,
  nota: NewNota,
  claim: IdempotencyClaim,
): Promise<{ notaId: string; sameRequest: boolean } | undefined> {
  const expired = `now() - make_interval(hours => ${IDEMPOTENCY_KEY_HOURS})`;
  const claimed = (await db.query(
    `INSERT INTO nota_idempotency_keys (username, key, request_sha256, nota_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT (username, key) DO UPDATE
       SET request_sha256 = EXCLUDED.request_sha256, nota_id = EXCLUDED.nota_id, created_at = now()
       WHERE nota_idempotency_keys.created_at < ${expired}
     RETURNING nota_id`,
    [nota.createdBy, claim.key, claim.requestSha256, nota.id],
  )) as unknown[];
  if (claimed.length) {
    await db.query(`DELETE FROM nota_idempotency_keys WHERE username = $1 AND key <> $2 AND created_at < ${expired}`, [
      nota.createdBy,
      claim.key,
    ]);
    return undefined;
  }
  // Conflicting, and not expired: the row is locked by the upsert and committed, so it is read as it stands.
  const [earlier] = (await db.query(
    `SELECT nota_id, request_sha256 FROM nota_idempotency_keys WHERE username = $1 AND key = $2`,
    [nota.createdBy, claim.key],
  )) as { nota_id: string; request_sha256: string }[];
  return { notaId: earlier.nota_id, sameRequest: earlier.request_sha256 === claim.requestSha256 };
}
