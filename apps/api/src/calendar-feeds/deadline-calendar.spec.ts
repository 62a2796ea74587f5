import type { FeedDeadline } from '@notaflow/persistence';
import { buildDeadlineCalendar } from './deadline-calendar';

/** Content lines of an iCalendar text, folded lines joined again (RFC 5545 3.1). */
function unfold(ics: string): string[] {
  return ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
}

function events(ics: string): Map<string, string[]> {
  const byUid = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of unfold(ics)) {
    if (line === 'BEGIN:VEVENT') current = [];
    else if (line === 'END:VEVENT') {
      const uid = current?.find((l) => l.startsWith('UID:'))?.slice(4);
      if (uid && current) byUid.set(uid, current);
      current = undefined;
    } else current?.push(line);
  }
  return byUid;
}

const prop = (lines: string[] | undefined, name: string) =>
  lines?.find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));

describe(buildDeadlineCalendar.name, () => {
  const base: FeedDeadline = {
    id: '0b9f7a64-1d8e-4c55-9a43-0e4f3c2a1b10',
    kind: 'commissiedebat',
    title: 'Commissiedebat prostitutiebeleid en mensenhandel',
    dueOn: '2023-12-21',
    originalDueOn: '2023-10-12',
    dossier: '28 638',
    status: 'open',
    grantedPostponements: 1,
    pendingPostponementTo: null,
    lastModified: new Date('2023-09-30T08:15:00Z'),
  };
  const uid = `deadline-${base.id}@notaflow`;

  it('names the calendar, its producer, its zone and how often to refresh it', () => {
    const lines = unfold(buildDeadlineCalendar('JENV', []));
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toEqual(
      expect.arrayContaining([
        'VERSION:2.0',
        'PRODID:-//notaflow//termijnen//NL',
        'X-WR-CALNAME:notaflow — termijnen JENV',
        'X-WR-TIMEZONE:Europe/Amsterdam',
        'X-PUBLISHED-TTL:PT1H',
        'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
      ]),
    );
    expect(lines.at(-1)).toBe('END:VCALENDAR');
  });

  it('writes a deadline as an all-day, transparent event with a stable UID', () => {
    const event = events(buildDeadlineCalendar('JENV', [base])).get(uid);
    expect(prop(event, 'DTSTART')).toBe('DTSTART;VALUE=DATE:20231221');
    expect(prop(event, 'DTEND')).toBe('DTEND;VALUE=DATE:20231222');
    expect(prop(event, 'SUMMARY')).toBe('SUMMARY:Commissiedebat: Commissiedebat prostitutiebeleid en mensenhandel');
    expect(prop(event, 'DESCRIPTION')).toBe(
      'DESCRIPTION:Dossier: 28 638\\nStatus: open\\nUitgesteld\\; oorspronkelijk 12 oktober 2023',
    );
    expect(prop(event, 'SEQUENCE')).toBe('SEQUENCE:1');
    expect(prop(event, 'STATUS')).toBe('STATUS:CONFIRMED');
    expect(prop(event, 'TRANSP')).toBe('TRANSP:TRANSPARENT');
    expect(prop(event, 'LAST-MODIFIED')).toBe('LAST-MODIFIED:20230930T081500Z');
    expect(prop(event, 'DTSTAMP')).toBe('DTSTAMP:20230930T081500Z');
  });

  it('marks a cancelled deadline CANCELLED with a higher SEQUENCE, and labels closed ones in Dutch', () => {
    const byUid = events(
      buildDeadlineCalendar('JENV', [
        { ...base, status: 'cancelled' },
        { ...base, id: 'c1', kind: 'reporting', status: 'met', dueOn: '2024-06-17', originalDueOn: '2024-06-17' },
      ]),
    );
    const cancelled = byUid.get(uid);
    expect(prop(cancelled, 'STATUS')).toBe('STATUS:CANCELLED');
    expect(prop(cancelled, 'SEQUENCE')).toBe('SEQUENCE:2');
    expect(prop(cancelled, 'SUMMARY')).toMatch(/\(vervallen\)$/);
    const met = byUid.get('deadline-c1@notaflow');
    expect(prop(met, 'SUMMARY')).toBe(
      'SUMMARY:Periodieke rapportage: Commissiedebat prostitutiebeleid en mensenhandel (gehaald)',
    );
    expect(prop(met, 'DESCRIPTION')).not.toContain('Uitgesteld');
    expect(prop(met, 'SEQUENCE')).toBe('SEQUENCE:1');
  });

  it('mentions a pending postponement, and leaves out a missing dossier', () => {
    const event = events(
      buildDeadlineCalendar('JENV', [{ ...base, dossier: null, pendingPostponementTo: '2024-01-18' }]),
    ).get(uid);
    expect(prop(event, 'DESCRIPTION')).toBe(
      'DESCRIPTION:Status: open\\nUitgesteld\\; oorspronkelijk 12 oktober 2023\\nUitstel gevraagd tot 18 januari 2024',
    );
  });

  it('escapes what the iCalendar syntax reserves, and folds long lines', () => {
    const title = 'Motie Bikker c.s.; over mensenhandel, uitbuiting\nen "loverboys" '.repeat(3);
    const ics = buildDeadlineCalendar('JENV', [{ ...base, kind: 'motie', title }]);
    expect(ics.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const summary = prop(events(ics).get(uid), 'SUMMARY');
    expect(summary).toContain('Motie Bikker c.s.\\; over mensenhandel\\, uitbuiting\\nen "loverboys"');
  });

  it('links each event to its deadline in the web app (RFC 5545 URL), on the origin users reach', () => {
    const ics = buildDeadlineCalendar('JENV', [base], 'https://notaflow.minjenv.example');
    expect(prop(events(ics).get(uid), 'URL')).toBe(
      `URL;VALUE=URI:https://notaflow.minjenv.example/termijnen/${base.id}`,
    );
    expect(prop(events(buildDeadlineCalendar('JENV', [base])).get(uid), 'URL')).toBeUndefined();
  });

  it('is the same text for the same rows, so an unchanged feed keeps its ETag', () => {
    expect(buildDeadlineCalendar('JENV', [base])).toBe(buildDeadlineCalendar('JENV', [base]));
  });

  it('does not let the process time zone move a day', () => {
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'America/New_York';
      const event = events(buildDeadlineCalendar('JENV', [{ ...base, dueOn: '2024-01-01' }])).get(uid);
      expect(prop(event, 'DTSTART')).toBe('DTSTART;VALUE=DATE:20240101');
      expect(prop(event, 'LAST-MODIFIED')).toBe('LAST-MODIFIED:20230930T081500Z');
      process.env.TZ = 'Pacific/Kiritimati';
      expect(prop(events(buildDeadlineCalendar('JENV', [base])).get(uid), 'DTSTART')).toBe(
        'DTSTART;VALUE=DATE:20231221',
      );
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});
