import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { toAmsterdamDate } from '@notaflow/calendar';
import { isDecisionAllowed, mayActOnTask, type Actor } from '@notaflow/domain';
import { NotaEntity, TaskEntity } from '@notaflow/persistence';
import { isUuid } from '../common/ids';
import { AppException } from '../common/app.exception';
import { CalendarService } from '../calendar/calendar.service';
import { FlowService } from '../flow/flow.service';
import { toTaskDto } from '../notas/nota.mapper';
import {
  TASK_PAGE_LIMIT,
  type DecisionDto,
  type DecisionResultDto,
  type ListTasksQuery,
  type TaskDto,
} from './dto/task.dto';

@Injectable()
export class TaskService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly flow: FlowService,
    private readonly calendar: CalendarService,
  ) {}

  /**
   * The tasks the caller may act on (API.md "Who holds which task"), soonest due first. The most requested route
   * (every inbox polls it), so one statement answers in the DTO's own shape: no entities to hydrate, and times as
   * PostgreSQL formats them, not parsed into Dates to be formatted again.
   */
  async list(actor: Actor, query: ListTasksQuery): Promise<TaskDto[]> {
    const params: unknown[] = [];
    const param = (value: unknown): string => `$${params.push(value)}`;
    const where = [heldBy(actor, param)];
    const status = query.status ?? 'open';
    if (status !== 'all') where.push(`t.status = ${param(status)}`);
    if (query.type) where.push(`t.type = ${param(query.type)}`);
    if (query.notaId) where.push(`t.nota_id = ${param(query.notaId)}`);
    return this.dataSource.query(
      `SELECT t.id, t.nota_id AS "notaId", n.ons_kenmerk AS "onsKenmerk", n.title, t.type, t.stage, t.organisation,
              t.assignee, t.status, t.version, ${isoTime('t.due_at')} AS "dueAt", ${isoTime('t.created_at')} AS "createdAt",
              t.meeting_on::text AS "meetingOn", t.decision, t.decided_by AS "decidedBy",
              ${isoTime('t.decided_at')} AS "decidedAt", t.remarks
         FROM tasks t JOIN notas n ON n.id = t.nota_id
        WHERE ${where.join(' AND ')}
        ORDER BY t.due_at, t.id
        LIMIT ${param(query.limit ?? TASK_PAGE_LIMIT)} OFFSET ${param(query.offset ?? 0)}`,
      params,
    );
  }

  /**
   * Asks the flow to take a decision. The checks here answer quickly from the read model; the flow's Update
   * validator is the authority and refuses a race the read model could not see.
   */
  async decide(actor: Actor, taskId: string, dto: DecisionDto): Promise<DecisionResultDto> {
    const task = await this.find(taskId);
    if (!mayActOnTask(task, actor)) {
      throw new AppException('task_not_holder', `This ${task.type} task is not held by ${actor.username}.`);
    }
    if (task.status !== 'open') throw new AppException('task_not_open', `The task is ${task.status}.`);
    if (!isDecisionAllowed(task.type, dto.decision)) {
      throw AppException.field(
        'decision',
        'decision_not_allowed',
        `a ${task.type} task does not take "${dto.decision}"`,
        {
          value: dto.decision,
          taskType: task.type,
        },
      );
    }
    if (dto.nextMeeting !== undefined && dto.decision !== 'hold') {
      throw AppException.field('nextMeeting', 'only_with_hold', 'goes only with the decision "hold"');
    }
    if (dto.nextMeeting !== undefined && dto.nextMeeting <= toAmsterdamDate(new Date())) {
      throw AppException.field('nextMeeting', 'not_after_today', 'must be a meeting day after today');
    }
    if (dto.nextMeeting !== undefined && !(await this.calendar.isMinisterraadMeeting(dto.nextMeeting))) {
      throw AppException.field(
        'nextMeeting',
        'not_a_meeting_day',
        'is no day the ministerraad meets (Fridays, outside its breaks, not on a public holiday)',
      );
    }
    const nota = await this.dataSource.getRepository(NotaEntity).findOneByOrFail({ id: task.notaId });
    const result = await this.flow.decide(task.notaId, {
      taskId,
      actor,
      decision: dto.decision,
      ...(dto.remarks !== undefined ? { remarks: dto.remarks } : {}),
      ...(dto.nextMeeting !== undefined ? { nextMeeting: dto.nextMeeting } : {}),
    });
    const decided = await this.dataSource.getRepository(TaskEntity).findOneByOrFail({ id: taskId });
    return { task: toTaskDto(decided, nota), nota: result.nota };
  }

  private async find(id: string): Promise<TaskEntity> {
    const task = isUuid(id) ? await this.dataSource.getRepository(TaskEntity).findOneBy({ id }) : null;
    if (!task) throw new AppException('task_not_found', `No task ${id}.`);
    return task;
  }
}

/** As Date.prototype.toISOString writes it, the form every other time in the API takes. */
function isoTime(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** The SQL condition for the tasks `actor` holds; `param` binds a value and names its placeholder. */
function heldBy(actor: Actor, param: (value: unknown) => string): string {
  switch (actor.role) {
    case 'reviewer':
    case 'decider':
      return `t.type IN ('initial', 'decide') AND t.assignee = ${param(actor.username)} AND t.organisation = ${param(actor.organisation)}`;
    case 'cosigner':
      return `t.type = 'co-sign' AND t.organisation = ${param(actor.organisation)}`;
    case 'ministerraad':
      return `t.type = 'ministerraad'`;
    case 'drafter':
      return `t.type = 'dispatch' AND t.organisation = ${param(actor.organisation)}`;
    default:
      return 'false';
  }
}
