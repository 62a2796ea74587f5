import type { DeadlineEntity, PostponementEntity } from '@notaflow/persistence';
import type { DeadlineDetailDto, DeadlineDto, PostponementDto } from './dto/deadline.dto';

export function toDeadlineDto(d: DeadlineEntity): DeadlineDto {
  return {
    id: d.id,
    kind: d.kind,
    title: d.title,
    dueOn: d.dueOn,
    originalDueOn: d.originalDueOn,
    anchor: d.anchor as DeadlineDto['anchor'],
    preset: d.preset,
    presetFrom: d.presetFrom,
    extendedOn: d.extendedOn,
    extensionReasons: d.extensionReasons,
    kamerstukken: d.kamerstukken,
    dossier: d.dossier,
    notaId: d.notaId,
    recurrence: d.recurrence,
    previousId: d.previousId,
    status: d.status,
    organisation: d.organisation,
    reminderLeadWorkingDays: d.reminderLeadWorkingDays,
    closedAt: d.closedAt?.toISOString() ?? null,
    createdBy: d.createdBy,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}

export function toPostponementDto(p: PostponementEntity): PostponementDto {
  return {
    id: p.id,
    deadlineId: p.deadlineId,
    status: p.status,
    requestedDueOn: p.requestedDueOn,
    requestedOn: p.requestedOn,
    reason: p.reason,
    notaId: p.notaId,
    newDueOn: p.newDueOn,
    requestedBy: p.requestedBy,
    createdAt: p.createdAt.toISOString(),
    decidedBy: p.decidedBy,
    decidedAt: p.decidedAt?.toISOString() ?? null,
  };
}

export function toDeadlineDetailDto(d: DeadlineEntity, postponements: PostponementEntity[]): DeadlineDetailDto {
  return { ...toDeadlineDto(d), postponements: postponements.map(toPostponementDto) };
}
