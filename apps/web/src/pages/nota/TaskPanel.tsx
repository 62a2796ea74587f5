import { ActionGroup, Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import type { Task } from '../../api/types';
import { DueBadge } from '../../components/DueBadge';
import { RouterLink } from '../../components/RouterLink';
import { amsterdamDay, formatDay } from '../../lib/dates';
import { TASK_TYPE_LABELS } from '../../lib/labels';
import { CHANGES_ANCHOR } from './ChangesSection';

interface TaskPanelProps {
  task: Task;
  left: ReadonlyMap<string, number | null>;
  /** The version the page shows: a decision is taken on the task's own version, read in full. */
  shownVersion: number;
  /** The page's query (the version asked for), kept by the in-page link to the changes. */
  search: string;
  onDecide(task: Task): void;
  /** For a reviewer's or the decider's task: hand it to a colleague. */
  onReassign?(task: Task): void;
}

/** A task of the reader's on this nota: its term, what to read first, and the decision. */
export function TaskPanel({ task, left, shownVersion, search, onDecide, onReassign }: TaskPanelProps) {
  const reading = shownVersion === task.version;
  return (
    <section className="nf-panel nf-panel--task" aria-labelledby={`taak-${task.id}`}>
      <Heading level={2} appearanceLevel={4} id={`taak-${task.id}`}>
        Uw taak: {TASK_TYPE_LABELS[task.type].toLowerCase()}
        {task.type === 'co-sign' && ` namens ${task.organisation}`}
      </Heading>
      <Paragraph>
        Termijn: <DueBadge dueAt={task.dueAt} workingDaysLeft={left.get(amsterdamDay(task.dueAt))} />
      </Paragraph>
      {task.meetingOn && <Paragraph>Op de agenda van de ministerraad van {formatDay(task.meetingOn)}.</Paragraph>}
      {reading && task.version > 1 && (
        <Paragraph>
          Dit is versie {task.version} van de nota.{' '}
          <RouterLink to={{ search, hash: CHANGES_ANCHOR }}>
            Lees eerst wat er is gewijzigd ten opzichte van versie {task.version - 1}
          </RouterLink>
          , dan de nota zelf.
        </Paragraph>
      )}
      {reading ? (
        <ActionGroup>
          <Button appearance="primary-action-button" onClick={() => onDecide(task)}>
            Besluit nemen
          </Button>
          {onReassign && (
            <Button appearance="secondary-action-button" onClick={() => onReassign(task)}>
              Overdragen
            </Button>
          )}
        </ActionGroup>
      ) : (
        <Paragraph>
          U bekijkt versie {shownVersion}; uw besluit gaat over versie {task.version}.{' '}
          <RouterLink to={{ search: `?versie=${task.version}` }}>Versie {task.version} bekijken</RouterLink>
        </Paragraph>
      )}
    </section>
  );
}
