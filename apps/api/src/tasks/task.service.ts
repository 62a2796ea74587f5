import { Injectable } from '@nestjs/common';
import { toAmsterdamDate } from '@notaflow/calendar';
import { isDecisionAllowed, isPersonalTask, mayReassignTask, type Actor } from '@notaflow/domain';
import { DocumentRepository, TaskRepository, UserRepository, type TaskEntity } from '@notaflow/persistence';
import { isUuid } from '../common/ids';
import { AppException } from '../common/app.exception';
import { CalendarService } from '../calendar/calendar.service';
import { FlowService } from '../flow/flow.service';
import { InboxCache, type InboxAnswer } from './inbox-cache';
import {
  TASK_PAGE_LIMIT,
  type DecisionDto,
  type DecisionResultDto,
  type ListTasksQuery,
  type ReassignDto,
  type TaskDto,
} from './dto/task.dto';

@Injectable()
export class TaskService {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly documents: DocumentRepository,
    private readonly users: UserRepository,
    private readonly flow: FlowService,
    private readonly calendar: CalendarService,
    private readonly inboxes: InboxCache,
  ) {}

  /**
   * The inbox as every web app asks for it (open tasks, no filter, the first page), from the per-holder cache with
   * its ETag; undefined for any other list, which `list` reads.
   */
  inbox(actor: Actor, query: ListTasksQuery): Promise<InboxAnswer> | undefined {
    const plain =
      (query.status ?? 'open') === 'open' &&
      query.type === undefined &&
      query.notaId === undefined &&
      (query.limit ?? TASK_PAGE_LIMIT) === TASK_PAGE_LIMIT &&
      (query.offset ?? 0) === 0;
    return plain ? this.inboxes.answer(actor, () => this.list(actor, query)) : undefined;
  }

  /**
   * The tasks the caller may act on (API.md "Who holds which task"), soonest due first. Every inbox polls this: the
   * repository answers it in one statement, in the DTO's own shape.
   */
  list(actor: Actor, query: ListTasksQuery): Promise<TaskDto[]> {
    return this.tasks.listHeld(actor, {
      status: query.status ?? 'open',
      type: query.type,
      notaId: query.notaId,
      limit: query.limit ?? TASK_PAGE_LIMIT,
      offset: query.offset ?? 0,
    });
  }

  /**
   * Asks the flow to take a decision. The checks here answer quickly from the read model; the flow's Update
   * validator is the authority and refuses a race the read model could not see.
   */
  async decide(actor: Actor, taskId: string, dto: DecisionDto): Promise<DecisionResultDto> {
    const task = await this.findHeld(actor, taskId);
    if (task.status !== 'open') throw new AppException('task_not_open', `The task is ${task.status}.`);
    // An open task is of the nota's current version: its nota document is the text the decision must name.
    const current = await this.documents.notaDocument(task.notaId, task.version);
    if (current && dto.seenSha256 === undefined) {
      throw AppException.field('seenSha256', 'required', 'names the SHA-256 of the nota document the holder read');
    }
    if (current && dto.seenSha256 !== current.sha256) {
      throw new AppException(
        'stale_version',
        `The decision names ${dto.seenSha256}, but version ${task.version}'s nota document is ${current.sha256}: read it first.`,
        { currentVersion: task.version, documentSha256: current.sha256 },
      );
    }
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
    const result = await this.flow.decide(task.notaId, {
      taskId,
      actor,
      decision: dto.decision,
      ...(dto.seenSha256 !== undefined ? { seenSha256: dto.seenSha256 } : {}),
      ...(dto.remarks !== undefined ? { remarks: dto.remarks } : {}),
      ...(dto.nextMeeting !== undefined ? { nextMeeting: dto.nextMeeting } : {}),
    });
    // The flow has committed the step; its notification may still be on its way, and the caller reads next.
    this.inboxes.forgetAll();
    const decided = await this.tasks.view(taskId);
    if (!decided) throw new AppException('task_not_found', `No task ${taskId}.`);
    return { task: decided, nota: result.nota };
  }

  /**
   * Hands a reviewer's or the decider's task to another person. Who may, and to whom, the flow's validator decides
   * (nothing enters history when it refuses); here the read model answers what it can see at once.
   */
  async reassign(actor: Actor, taskId: string, dto: ReassignDto): Promise<TaskDto> {
    const found = isUuid(taskId) ? await this.tasks.findFor(actor, taskId) : null;
    if (!found) throw new AppException('task_not_found', `No task ${taskId}.`);
    const { task } = found;
    if (!isPersonalTask(task.type)) {
      throw new AppException('task_not_personal', `A ${task.type} task is held by its ministry, not by one person.`);
    }
    if (!mayReassignTask(task, actor)) {
      throw new AppException('task_not_holder', `${actor.username} may not hand this ${task.type} task on.`);
    }
    if (task.status !== 'open') throw new AppException('task_not_open', `The task is ${task.status}.`);
    const [to] = await this.users.findByUsernames([dto.to]);
    if (!to) {
      throw AppException.field('to', 'unknown_user', `is not a known user: ${dto.to}`, { value: dto.to });
    }
    await this.flow.reassign(task.notaId, {
      taskId,
      actor,
      to: { username: to.username, role: to.role, organisation: to.organisation },
      reason: dto.reason,
    });
    const handedOn = await this.tasks.view(taskId);
    if (!handedOn) throw new AppException('task_not_found', `No task ${taskId}.`);
    return handedOn;
  }

  /** The task, if `actor` holds it: 404 when there is none, 403 when it is another's. */
  private async findHeld(actor: Actor, id: string): Promise<TaskEntity> {
    const found = isUuid(id) ? await this.tasks.findFor(actor, id) : null;
    if (!found) throw new AppException('task_not_found', `No task ${id}.`);
    if (!found.held) {
      throw new AppException('task_not_holder', `This ${found.task.type} task is not held by ${actor.username}.`);
    }
    return found.task;
  }
}
