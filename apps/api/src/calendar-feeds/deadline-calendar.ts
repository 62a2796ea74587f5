import ical, { ICalEventBusyStatus, ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import { addDays, formatDutchDate } from '@notaflow/calendar';
import {
  DEADLINE_KIND_LABELS,
  DEADLINE_STATUS_LABELS,
  WEB_APP_PATHS,
  webAppUrl,
  type DeadlineStatus,
} from '@notaflow/domain';
import type { FeedDeadline } from '@notaflow/persistence';

const FEED_TTL_SECONDS = 3600;

/**
 * The VCALENDAR of an organisation's deadlines: one all-day event per deadline, transparent (a deadline does not
 * make anyone busy), with a URL to the deadline in the web app on `webOrigin` when one is given. Deterministic for
 * the same rows and origin, so an unchanged feed gets the same ETag and a 304.
 */
export function buildDeadlineCalendar(
  organisation: string,
  deadlines: readonly FeedDeadline[],
  webOrigin?: string,
): string {
  const calendar = ical({
    prodId: { company: 'notaflow', product: 'termijnen', language: 'NL' },
    name: `notaflow — termijnen ${organisation}`,
    description: `Kamertermijnen van ${organisation} uit notaflow: toezeggingen, debatten, moties en Kamervragen.`,
    ttl: FEED_TTL_SECONDS,
  });
  // Not calendar.timezone(): without a VTIMEZONE generator, ical-generator would then write instants as floating
  // wall-clock times of the process's own zone. All-day dates have no zone anyway; this only names the display one.
  calendar.x('X-WR-TIMEZONE', 'Europe/Amsterdam');
  for (const deadline of deadlines) {
    const cancelled = deadline.status === 'cancelled';
    calendar.createEvent({
      id: `deadline-${deadline.id}@notaflow`,
      allDay: true,
      start: deadline.dueOn,
      // DTEND is exclusive; some Outlook versions misplace an all-day event without one.
      end: addDays(deadline.dueOn, 1),
      summary: summaryOf(deadline),
      description: descriptionOf(deadline),
      // RFC 5545 3.8.4.6: where the deadline, its postponements and its nota are, one click from the calendar.
      url: webOrigin ? webAppUrl(webOrigin, WEB_APP_PATHS.deadline(deadline.id)) : null,
      // RFC 5545 3.8.7.4: bumped for a new date and for the change of STATUS; neither can be undone.
      sequence: deadline.grantedPostponements + (cancelled ? 1 : 0),
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      // Without METHOD, DTSTAMP means the last revision (RFC 5545 3.8.7.2); not now(), which would defeat ETags.
      stamp: deadline.lastModified,
      lastModified: deadline.lastModified,
      transparency: ICalEventTransparency.TRANSPARENT,
      busystatus: ICalEventBusyStatus.FREE,
    });
  }
  return calendar.toString();
}

function summaryOf(deadline: FeedDeadline): string {
  const summary = `${DEADLINE_KIND_LABELS[deadline.kind]}: ${deadline.title}`;
  return deadline.status === 'open' ? summary : `${summary} (${statusWord(deadline.status)})`;
}

function descriptionOf(deadline: FeedDeadline): string {
  const lines: string[] = [];
  if (deadline.dossier) lines.push(`Dossier: ${deadline.dossier}`);
  lines.push(`Status: ${statusWord(deadline.status)}`);
  if (deadline.originalDueOn && deadline.dueOn !== deadline.originalDueOn) {
    lines.push(`Uitgesteld; oorspronkelijk ${formatDutchDate(deadline.originalDueOn)}`);
  }
  if (deadline.pendingPostponementTo) {
    lines.push(`Uitstel gevraagd tot ${formatDutchDate(deadline.pendingPostponementTo)}`);
  }
  return lines.join('\n');
}

function statusWord(status: DeadlineStatus): string {
  return DEADLINE_STATUS_LABELS[status].toLowerCase();
}
