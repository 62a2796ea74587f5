import type { FlowEventType, TaskType } from '@notaflow/domain';
import { useOrganisations } from '../api/organisations';
import type { HistoryEvent, Task } from '../api/types';
import { formatDay, formatInstant } from '../lib/dates';
import { EVENT_LABELS, STAGE_LABELS, TASK_TYPE_LABELS, decisionLabel } from '../lib/labels';

interface TimelineProps {
  history: HistoryEvent[];
  tasks: Task[];
}

const TONE: Record<string, string> = {
  task_decided: 'decided',
  changes_requested: 'changes',
  rejected: 'negative',
  withdrawn: 'negative',
  task_escalated: 'negative',
  dispatched: 'done',
  submitted: 'start',
  version_submitted: 'start',
};

function who(
  actor: string | null,
  organisation: string | null,
  organisationName: (code: string) => string,
): string | undefined {
  if (actor && organisation) return `${actor} (${organisation})`;
  return actor ?? (organisation ? organisationName(organisation) : undefined);
}

/** Due against done: a decided task shows when it was due and whether the decision came in time. */
function DueVsDone({ task, opened }: { task: Task; opened: boolean }) {
  if (opened || !task.decidedAt) {
    return (
      <p className="nf-timeline__due">
        Termijn: <time dateTime={task.dueAt}>{formatInstant(task.dueAt)}</time>
      </p>
    );
  }
  const late = Date.parse(task.decidedAt) > Date.parse(task.dueAt);
  return (
    <p className="nf-timeline__due">
      Termijn: <time dateTime={task.dueAt}>{formatInstant(task.dueAt)}</time> · afgehandeld:{' '}
      <time dateTime={task.decidedAt}>{formatInstant(task.decidedAt)}</time>{' '}
      <span className={`nf-tag nf-tag--${late ? 'overdue' : 'done'}`}>{late ? 'na de termijn' : 'op tijd'}</span>
    </p>
  );
}

function describe(event: HistoryEvent, task: Task | undefined): string {
  const base = EVENT_LABELS[event.type as FlowEventType] ?? event.type;
  const type = (task?.type ?? (event.data?.taskType as TaskType | undefined)) as TaskType | undefined;
  switch (event.type) {
    case 'stage_started':
      return event.stage ? `Fase gestart: ${STAGE_LABELS[event.stage]}` : base;
    case 'task_opened':
      return type ? `Taak uitgezet: ${TASK_TYPE_LABELS[type].toLowerCase()}` : base;
    case 'task_decided':
      return event.decision ? `${base}: ${decisionLabel(type, event.decision)}` : base;
    case 'version_submitted':
      return typeof event.data?.version === 'number' ? `Versie ${event.data.version} ingediend` : base;
    default:
      return base;
  }
}

/** Every event of the nota's flow, oldest first: who, when, what, with remarks and due against done. */
export function Timeline({ history, tasks }: TimelineProps) {
  const organisations = useOrganisations();
  const byId = new Map(tasks.map((task) => [task.id, task]));
  if (history.length === 0) return <p className="nl-paragraph">Nog geen gebeurtenissen: de nota is niet ingediend.</p>;
  return (
    <ol className="nf-timeline">
      {history.map((event) => {
        const task = event.taskId ? byId.get(event.taskId) : undefined;
        const person = who(event.actor, event.organisation, organisations.name);
        const holder =
          event.type === 'task_opened' && task
            ? task.assignee
              ? `${task.assignee} (${task.organisation})`
              : organisations.name(task.organisation)
            : undefined;
        const meetingOn = (event.data?.meetingOn ?? event.data?.nextMeeting) as string | undefined;
        return (
          <li key={event.seq} className={`nf-timeline__item nf-timeline__item--${TONE[event.type] ?? 'plain'}`}>
            <div className="nf-timeline__head">
              <time className="nf-timeline__when" dateTime={event.at}>
                {formatInstant(event.at)}
              </time>
              <span className="nf-timeline__what">{describe(event, task)}</span>
            </div>
            <div className="nf-timeline__body">
              {person && event.type !== 'task_opened' && <p className="nf-timeline__who">Door {person}</p>}
              {holder && <p className="nf-timeline__who">Bij {holder}</p>}
              {meetingOn && (
                <p className="nf-timeline__stage">
                  {event.type === 'task_decided' ? 'Aangehouden tot de vergadering van' : 'Vergadering van'}{' '}
                  {formatDay(meetingOn)}
                </p>
              )}
              {event.remarks && (
                <blockquote className="nf-timeline__remarks">
                  <p>{event.remarks}</p>
                </blockquote>
              )}
              {task && (event.type === 'task_opened' || event.type === 'task_decided') && (
                <DueVsDone task={task} opened={event.type === 'task_opened'} />
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
