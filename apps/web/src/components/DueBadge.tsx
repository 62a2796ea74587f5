import { formatInstant } from '../lib/dates';
import { dueLabel } from '../lib/working-days';

interface DueBadgeProps {
  dueAt: string;
  workingDaysLeft: number | null | undefined;
  now?: Date;
}

/** A due moment with how urgent it is in working days; colour is never the only sign: the words say it too. */
export function DueBadge({ dueAt, workingDaysLeft, now = new Date() }: DueBadgeProps) {
  const label =
    workingDaysLeft === undefined ? undefined : dueLabel(workingDaysLeft, Date.parse(dueAt) < now.getTime());
  return (
    <span className="nf-due">
      <time dateTime={dueAt}>{formatInstant(dueAt)}</time>
      {label?.text && <span className={`nf-tag nf-tag--${label.tone}`}>{label.text}</span>}
    </span>
  );
}
