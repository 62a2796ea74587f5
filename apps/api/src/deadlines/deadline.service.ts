import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { compareIsoDates, presetDueOn, presets } from '@notaflow/calendar';
import { DEFAULT_REMINDER_LEAD_WORKING_DAYS, type Actor } from '@notaflow/domain';
import { closeDeadline, DeadlineEntity, NotaEntity, NotaRepository, PostponementEntity } from '@notaflow/persistence';
import { AppException } from '../common/app.exception';
import { isUuid } from '../common/ids';
import type {
  CreateDeadlineDto,
  DeadlinePreset,
  DeadlineStatusDto,
  ListDeadlinesQuery,
  PostponementOutcomeDto,
  RequestPostponementDto,
} from './dto/deadline-requests.dto';
import type {
  DeadlineDetailDto,
  DeadlineDto,
  DeadlineStatusResultDto,
  PostponementDto,
  PostponementOutcomeResultDto,
} from './dto/deadline.dto';
import { toDeadlineDetailDto, toDeadlineDto, toPostponementDto } from './deadline.mapper';
import { DeadlineWatchService } from './deadline-watch.service';

/** Internal callers (the demo seed) replay a deadline's history before its watch starts, under a fixed id. */
export interface DeadlineChangeOptions {
  watch?: boolean;
  id?: string;
}

const PRESET_TERMS = { kamervragen: presets.kamervragen, woo: presets.wooBesluit } as const satisfies Record<
  DeadlinePreset,
  unknown
>;

const ONE_REQUESTED_INDEX = 'postponements_one_requested_idx';

/**
 * The Kamer's deadlines as the ministry tracks them. Deadlines belong to the organisation that registered them;
 * drafters and managers of that organisation keep them (roles are checked by the controller), everyone of it
 * reads them. Every change that reads-then-writes holds the deadline's row lock, so concurrent requests line up.
 */
