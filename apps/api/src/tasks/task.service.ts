import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { toAmsterdamDate } from '@notaflow/calendar';
import { isDecisionAllowed, mayActOnTask, type Actor } from '@notaflow/domain';
import { NotaEntity, TaskEntity } from '@notaflow/persistence';
import { isUuid } from '../common/ids';
import { AppErrorCode, AppException } from '../common/app.exception';
import { CalendarService } from '../calendar/calendar.service';
import { FlowService } from '../flow/flow.service';
import { toTaskDto } from '../notas/nota.mapper';
import type { DecisionDto, DecisionResultDto, ListTasksQuery, TaskDto } from './dto/task.dto';

@Injectable()
export class TaskService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly flow: FlowService,
    private readonly calendar: CalendarService,
  ) {}

  /** The tasks the caller may act on (API.md "Who holds which task"), soonest due first. */
  async list(actor: Actor, query: ListTasksQuery): Promise<TaskDto[]> {
    const qb = this.dataSource
      .getRepository(TaskEntity)
      .createQueryBuilder('t')
      .innerJoinAndMapOne('t.nota', NotaEntity, 'n', 'n.id = t.nota_id')
      // Of the nota, only what a task shows: hydrating its route and timestamps cost most of the request.
      .select(['t', 'n.id', 'n.onsKenmerk', 'n.title'])
      .orderBy('t.due_at', 'ASC')
      .addOrderBy('t.id')
      .limit(500);
    this.whereHeldBy(qb, actor);
    const status = query.status ?? 'open';
    if (status !== 'all') qb.andWhere('t.status = :status', { status });
    if (query.type) qb.andWhere('t.type = :type', { type: query.type });
    if (query.notaId) qb.andWhere('t.nota_id = :notaId', { notaId: query.notaId });
    const rows = (await qb.getMany()) as (TaskEntity & { nota: NotaEntity })[];
    return rows.map((task) => toTaskDto(task, task.nota));
  }

  /**
   * Asks the flow to take a decision. The checks here answer quickly from the read model; the flow's Update
   * validator is the authority and refuses a race the read model could not see.
   */
  async decide(actor: Actor, taskId: string, dto: DecisionDto): Promise<DecisionResultDto> {
    const task = await this.find(taskId);
    if (!mayActOnTask(task, actor)) {
      throw new AppException(AppErrorCode.FORBIDDEN, `This ${task.type} task is not held by ${actor.username}.`);
    }
    if (task.status !== 'open') throw new AppException(AppErrorCode.CONFLICT, `The task is ${task.status}.`);
    if (!isDecisionAllowed(task.type, dto.decision)) {
      throw AppException.validation([
        { name: 'decision', reason: `a ${task.type} task does not take "${dto.decision}"` },
      ]);
    }
    if (dto.nextMeeting !== undefined && dto.decision !== 'hold') {
      throw AppException.validation([{ name: 'nextMeeting', reason: 'goes only with the decision "hold"' }]);
    }
    if (dto.nextMeeting !== undefined && dto.nextMeeting <= toAmsterdamDate(new Date())) {
      throw AppException.validation([{ name: 'nextMeeting', reason: 'must be a meeting day after today' }]);
    }
    if (dto.nextMeeting !== undefined && !(await this.calendar.isMinisterraadMeeting(dto.nextMeeting))) {
      throw AppException.validation([
        {
          name: 'nextMeeting',
          reason: 'is no day the ministerraad meets (Fridays, outside its breaks, not on a public holiday)',
        },
      ]);
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

  private whereHeldBy(qb: SelectQueryBuilder<TaskEntity>, actor: Actor): void {
    const params = { username: actor.username, org: actor.organisation };
    switch (actor.role) {
      case 'reviewer':
      case 'decider':
        qb.where("t.type IN ('initial', 'decide') AND t.assignee = :username AND t.organisation = :org", params);
        return;
      case 'cosigner':
        qb.where("t.type = 'co-sign' AND t.organisation = :org", params);
        return;
      case 'ministerraad':
        qb.where("t.type = 'ministerraad'");
        return;
      case 'drafter':
        qb.where("t.type = 'dispatch' AND t.organisation = :org", params);
        return;
      default:
        qb.where('false');
    }
  }

  private async find(id: string): Promise<TaskEntity> {
    const task = isUuid(id) ? await this.dataSource.getRepository(TaskEntity).findOneBy({ id }) : null;
    if (!task) throw new AppException(AppErrorCode.NOT_FOUND, `No task ${id}.`);
    return task;
  }
}
