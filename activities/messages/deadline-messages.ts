import { formatDutchDate, type IsoDate } from '@notaflow/calendar';
import { DEADLINE_KIND_LABELS, type DeadlineKind } from '@notaflow/domain';
import { deadlineUrl } from './links';
import type { Message } from './task-messages';

/** What the words of a deadline's reminder or miss need to know of it. */
export interface DeadlineFacts {
  id: string;
  kind: DeadlineKind;
  title: string;
  dossier: string | null;
  dueOn: IsoDate;
  originalDueOn: IsoDate | null;
}

/** To the deadline's organisation, a lead time in working days before its due day (0: on the day). */
export function deadlineReminderMessage(deadline: DeadlineFacts, leadWorkingDays: number, webAppUrl: string): Message {
  const when =
    leadWorkingDays === 0 ? 'vandaag' : leadWorkingDays === 1 ? 'over 1 werkdag' : `over ${leadWorkingDays} werkdagen`;
  const postponed =
    deadline.originalDueOn && deadline.originalDueOn !== deadline.dueOn
      ? ` (na uitstel; oorspronkelijk ${formatDutchDate(deadline.originalDueOn, { weekday: true })})`
      : '';
  return {
    subject: `Herinnering: ${describe(deadline)} verloopt ${when} (${day(deadline.dueOn)})`,
    body:
      `${describe(deadline)} moet uiterlijk ${day(deadline.dueOn)} zijn afgehandeld${postponed}.\n\n` +
      `Termijn: ${deadlineUrl(webAppUrl, deadline.id)}`,
  };
}

/** To the deadline's organisation, once its due day has ended without its nota sent to the Kamer. */
export function deadlineMissedMessage(deadline: DeadlineFacts, webAppUrl: string): Message {
  return {
    subject: `Termijn verstreken: ${describe(deadline)} (${day(deadline.dueOn)})`,
    body:
      `${describe(deadline)} had uiterlijk ${day(deadline.dueOn)} moeten zijn afgehandeld ` +
      `en is als gemist geregistreerd.\n\nTermijn: ${deadlineUrl(webAppUrl, deadline.id)}`,
  };
}

function describe(deadline: DeadlineFacts): string {
  const what = `${DEADLINE_KIND_LABELS[deadline.kind]}: ${deadline.title}`;
  return deadline.dossier ? `${what} (Kamerstukdossier ${deadline.dossier})` : what;
}

function day(date: IsoDate): string {
  return formatDutchDate(date, { weekday: true });
}
