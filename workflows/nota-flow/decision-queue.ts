import { ApplicationFailure, condition } from '@temporalio/workflow';
import type { DecideInput, DecideResult } from '@notaflow/temporal';

export interface QueuedDecision {
  ticket: number;
  input: DecideInput;
}

/**
 * Decisions between the decide Update's handler and the run loop. The handler queues a decision and waits for its
 * ticket's answer; the run loop takes decisions one by one, and answers those it has taken once it waits again,
 * with the state it has reached by then (its new tasks open), so the caller reads a settled flow.
 */
export class DecisionQueue {
  private readonly queue: QueuedDecision[] = [];
  /** Tasks with a decision queued or being applied: a second decision on them is refused at once. */
  readonly deciding = new Set<string>();
  private readonly taken: { ticket: number; result: DecideResult }[] = [];
  private readonly results = new Map<number, DecideResult | ApplicationFailure>();
  private nextTicket = 1;

  /** In the Update's handler: queues the decision and answers with what came of it, or throws its refusal. */
  async submit(input: DecideInput): Promise<DecideResult> {
    const ticket = this.nextTicket++;
    this.deciding.add(input.taskId);
    this.queue.push({ ticket, input });
    await condition(() => this.results.has(ticket));
    const result = this.results.get(ticket)!;
    this.results.delete(ticket);
    if (result instanceof ApplicationFailure) throw result;
    return result;
  }

  get isEmpty(): boolean {
    return this.queue.length === 0;
  }

  /** The oldest queued decision; only when there is one. */
  take(): QueuedDecision {
    return this.queue.shift()!;
  }

  /** The decision is recorded: its answer waits for the state the flow reaches next. */
  answerWhenSettled(ticket: number, result: DecideResult): void {
    this.taken.push({ ticket, result });
  }

  /** Answers every decision taken since the flow last waited, with the nota as it is now. */
  answerTaken(nota: DecideResult['nota']): void {
    for (const { ticket, result } of this.taken.splice(0)) {
      this.results.set(ticket, { ...result, nota });
    }
  }

  /** Refuses every decision still queued (the nota is withdrawn). */
  refuseQueued(refusal: () => ApplicationFailure): void {
    for (const queued of this.queue.splice(0)) this.results.set(queued.ticket, refusal());
  }

  /** The task is closed: a decision on it is refused as not open from now on, by the flow's own state. */
  release(taskId: string): void {
    this.deciding.delete(taskId);
  }
}
