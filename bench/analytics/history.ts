import { randomUUID } from 'node:crypto';
import {
  addDays,
  amsterdamStartOfDayInstant,
  isWorkingDay,
  nextMinisterraad,
  nextWorkingDayOnOrAfter,
  toAmsterdamDate,
} from '@notaflow/calendar';
import { buildRouteTemplate, type FlowEventType, type StageTemplate, type TaskType } from '@notaflow/domain';
import { taskDates } from '../../activities/flow.activities';
import type { Batch, EventRow, NotaRow, TaskRow } from './history-rows';
import { MINISTERRAAD_USER, normal, pick, rng, usersOf, type Organisation } from './population';

/**
 * A synthetic but realistic history of approval flows, in the rows recordTransition writes (history-rows.ts): the
 * same events per step, tasks due by the same working-day rules (its `taskDates`), holders taking log-normal time.
 * Nothing here talks to a database; `HistoryWriter` consumes the batches.
 */

const HOUR = 3_600_000;

export interface HistoryOptions {
  organisations: Organisation[];
  start: Date;
  end: Date;
  targetEvents: number;
  seed: number;
}

/** Typical duration of a task before its holder decides, in hours of the clock; the tail is long. */
const MEDIAN_HOURS: Record<TaskType, number> = {
  initial: 20,
  decide: 50,
  'co-sign': 110,
  ministerraad: 0,
  dispatch: 18,
};
const SIGMA = 0.9;
/** Chance that a decision sends the nota back to the directorate, or rejects it. */
const CHANGES: Partial<Record<TaskType, number>> = { initial: 0.06, decide: 0.05, 'co-sign': 0.03 };
const REJECT: Partial<Record<TaskType, number>> = { decide: 0.01, ministerraad: 0.01 };
const WITHDRAW = 0.01;
const MINISTERRAAD_HOLD = 0.12;

/** Decisions land in office hours of working days: a decision "at" a weekend moves to Monday morning. */
function inOfficeHours(ms: number, random: () => number): number {
  const day = toAmsterdamDate(new Date(ms));
  const hour = (ms - amsterdamStartOfDayInstant(day).getTime()) / HOUR;
  if (isWorkingDay(day) && hour >= 8 && hour < 18) return ms;
  const next = hour >= 18 || !isWorkingDay(day) ? nextWorkingDayOnOrAfter(addDays(day, 1)) : day;
  return amsterdamStartOfDayInstant(next).getTime() + (8.5 + random() * 3) * HOUR;
}

