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

  /** Registers a nota with its first version, in one transaction. */
  async register(nota: NewNota): Promise<void> {
    await this.db.transaction(async (db) => {
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

  /** Withdraws a nota that was never submitted; false when it is no longer a draft. */
  async withdrawDraft(id: string): Promise<boolean> {
    const { affected } = await this.db.update(NotaEntity, { id, status: 'draft' }, { status: 'withdrawn' });
    return Boolean(affected);
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
