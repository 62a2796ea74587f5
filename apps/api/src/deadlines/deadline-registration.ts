import { Injectable } from '@nestjs/common';
import { DEFAULT_REMINDER_LEAD_WORKING_DAYS, type Actor } from '@notaflow/domain';
import { CalendarRepository, DeadlineRepository } from '@notaflow/persistence';
import { AppException } from '../common/app.exception';
import { initialDueOn } from './deadline-dates';
import type { CreateDeadlineDto } from './dto/deadline-requests.dto';

/**
 * How a deadline enters the registry: its first date from its preset, anchor or dueOn (or none), the nota it names
 * checked against the registrar's sight, the row written. Its watch is the caller's to start: a user's deadline at
 * once (DeadlineService), a deadline the registry's seeding brings in once its history is in place.
 */
@Injectable()
export class DeadlineRegistration {
  constructor(
    private readonly deadlines: DeadlineRepository,
    private readonly calendarData: CalendarRepository,
  ) {}

  /** Answers the new deadline's id; `id` only for the registry's own seeding, which keeps its rows under fixed ids. */
  async register(actor: Actor, dto: CreateDeadlineDto, id?: string, db = this.deadlines): Promise<string> {
    const [kamer, workingDays] = await Promise.all([
      this.calendarData.kamerCalendarData(),
      this.calendarData.workingDayCalendar(),
    ]);
    const dueOn = initialDueOn(dto, actor.organisation, { kamer, workingDays });
    if (dto.notaId !== undefined) {
      const link = await db.notaLink(actor, dto.notaId);
      if (link === 'unknown') {
        throw AppException.field('notaId', 'unknown_nota', `is not a known nota: ${dto.notaId}`, { value: dto.notaId });
      }
      if (link === 'invisible') throw new AppException('nota_not_visible', 'The nota belongs to another organisation.');
    }
    const saved = await db.insert({
      ...(id ? { id } : {}),
      kind: dto.kind,
      title: dto.title.trim(),
      dueOn,
      dossier: dto.dossier ?? null,
      notaId: dto.notaId ?? null,
      organisation: actor.organisation,
      recurrence: dto.recurrence ?? null,
      reminderLeadWorkingDays: [...(dto.reminderLeadWorkingDays ?? DEFAULT_REMINDER_LEAD_WORKING_DAYS)].sort(
        (a, b) => b - a,
      ),
      createdBy: actor.username,
      anchor: dto.anchor
        ? {
            event: dto.anchor.event,
            year: dto.anchor.year,
            relation: dto.anchor.relation,
            ...(dto.anchor.vergaderjaar ? { vergaderjaar: dto.anchor.vergaderjaar } : {}),
          }
        : null,
      preset: dto.preset ?? null,
      presetFrom: dto.presetFrom ?? null,
      kamerstukken: (dto.kamerstukken ?? []).map(({ dossier, number }) => ({ dossier, number })),
    });
    return saved.id;
  }
}