/** Generates batches of complete notas until the event count reaches the target. */
export function* generateHistory(options: HistoryOptions): Generator<Batch> {
  const random = rng(options.seed);
  const owners = options.organisations.filter((o) => o.weight > 0);
  const coSigners = options.organisations.filter((o) => o.canCoSign);
  const pace = new Map(options.organisations.map((o) => [o.code, o.pace]));
  const dossiers = Array.from({ length: 400 }, (_, i) => `${20 + Math.floor(i / 20)} ${100 + ((i * 37) % 900)}`);
  const span = options.end.getTime() - options.start.getTime();
  const end = options.end.getTime();
  let events = 0;
  let kenmerk = 6_000_001;
  let batch: Batch = { notas: [], versions: [], events: [], tasks: [] };

  while (events < options.targetEvents) {
    const owner = pick(random, owners, (o) => o.weight);
    const users = usersOf(owner.code);
    const notaId = randomUUID();
    const workflowId = `nota-${notaId}`;
    const chosenCoSigners = new Set<string>();
    const wanted = random() < 0.45 ? 1 + Math.floor(random() * 4) : 0;
    while (chosenCoSigners.size < wanted) {
      const ministry = pick(random, coSigners, (o) => o.weight + 0.02).code;
      if (ministry !== owner.code) chosenCoSigners.add(ministry);
    }
    const route = buildRouteTemplate({
      reviewers: users.reviewers.slice(0, 1 + Math.floor(random() * 3)),
      decider: users.decider,
      coSigners: [...chosenCoSigners],
      ministerraad: random() < 0.3,
    });
    const submittedAt = inOfficeHours(options.start.getTime() + random() * span, random);
    const nota: NotaRow = {
      id: notaId,
      onsKenmerk: String(kenmerk++),
      title: `Nota ${kenmerk}`,
      dossier: dossiers[Math.floor(random() * random() * dossiers.length)],
      organisation: owner.code,
      createdBy: users.drafter,
      route: JSON.stringify(route),
      status: 'in_review',
      stage: null,
      version: 1,
      workflowId,
      submittedAt: new Date(submittedAt),
      dispatchedAt: null,
      createdAt: new Date(submittedAt - random() * 48 * HOUR),
      updatedAt: new Date(submittedAt),
    };
    batch.notas.push(nota);
    batch.versions.push({ notaId, version: 1, createdBy: users.drafter, createdAt: nota.createdAt });

    let seq = 0;
    let now = submittedAt;
    let stopped = false;
    const event = (at: number, type: FlowEventType, fields: Partial<EventRow> = {}) => {
      if (at > end) {
        stopped = true;
        return;
      }
      batch.events.push({
        workflowId,
        seq: ++seq,
        notaId,
        at: new Date(at),
        type,
        actor: null,
        organisation: null,
        stage: null,
        taskId: null,
        decision: null,
        remarks: null,
        data: null,
        ...fields,
      });
      nota.updatedAt = new Date(at);
    };

    event(now, 'submitted', { actor: users.drafter, organisation: owner.code });
    const approvedBy = new Set<string>();
    let position = { stage: 0, reviewer: 0 };
    let outcome: 'dispatched' | 'rejected' | 'withdrawn' | undefined;

    /** Opens tasks, lets each holder take its time, and applies the first decision that ends the round. */
    const round = (
      stage: StageTemplate,
      entering: boolean,
      specs: { type: TaskType; organisation: string; assignee: string | null; meetingOn?: string }[],
    ): 'approved' | 'changes' | 'rejected' | 'withdrawn' | 'hold' => {
      if (entering) event(now, 'stage_started', { stage: stage.stage });
      nota.stage = stage.stage;
      const opened = specs.map((spec) => {
        const dates = taskDates(
          {
            id: '',
            type: spec.type,
            stage: stage.stage,
            organisation: spec.organisation,
            assignee: spec.assignee,
            version: nota.version,
            slaWorkingDays: 'slaWorkingDays' in stage ? stage.slaWorkingDays : undefined,
            meetingOn: spec.meetingOn,
            reminderWorkingDaysBefore: 'reminderWorkingDaysBefore' in stage ? stage.reminderWorkingDaysBefore : 1,
          },
          new Date(now).toISOString(),
        );
        const task: TaskRow = {
          id: randomUUID(),
          notaId,
          workflowId,
          type: spec.type,
          stage: stage.stage,
          organisation: spec.organisation,
          assignee: spec.assignee,
          status: 'open',
          version: nota.version,
          meetingOn: dates.meetingOn,
          dueAt: new Date(dates.dueAt),
          remindAt: dates.remindAt ? new Date(dates.remindAt) : null,
          createdAt: new Date(now),
          decidedAt: null,
          decidedBy: null,
          decision: null,
        };
        event(now, 'task_opened', {
          organisation: spec.organisation,
          actor: spec.assignee,
          stage: stage.stage,
          taskId: task.id,
          data: JSON.stringify({ taskType: spec.type, ...(spec.meetingOn ? { meetingOn: spec.meetingOn } : {}) }),
        });
        batch.tasks.push(task);
        return task;
      });
      // Each holder's moment and decision; the round ends at the first one that is not an approval.
      const decided = opened
        .map((task) => {
          let at: number;
          let decision = 'approve';
          if (task.type === 'ministerraad') {
            at = amsterdamStartOfDayInstant(task.meetingOn!).getTime() + (10 + random() * 3) * HOUR;
            const r = random();
            if (r < MINISTERRAAD_HOLD) decision = 'hold';
            else if (r < MINISTERRAAD_HOLD + (REJECT.ministerraad ?? 0)) decision = 'reject';
          } else {
            const hours =
              MEDIAN_HOURS[task.type] * (pace.get(task.organisation) ?? 1) * Math.exp(SIGMA * normal(random));
            at = inOfficeHours(now + hours * HOUR, random);
            const r = random();
            if (r < (CHANGES[task.type] ?? 0)) decision = 'request_changes';
            else if (r < (CHANGES[task.type] ?? 0) + (REJECT[task.type] ?? 0)) decision = 'reject';
          }
          return { task, at, decision };
        })
        .sort((a, b) => a.at - b.at);
      if (random() < WITHDRAW / 4) {
        const at = now + random() * 72 * HOUR;
        if (at < decided[0].at && at <= end) {
          now = at;
          for (const task of opened) {
            Object.assign(task, { status: 'cancelled', decidedAt: new Date(at) });
            event(at, 'task_cancelled', cancelled(task));
          }
          event(at, 'withdrawn', { actor: users.drafter, organisation: owner.code, remarks: 'Ingetrokken' });
          nota.status = 'withdrawn';
          return 'withdrawn';
        }
      }
      for (const { task, at, decision } of decided) {
        if (task.remindAt && task.remindAt.getTime() < at) {
          event(task.remindAt.getTime(), 'task_reminded', holderOf(task));
        }
        if (task.dueAt.getTime() < at) event(task.dueAt.getTime() + 1, 'task_escalated', holderOf(task));
        if (at > end) {
          stopped = true;
          return 'withdrawn';
        }
        now = at;
        const holder =
          task.assignee ??
          (task.type === 'ministerraad'
            ? MINISTERRAAD_USER
            : task.type === 'dispatch'
              ? users.drafter
              : usersOf(task.organisation).signer);
        Object.assign(task, { status: 'done', decidedAt: new Date(at), decidedBy: holder, decision });
        event(at, 'task_decided', {
          actor: holder,
          organisation: task.organisation,
          stage: task.stage,
          taskId: task.id,
          decision,
        });
        if (decision === 'approve') {
          if (task.type === 'co-sign') approvedBy.add(task.organisation);
          continue;
        }
        if (decision === 'hold') return 'hold';
        for (const other of opened.filter((t) => t.status === 'open')) {
          Object.assign(other, { status: 'cancelled', decidedAt: new Date(at) });
          event(at, 'task_cancelled', cancelled(other));
        }
        if (decision === 'reject') {
          event(at, 'rejected', { actor: holder, organisation: task.organisation });
          nota.status = 'rejected';
          return 'rejected';
        }
        event(at, 'changes_requested', { actor: holder, organisation: task.organisation });
        nota.status = 'changes_requested';
        return 'changes';
      }
      return 'approved';
    };
    const cancelled = (task: TaskRow) => ({
      organisation: task.organisation,
      stage: task.stage,
      taskId: task.id,
    });
    const holderOf = (task: TaskRow) => ({
      organisation: task.organisation,
      actor: task.assignee,
      stage: task.stage,
      taskId: task.id,
    });

    while (!stopped && !outcome && position.stage < route.stages.length) {
      const stage = route.stages[position.stage];
      let result: ReturnType<typeof round>;
      if (stage.stage === 'initialling') {
        result = 'approved';
        for (let r = position.reviewer; r < stage.reviewers.length && result === 'approved'; r++) {
          result = round(stage, r === position.reviewer, [
            { type: 'initial', organisation: owner.code, assignee: stage.reviewers[r] },
          ]);
          if (result === 'changes') position = { stage: position.stage, reviewer: r };
        }
      } else if (stage.stage === 'decision') {
        result = round(stage, true, [{ type: 'decide', organisation: owner.code, assignee: stage.decider }]);
      } else if (stage.stage === 'co-signing') {
        const pending = stage.ministries.filter((m) => !approvedBy.has(m));
        result = round(
          stage,
          true,
          pending.map((organisation) => ({ type: 'co-sign' as const, organisation, assignee: null })),
        );
      } else if (stage.stage === 'ministerraad') {
        let meetingOn = nextMinisterraad(toAmsterdamDate(new Date(now)));
        result = round(stage, true, [{ type: 'ministerraad', organisation: 'AZ', assignee: null, meetingOn }]);
        while (result === 'hold' && !stopped) {
          meetingOn = nextMinisterraad(meetingOn);
          result = round(stage, false, [{ type: 'ministerraad', organisation: 'AZ', assignee: null, meetingOn }]);
        }
      } else {
        result = round(stage, true, [{ type: 'dispatch', organisation: owner.code, assignee: null }]);
        if (result === 'approved' && !stopped) {
          event(now, 'dispatched', { actor: users.drafter, organisation: owner.code });
          Object.assign(nota, { status: 'dispatched', stage: 'done', dispatchedAt: new Date(now) });
          outcome = 'dispatched';
        }
      }
      if (stopped || result === 'rejected' || result === 'withdrawn') break;
      if (result === 'approved') {
        position = { stage: position.stage + 1, reviewer: 0 };
      } else if (result === 'changes') {
        // The directorate's turn: a new version after a few days, or the nota is withdrawn.
        const at = inOfficeHours(now + 72 * HOUR * Math.exp(0.8 * normal(random)), random);
        if (at > end) break;
        now = at;
        if (random() < WITHDRAW) {
          event(now, 'withdrawn', { actor: users.drafter, organisation: owner.code, remarks: 'Ingetrokken' });
          nota.status = 'withdrawn';
          break;
        }
        nota.version += 1;
        event(now, 'version_submitted', {
          actor: users.drafter,
          organisation: owner.code,
          data: JSON.stringify({ version: nota.version }),
        });
        batch.versions.push({ notaId, version: nota.version, createdBy: users.drafter, createdAt: new Date(now) });
        nota.status = 'in_review';
        if (route.coSignersReapproveAfterNewVersion) approvedBy.clear();
      }
    }
    events += seq;
    if (batch.events.length >= 20_000) {
      yield batch;
      batch = { notas: [], versions: [], events: [], tasks: [] };
    }
  }
  if (batch.notas.length) yield batch;
}