@Injectable()
export class DeadlineService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly watches: DeadlineWatchService,
  ) {}

  async create(actor: Actor, dto: CreateDeadlineDto, options: DeadlineChangeOptions = {}): Promise<DeadlineDetailDto> {
    const dueOn = this.resolveDueOn(dto);
    await this.checkNota(this.dataSource.manager, actor, dto.notaId);
    const repository = this.dataSource.getRepository(DeadlineEntity);
    const saved = await repository.save(
      repository.create({
        ...(options.id ? { id: options.id } : {}),
        kind: dto.kind,
        title: dto.title.trim(),
        dueOn,
        originalDueOn: dueOn,
        dossier: dto.dossier ?? null,
        notaId: dto.notaId ?? null,
        organisation: actor.organisation,
        recurrence: dto.recurrence ?? null,
        previousId: null,
        status: 'open',
        reminderLeadWorkingDays: [...(dto.reminderLeadWorkingDays ?? DEFAULT_REMINDER_LEAD_WORKING_DAYS)].sort(
          (a, b) => b - a,
        ),
        watchedSince: null,
        closedAt: null,
        createdBy: actor.username,
      }),
    );
    if (options.watch !== false) await this.watches.changed([saved.id]);
    return this.get(actor, saved.id);
  }

  async list(actor: Actor, query: ListDeadlinesQuery): Promise<DeadlineDto[]> {
    if (query.from && query.to && compareIsoDates(query.from, query.to) > 0) {
      throw AppException.field('to', 'before_start', 'must not be before from', { value: query.from });
    }
    const qb = this.dataSource
      .getRepository(DeadlineEntity)
      .createQueryBuilder('d')
      .where('d.organisation_code = :org', { org: actor.organisation })
      .orderBy('d.due_on', 'ASC')
      .addOrderBy('d.created_at', 'ASC')
      .addOrderBy('d.id', 'ASC')
      .limit(query.limit ?? 100)
      .offset(query.offset ?? 0);
    if (query.from) qb.andWhere('d.due_on >= :from', { from: query.from });
    if (query.to) qb.andWhere('d.due_on <= :to', { to: query.to });
    if (query.dossier) qb.andWhere('d.dossier = :dossier', { dossier: query.dossier });
    if (query.status) qb.andWhere('d.status = :status', { status: query.status });
    if (query.kind) qb.andWhere('d.kind = :kind', { kind: query.kind });
    return (await qb.getMany()).map(toDeadlineDto);
  }

  async get(actor: Actor, id: string): Promise<DeadlineDetailDto> {
    return this.detail(this.dataSource.manager, await this.findOwn(this.dataSource.manager, actor, id));
  }

  async requestPostponement(actor: Actor, id: string, dto: RequestPostponementDto): Promise<PostponementDto> {
    try {
      return await this.dataSource.transaction(async (db) => {
        const deadline = await this.findOwn(db, actor, id, true);
        if (deadline.status !== 'open') {
          throw new AppException('deadline_closed', `The deadline is no longer open (status ${deadline.status}).`);
        }
        if (await db.existsBy(PostponementEntity, { deadlineId: id, status: 'requested' })) {
          throw this.pendingConflict();
        }
        if (compareIsoDates(dto.requestedDueOn, deadline.dueOn) <= 0) {
          throw AppException.field(
            'requestedDueOn',
            'not_after_current_due',
            `must be after the current due date ${deadline.dueOn}`,
            { value: deadline.dueOn },
          );
        }
        await this.checkNota(db, actor, dto.notaId);
        const saved = await db.save(
          db.create(PostponementEntity, {
            deadlineId: id,
            requestedDueOn: dto.requestedDueOn,
            reason: dto.reason.trim(),
            notaId: dto.notaId ?? null,
            status: 'requested',
            newDueOn: null,
            decidedBy: null,
            decidedAt: null,
            requestedBy: actor.username,
          }),
        );
        return toPostponementDto(saved);
      });
    } catch (error) {
      // The row lock already serialises requests; the partial unique index is the last word.
      if (isUniqueViolation(error, ONE_REQUESTED_INDEX)) throw this.pendingConflict();
      throw error;
    }
  }

  async recordOutcome(
    actor: Actor,
    id: string,
    dto: PostponementOutcomeDto,
    options: DeadlineChangeOptions = {},
  ): Promise<PostponementOutcomeResultDto> {
    if (dto.outcome === 'refused' && dto.newDueOn !== undefined) {
      throw AppException.field('newDueOn', 'only_with_granted', 'is only given with outcome granted');
    }
    const result = await this.dataSource.transaction(async (db) => {
      const found = isUuid(id) ? await db.findOneBy(PostponementEntity, { id }) : null;
      if (!found) throw new AppException('postponement_not_found', `No postponement ${id}.`);
      // The deadline first, as a request does: one lock order, no deadlock.
      const deadline = await this.findOwn(db, actor, found.deadlineId, true);
      const postponement = await db.findOneOrFail(PostponementEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (postponement.status !== 'requested') {
        throw new AppException(
          'postponement_decided',
          `The outcome of this postponement has already been recorded (${postponement.status}).`,
        );
      }
      postponement.status = dto.outcome;
      postponement.decidedBy = actor.username;
      postponement.decidedAt = new Date();
      if (dto.outcome === 'granted') {
        if (deadline.status !== 'open') {
          throw new AppException('deadline_closed', `The deadline is no longer open (status ${deadline.status}).`);
        }
        const newDueOn = dto.newDueOn ?? postponement.requestedDueOn;
        if (compareIsoDates(newDueOn, deadline.dueOn) <= 0) {
          throw AppException.field(
            'newDueOn',
            'not_after_current_due',
            `must be after the current due date ${deadline.dueOn}`,
            { value: deadline.dueOn },
          );
        }
        postponement.newDueOn = newDueOn;
        // originalDueOn stays as it was: the history is in the postponements.
        await db.update(DeadlineEntity, { id: deadline.id }, { dueOn: newDueOn });
      }
      await db.save(postponement);
      const updated = await db.findOneByOrFail(DeadlineEntity, { id: deadline.id });
      return { postponement: toPostponementDto(postponement), deadline: await this.detail(db, updated) };
    });
    // The running watch moves its reminders and its miss to the new date.
    if (dto.outcome === 'granted' && options.watch !== false) await this.watches.changed([result.deadline.id]);
    return result;
  }

  /**
   * Closes an open deadline: met, missed or cancelled. A recurring one that is met or missed gets its next
   * occurrence, once (the commitment goes on); the same status again is a no-op, another one a 409.
   */
  async setStatus(
    actor: Actor,
    id: string,
    dto: DeadlineStatusDto,
    options: DeadlineChangeOptions = {},
  ): Promise<DeadlineStatusResultDto> {
    const result = await this.dataSource.transaction(async (db) => {
      const deadline = await this.findOwn(db, actor, id, true);
      if (deadline.status !== dto.status) {
        if (deadline.status !== 'open') {
          throw new AppException('deadline_closed', `The deadline is already closed (status ${deadline.status}).`);
        }
        await closeDeadline(db, id, dto.status);
      }
      const next = await db.findOneBy(DeadlineEntity, { previousId: id });
      const updated = await db.findOneByOrFail(DeadlineEntity, { id });
      return { deadline: await this.detail(db, updated), nextOccurrence: next ? toDeadlineDto(next) : null };
    });
    // This watch ends; the next occurrence's starts.
    if (options.watch !== false) {
      await this.watches.changed([id, ...(result.nextOccurrence ? [result.nextOccurrence.id] : [])]);
    }
    return result;
  }

  private resolveDueOn(dto: CreateDeadlineDto): string {
    if (!dto.preset) {
      if (dto.presetFrom !== undefined || dto.presetExtended !== undefined) {
        throw AppException.field('preset', 'preset_incomplete', 'must be given with presetFrom or presetExtended');
      }
      // The DTO requires dueOn when there is no preset.
      return dto.dueOn!;
    }
    const computed = presetDueOn(PRESET_TERMS[dto.preset], dto.presetFrom!, { extended: dto.presetExtended ?? false });
    if (dto.dueOn !== undefined && dto.dueOn !== computed) {
      throw AppException.field(
        'dueOn',
        'preset_mismatch',
        `differs from ${computed}, the ${dto.preset} term from ${dto.presetFrom}`,
        { value: computed, preset: dto.preset, from: dto.presetFrom! },
      );
    }
    return computed;
  }

  private async checkNota(db: EntityManager, actor: Actor, notaId: string | undefined): Promise<void> {
    if (notaId === undefined) return;
    const nota = await db.findOneBy(NotaEntity, { id: notaId });
    if (!nota) throw AppException.field('notaId', 'unknown_nota', `is not a known nota: ${notaId}`, { value: notaId });
    if (!(await new NotaRepository(db).isVisible(actor, notaId))) {
      throw new AppException('nota_not_visible', 'The nota belongs to another organisation.');
    }
  }

  private async findOwn(db: EntityManager, actor: Actor, id: string, lock = false): Promise<DeadlineEntity> {
    const deadline = isUuid(id)
      ? await db.findOne(DeadlineEntity, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' } } : {}) })
      : null;
    if (!deadline) throw new AppException('deadline_not_found', `No deadline ${id}.`);
    if (deadline.organisation !== actor.organisation) {
      throw new AppException('deadline_not_own', 'This deadline belongs to another organisation.');
    }
    return deadline;
  }

  private async detail(db: EntityManager, deadline: DeadlineEntity): Promise<DeadlineDetailDto> {
    const postponements = await db.find(PostponementEntity, {
      where: { deadlineId: deadline.id },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return toDeadlineDetailDto(deadline, postponements);
  }

  private pendingConflict(): AppException {
    return new AppException('postponement_pending', 'A postponement of this deadline is already awaiting its outcome.');
  }
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' && driverError.constraint === constraint;
}
