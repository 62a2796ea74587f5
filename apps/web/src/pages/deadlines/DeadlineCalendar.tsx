import { Button, Heading } from '@rijkshuisstijl-community/components-react';
import type { Deadline } from '../../api/types';
import { RouterLink } from '../../components/RouterLink';
import { formatDay, formatMonth, today } from '../../lib/dates';
import { addMonths, monthGrid } from '../../lib/calendar-grid';
import { DEADLINE_KIND_LABELS, DEADLINE_STATUS_LABELS } from '../../lib/labels';

const WEEKDAYS = [
  ['ma', 'maandag'],
  ['di', 'dinsdag'],
  ['wo', 'woensdag'],
  ['do', 'donderdag'],
  ['vr', 'vrijdag'],
  ['za', 'zaterdag'],
  ['zo', 'zondag'],
];

interface DeadlineCalendarProps {
  month: string;
  deadlines: Deadline[];
  onMonth(month: string): void;
}

/** A month of Kamer deadlines as a table: weeks in rows, Monday first; each deadline a link to its page. */
export function DeadlineCalendar({ month, deadlines, onMonth }: DeadlineCalendarProps) {
  const now = today();
  const byDay = new Map<string, Deadline[]>();
  for (const deadline of deadlines) {
    // A deadline without a date yet has no day to stand on; the list shows it.
    if (deadline.dueOn !== null) byDay.set(deadline.dueOn, [...(byDay.get(deadline.dueOn) ?? []), deadline]);
  }
  return (
    <div className="nf-calendar">
      <div className="nf-calendar__bar">
        <Button appearance="secondary-action-button" onClick={() => onMonth(addMonths(month, -1))}>
          <span aria-hidden="true">‹ </span>Vorige maand
        </Button>
        <Heading level={2} appearanceLevel={3} id="kalender-maand" aria-live="polite">
          {formatMonth(month)}
        </Heading>
        <Button appearance="secondary-action-button" onClick={() => onMonth(addMonths(month, 1))}>
          Volgende maand<span aria-hidden="true"> ›</span>
        </Button>
      </div>
      <table className="nf-calendar__grid" aria-labelledby="kalender-maand">
        <thead>
          <tr>
            {WEEKDAYS.map(([short, full]) => (
              <th key={short} scope="col">
                <abbr title={full}>{short}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthGrid(month).map((week) => (
            <tr key={week[0].day}>
              {week.map(({ day, inMonth }) => {
                const items = byDay.get(day) ?? [];
                return (
                  <td
                    key={day}
                    className={[
                      'nf-calendar__day',
                      inMonth ? '' : 'nf-calendar__day--outside',
                      day === now ? 'nf-calendar__day--today' : '',
                    ].join(' ')}
                    aria-current={day === now ? 'date' : undefined}
                  >
                    <span className="nf-calendar__number">
                      <span aria-hidden="true">{Number(day.slice(8))}</span>
                      <span className="nf-visually-hidden">{formatDay(day)}</span>
                    </span>
                    {items.length > 0 && (
                      <ul className="nf-calendar__items">
                        {items.map((deadline) => (
                          <li key={deadline.id} className={`nf-calendar__item nf-calendar__item--${deadline.status}`}>
                            <RouterLink to={`/termijnen/${deadline.id}`}>
                              <span className="nf-calendar__kind">{DEADLINE_KIND_LABELS[deadline.kind]}</span>{' '}
                              {deadline.title}
                            </RouterLink>
                            {deadline.status !== 'open' && (
                              <span className="nf-subtle">{DEADLINE_STATUS_LABELS[deadline.status]}</span>
                            )}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
