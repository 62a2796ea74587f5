import { CancellationScope, isCancellation, sleep } from '@temporalio/workflow';
import type { FlowTask, TaskNotification, TaskNotificationKind } from '@notaflow/temporal';
import { activities } from './activities';
import type { FlowState } from './flow-state';

type Recipient = TaskNotification['recipient'];

/**
 * Around each open task: its announcement, a reminder before it is due and an escalation after, until it closes.
 * The notifications carry facts; the notify activity words them.
 */
export class TaskTimers {
  private readonly scopes = new Map<string, CancellationScope>();
  /** Notifications being written beside the flow (announcements, reminders, escalations): never cancelled. */
  private readonly notifying = new Set<Promise<void>>();

  constructor(private readonly flow: FlowState) {}

  /** Announces the task when asked, and sets its reminder and escalation. */
  watch(task: FlowTask, announce: boolean): void {
    if (announce) {
      // Beside the timers, and never cancelled half-way: a task decided at once was still assigned.
      this.notifyBeside(() => this.announce(task)).catch((error: unknown) => {
        if (!isCancellation(error)) throw error;
      });
    }
    const scope = new CancellationScope();
    this.scopes.set(task.id, scope);
    scope
      .run(async () => {
        if (task.remindAt) {
          await sleepUntil(task.remindAt);
          await this.alert(task, 'task_reminder');
        }
        await sleepUntil(task.dueAt);
        await this.alert(task, 'task_escalation');
      })
      .catch((error: unknown) => {
        if (!isCancellation(error)) throw error;
      });
  }

  /** The task closed: its timers stop. A reminder or escalation already being written is written still. */
  cancel(taskId: string): void {
    this.scopes.get(taskId)?.cancel();
    this.scopes.delete(taskId);
  }

  /** Settles once every notification begun so far is written. */
  allWritten(): Promise<void[]> {
    return Promise.all(this.notifying);
  }

  /**
   * Tells the person a task was handed on to, beside the flow. `handedOn` counts the hand-overs, so that each is its
   * own notification, and a retried one is not.
   */
  announceHandedOn(task: FlowTask, handedOn: number): void {
    this.notifyBeside(() => this.announce(task, `${task.id}:task_assigned:${handedOn}`)).catch((error: unknown) => {
      if (!isCancellation(error)) throw error;
    });
  }

  /** To the reviewer or decider named, or to the organisation that holds the task (its co-signers, the secretariat). */
  private async announce(task: FlowTask, key = `${task.id}:task_assigned`): Promise<void> {
    await activities.notify(
      this.notification('task_assigned', key, task, { organisation: task.organisation, username: task.assignee }),
    );
  }

  /**
   * A reminder to the holder, or an escalation to the holder and to the nota's own organisation; then the event that
   * says so. Once started, both are written even if the task closes meanwhile.
   */
  private async alert(task: FlowTask, kind: 'task_reminder' | 'task_escalation'): Promise<void> {
    const { organisation } = this.flow.input;
    const holder: Recipient = { organisation: task.organisation, username: task.assignee };
    const recipients: Recipient[] =
      kind === 'task_reminder'
        ? [holder]
        : [holder, ...(task.organisation !== organisation ? [{ organisation, username: null }] : [])];
    await this.notifyBeside(async () => {
      for (const [i, recipient] of recipients.entries()) {
        await activities.notify(this.notification(kind, `${task.id}:${kind}:${i}`, task, recipient));
      }
      await this.flow.transition({
        events: [
          {
            type: kind === 'task_reminder' ? 'task_reminded' : 'task_escalated',
            organisation: task.organisation,
            actor: task.assignee,
            stage: task.stage,
            taskId: task.id,
          },
        ],
      });
    });
  }

  /** Runs work that writes a notification, never cancelled half-way; the run waits for it before it closes. */
  private notifyBeside(work: () => Promise<void>): Promise<void> {
    const running = CancellationScope.nonCancellable(work);
    this.notifying.add(running.catch(() => undefined));
    return running;
  }

  /** The key makes a retried activity a no-op: it stays as flows of every release have written it. */
  private notification(
    kind: TaskNotificationKind,
    key: string,
    task: FlowTask,
    recipient: Recipient,
  ): TaskNotification {
    const { notaId, onsKenmerk, title } = this.flow.input;
    return {
      key,
      kind,
      recipient,
      nota: { id: notaId, onsKenmerk, title },
      task: {
        id: task.id,
        type: task.type,
        stage: task.stage,
        organisation: task.organisation,
        assignee: task.assignee,
        dueAt: task.dueAt,
        meetingOn: task.meetingOn,
      },
    };
  }
}

async function sleepUntil(instant: string): Promise<void> {
  const ms = Date.parse(instant) - Date.now();
  if (ms > 0) await sleep(ms);
}
