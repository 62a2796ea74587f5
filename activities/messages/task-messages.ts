import { formatDutchDate, formatDutchTime, toAmsterdamDate } from '@notaflow/calendar';
import { TASK_TYPE_LABELS, TASK_TYPE_NOUNS } from '@notaflow/domain';
import type { TaskNotification } from '@notaflow/temporal';
import { notaUrl } from './links';

export interface Message {
  subject: string;
  body: string;
}

/**
 * The email (and in-app text) about a task the flow opened, reminds of or escalates: what waits on whom, until
 * when, and a link to the nota where the holder acts on it.
 */
export function taskMessage(notification: TaskNotification, webAppUrl: string): Message {
  const { nota, task } = notification;
  const what = `${nota.onsKenmerk} ${nota.title}`;
  const noun = TASK_TYPE_NOUNS[task.type];
  const holder = task.assignee ?? task.organisation;
  const dueDay = formatDutchDate(toAmsterdamDate(task.dueAt), { weekday: true });
  const dueAt = `${dueDay} om ${formatDutchTime(task.dueAt)}`;
  const link = `${TASK_TYPE_LABELS[task.type]}: ${notaUrl(webAppUrl, nota.id)}`;
  switch (notification.kind) {
    case 'task_assigned': {
      const due = task.meetingOn
        ? `voor de ministerraad van ${formatDutchDate(task.meetingOn, { weekday: true })}`
        : `uiterlijk ${dueDay}`;
      return {
        subject: `Nieuwe taak (${noun}): ${what}`,
        body: `Nota ${what} wacht op ${noun} door ${holder}, ${due}.\n\n${link}`,
      };
    }
    case 'task_reminder':
      return {
        subject: `Herinnering: ${what} wacht op ${noun} door ${holder}, uiterlijk ${dueDay}`,
        body: `Nota ${what} wacht nog op ${noun} door ${holder}. De termijn verloopt op ${dueAt}.\n\n${link}`,
      };
    case 'task_escalation':
      return {
        subject: `Termijn verstreken: ${what} wacht nog op ${noun} door ${holder}`,
        body: `Nota ${what} wacht nog op ${noun} door ${holder}. De termijn verliep op ${dueAt}.\n\n${link}`,
      };
  }
}
