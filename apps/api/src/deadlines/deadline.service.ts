import { Injectable } from '@nestjs/common';
import { compareIsoDates, decideExtension, toAmsterdamDate } from '@notaflow/calendar';
import type { Actor } from '@notaflow/domain';
import { CalendarRepository, DeadlineRepository, type DeadlineEntity } from '@notaflow/persistence';
import { AppException } from '../common/app.exception';
import { isUuid } from '../common/ids';
import { PRESET_TERMS, type DeadlineCalendar } from './deadline-dates';
import { DeadlineRegistration } from './deadline-registration';
import type {
  CreateDeadlineDto,
  DeadlineStatusDto,
  ExtensionNoticeDto,
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

/** Something dated after today in the registry's calendar: a letter cannot have gone out tomorrow. */
function refuseFuture(name: string, date: string): void {
  if (compareIsoDates(date, toAmsterdamDate(new Date())) > 0) {
    throw AppException.field(name, 'in_the_future', 'cannot be after today', { value: date });
  }
}

/** Internal callers (the demo seed) replay a deadline's history before its watch starts, under a fixed id. */
export interface DeadlineChangeOptions {
  watch?: boolean;
  id?: string;
}

/**
 * The Kamer's deadlines as the ministry tracks them. Deadlines belong to the organisation that registered them;
 * drafters and managers of that organisation keep them (roles are checked by the controller), everyone of it
 * reads them. Every change that reads-then-writes holds the deadline's row lock, so concurrent requests line up.
 */
@Injectable()
export class DeadlineService {
  constructor(
    private readonly deadlines: DeadlineRepository,
    private readonly watches: DeadlineWatchService,
    private readonly calendarData: CalendarRepository,
    private readonly registration: DeadlineRegistration,
  ) {}

  async create(actor: Actor, dto: CreateDeadlineDto, options: DeadlineChangeOptions = {}): Promise<DeadlineDetailDto> {
    const id = await this.registration.register(actor, dto, options.id);
    if (options.watch !== false) await this.watches.changed([id]);
    return this.get(actor, id);
  }

  /**
   * Records the notice that extends a preset term (the Kamervragen uitstelbericht, the Woo verdaging): sent in time,
   * it moves the due date at once to the term counted from receipt with its extension; sent after the first term
   * ended it extends nothing, and is refused with its reason.
   */
  async extend(actor: Actor, id: string, dto: ExtensionNoticeDto): Promise<DeadlineDetailDto> {
    refuseFuture('sentOn', dto.sentOn);
    const calendar = await this.calendar();
    const result = await this.deadlines.transaction(async (deadlines) => {
      const deadline = await this.findOwn(deadlines, actor, id, true);
      if (deadline.status !== 'open') {
        throw new AppException('deadline_closed', `The deadline is no longer open (status ${deadline.status}).`);
      }
      if (!deadline.preset || !deadline.presetFrom) {
        throw new AppException('deadline_not_extendable', 'Only a Kamervragen or Woo term is extended by a notice.');
      }
      const decision = decideExtension(
        PRESET_TERMS[deadline.preset],
        deadline.presetFrom,
        {
          sentOn: dto.sentOn,
          reasons: dto.reasons,
          ...(dto.extensionDays !== undefined ? { extension: { days: dto.extensionDays } } : {}),
        },
        { calendar: calendar.workingDays, alreadyExtended: deadline.extendedOn !== null },
      );
      if (decision.outcome === 'refused') throw this.extensionRefusal(decision, dto);
      await deadlines.extend(id, { extendedOn: dto.sentOn, reasons: dto.reasons.trim(), dueOn: decision.dueOn });
      return this.detail(deadlines, (await deadlines.find(id))!);
    });
    await this.watches.changed([id]);
    return result;
  }

  async list(actor: Actor, query: ListDeadlinesQuery): Promise<DeadlineDto[]> {
    if (query.from && query.to && compareIsoDates(query.from, query.to) > 0) {
      throw AppException.field('to', 'before_start', 'must not be before from', { value: query.from });
    }
    const deadlines = await this.deadlines.list(actor.organisation, {
      ...query,
      limit: query.limit ?? 100,
      offset: query.offset ?? 0,
    });
    return deadlines.map(toDeadlineDto);
  }

  async get(actor: Actor, id: string): Promise<DeadlineDetailDto> {
    return this.detail(this.deadlines, await this.findOwn(this.deadlines, actor, id));
  }

  async requestPostponement(actor: Actor, id: string, dto: RequestPostponementDto): Promise<PostponementDto> {
    return this.deadlines.transaction(async (deadlines) => {
      const deadline = await this.findOwn(deadlines, actor, id, true);
      if (deadline.status !== 'open') {
        throw new AppException('deadline_closed', `The deadline is no longer open (status ${deadline.status}).`);
      }
      if (await deadlines.hasPendingPostponement(id)) throw this.pendingConflict();
      if (dto.requestedDueOn && deadline.dueOn && compareIsoDates(dto.requestedDueOn, deadline.dueOn) <= 0) {
        throw AppException.field(
          'requestedDueOn',
          'not_after_current_due',
          `must be after the current due date ${deadline.dueOn}`,
          { value: deadline.dueOn },
        );
      }
      if (dto.requestedOn) refuseFuture('requestedOn', dto.requestedOn);
      await this.checkNota(deadlines, actor, dto.notaId);
      const saved = await deadlines.insertPostponement({
        deadlineId: id,
        requestedDueOn: dto.requestedDueOn ?? null,
        requestedOn: dto.requestedOn ?? toAmsterdamDate(new Date()),
        reason: dto.reason.trim(),
        notaId: dto.notaId ?? null,
        requestedBy: actor.username,
      });
      if (!saved) throw this.pendingConflict();
      return toPostponementDto(saved);
    });
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
    const result = await this.deadlines.transaction(async (deadlines) => {
      const found = isUuid(id) ? await deadlines.findPostponement(id) : null;
      if (!found) throw new AppException('postponement_not_found', `No postponement ${id}.`);
      // The deadline first, as a request does: one lock order, no deadlock.
      const deadline = await this.findOwn(deadlines, actor, found.deadlineId, true);
      const postponement = (await deadlines.findPostponement(id, { lock: true }))!;
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
        if (!newDueOn) {
          throw AppException.field('newDueOn', 'required', 'names the new date: the request named none');
        }
        if (deadline.dueOn && compareIsoDates(newDueOn, deadline.dueOn) <= 0) {
          throw AppException.field(
            'newDueOn',
            'not_after_current_due',
            `must be after the current due date ${deadline.dueOn}`,
            { value: deadline.dueOn },
          );
        }
        postponement.newDueOn = newDueOn;
        await deadlines.moveDueOn(deadline.id, newDueOn);
      }
      await deadlines.savePostponement(postponement);
      const updated = (await deadlines.find(deadline.id))!;
      return { postponement: toPostponementDto(postponement), deadline: await this.detail(deadlines, updated) };
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
    const result = await this.deadlines.transaction(async (deadlines) => {
      const deadline = await this.findOwn(deadlines, actor, id, true);
      if (deadline.status !== dto.status) {
        if (deadline.status !== 'open') {
          throw new AppException('deadline_closed', `The deadline is already closed (status ${deadline.status}).`);
        }
        await deadlines.close(id, dto.status);
      }
      const next = await deadlines.nextOccurrenceOf(id);
      const updated = (await deadlines.find(id))!;
      return { deadline: await this.detail(deadlines, updated), nextOccurrence: next ? toDeadlineDto(next) : null };
    });
    // This watch ends; the next occurrence's starts.
    if (options.watch !== false) {
      await this.watches.changed([id, ...(result.nextOccurrence ? [result.nextOccurrence.id] : [])]);
    }
    return result;
  }

  /** The calendar data a deadline is dated by, as it stands now. */
  private async calendar(): Promise<DeadlineCalendar> {
    const [kamer, workingDays] = await Promise.all([
      this.calendarData.kamerCalendarData(),
      this.calendarData.workingDayCalendar(),
    ]);
    return { kamer, workingDays };
  }

  private extensionRefusal(
    decision: Extract<ReturnType<typeof decideExtension>, { outcome: 'refused' }>,
    dto: ExtensionNoticeDto,
  ): AppException {
    const { refusal, reason, firstTermEndsOn } = decision;
    switch (refusal) {
      case 'already_extended':
        return new AppException('deadline_already_extended', `The term was extended already: ${reason}.`);
      case 'sent_after_first_term':
        return new AppException('extension_notice_too_late', `The notice extends nothing: ${reason}.`, {
          firstTermEndsOn,
          sentOn: dto.sentOn,
        });
      case 'sent_before_receipt':
        return AppException.field('sentOn', 'before_receipt', reason, { value: dto.sentOn });
      case 'no_reasons':
        return AppException.field('reasons', 'required', reason);
      case 'extension_fixed':
        return AppException.field('extensionDays', 'extension_fixed', reason, { value: 21 });
      case 'extension_out_of_range':
        return AppException.field('extensionDays', 'out_of_range', reason, { min: 1, max: 14 });
    }
  }

  /** A deadline or postponement names only a nota its registrar may see. */
  private async checkNota(deadlines: DeadlineRepository, actor: Actor, notaId: string | undefined): Promise<void> {
    if (notaId === undefined) return;
    const link = await deadlines.notaLink(actor, notaId);
    if (link === 'unknown') {
      throw AppException.field('notaId', 'unknown_nota', `is not a known nota: ${notaId}`, { value: notaId });
    }
    if (link === 'invisible') throw new AppException('nota_not_visible', 'The nota belongs to another organisation.');
  }

  private async findOwn(
    deadlines: DeadlineRepository,
    actor: Actor,
    id: string,
    lock = false,
  ): Promise<DeadlineEntity> {
    const deadline = isUuid(id) ? await deadlines.find(id, { lock }) : null;
    if (!deadline) throw new AppException('deadline_not_found', `No deadline ${id}.`);
    if (deadline.organisation !== actor.organisation) {
      throw new AppException('deadline_not_own', 'This deadline belongs to another organisation.');
    }
    return deadline;
  }

  private async detail(deadlines: DeadlineRepository, deadline: DeadlineEntity): Promise<DeadlineDetailDto> {
    return toDeadlineDetailDto(deadline, await deadlines.postponementsOf(deadline.id));
  }

  private pendingConflict(): AppException {
    return new AppException('postponement_pending', 'A postponement of this deadline is already awaiting its outcome.');
  }
}
