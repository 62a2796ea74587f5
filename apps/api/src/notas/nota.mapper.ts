import { routeChoiceOf } from '@notaflow/domain';
import type { FlowEventEntity, NotaEntity, NotaVersionEntity, TaskEntity } from '@notaflow/persistence';
import type { TaskDto } from '../tasks/dto/task.dto';
import type { HistoryEventDto, NotaDto, NotaSummaryDto, NotaVersionDto } from './dto/nota.dto';

export function toNotaSummary(nota: NotaEntity): NotaSummaryDto {
  return {
    id: nota.id,
    onsKenmerk: nota.onsKenmerk,
    title: nota.title,
    dossier: nota.dossier,
    uwKenmerk: nota.uwKenmerk,
    dueOn: nota.dueOn,
    documentDate: nota.documentDate,
    kamerstukken: nota.kamerstukken,
    organisation: nota.organisation,
    createdBy: nota.createdBy,
    status: nota.status,
    stage: nota.stage,
    version: nota.version,
    route: routeChoiceOf(nota.route),
    workflowId: nota.workflowId,
    createdAt: nota.createdAt.toISOString(),
    submittedAt: nota.submittedAt?.toISOString() ?? null,
    ...(nota.dispatchedAt ? { dispatchedAt: nota.dispatchedAt.toISOString() } : {}),
    ...(nota.kamerstukNumber !== null && nota.kamerstukDossier && nota.kamerstukVergaderjaar
      ? {
          kamerstuk: {
            dossier: nota.kamerstukDossier,
            number: nota.kamerstukNumber,
            vergaderjaar: nota.kamerstukVergaderjaar,
          },
        }
      : {}),
  };
}

function toTaskDto(task: TaskEntity, nota: Pick<NotaEntity, 'onsKenmerk' | 'title'>): TaskDto {
  return {
    id: task.id,
    notaId: task.notaId,
    onsKenmerk: nota.onsKenmerk,
    title: nota.title,
    type: task.type,
    stage: task.stage,
    organisation: task.organisation,
    assignee: task.assignee,
    status: task.status,
    version: task.version,
    dueAt: task.dueAt.toISOString(),
    createdAt: task.createdAt.toISOString(),
    meetingOn: task.meetingOn,
    decision: task.decision,
    decidedBy: task.decidedBy,
    decidedAt: task.decidedAt?.toISOString() ?? null,
    remarks: task.remarks,
    seenSha256: task.seenSha256,
  };
}

export function toHistoryEvent(event: FlowEventEntity): HistoryEventDto {
  return {
    seq: event.seq,
    at: event.at.toISOString(),
    type: event.type,
    actor: event.actor,
    organisation: event.organisation,
    stage: event.stage,
    decision: event.decision,
    remarks: event.remarks,
    taskId: event.taskId,
    data: event.data,
    seenSha256: event.seenSha256,
  };
}

export function toVersionDto(version: NotaVersionEntity): NotaVersionDto {
  return {
    version: version.version,
    note: version.note,
    createdBy: version.createdBy,
    createdAt: version.createdAt.toISOString(),
  };
}

export function toNotaDto(
  nota: NotaEntity,
  parts: {
    tasks: TaskEntity[];
    openTasks: TaskEntity[];
    history: FlowEventEntity[];
    versions: NotaVersionEntity[];
    documentSha256: string | null;
  },
): NotaDto {
  return {
    ...toNotaSummary(nota),
    documentSha256: parts.documentSha256,
    openTasks: parts.openTasks.map((task) => toTaskDto(task, nota)),
    tasks: parts.tasks.map((task) => toTaskDto(task, nota)),
    history: parts.history.map(toHistoryEvent),
    versions: parts.versions.map(toVersionDto),
  };
}
