import { addDays, dayOfWeek } from './iso-date';
import {
  ANCHOR_EVENTS,
  anchorDate,
  recessKindOf,
  resolveAnchor,
  type Anchor,
  type KamerCalendarData,
} from './kamer-calendar';
import { equatedDaysSeed } from './seeds/equated-days.seed';
import { kamerEventsSeed, recessesSeed } from './seeds/kamer-calendar.seed';
import { prinsjesdag, vergaderjaarOf } from './vergaderjaar';

const calendar = { equatedDays: equatedDaysSeed };
const data: KamerCalendarData = { recesses: recessesSeed, events: kamerEventsSeed };
const JENV = 'JENV';

describe(anchorDate.name, () => {
  it.each([
    // "vóór het zomerreces" (seed 001): the last working day before Friday 5 July 2024.
    [{ event: 'zomerreces', year: 2024, relation: 'before' }, '2024-07-04'],
    [{ event: 'zomerreces', year: 2024, relation: 'after' }, '2024-09-03'],
    [{ event: 'kerstreces', year: 2023, relation: 'before' }, '2023-12-21'],
    [{ event: 'kerstreces', year: 2023, relation: 'after' }, '2024-01-16'],
    [{ event: 'voorjaarsreces', year: 2024, relation: 'before' }, '2024-02-15'],
    [{ event: 'meireces', year: 2023, relation: 'before' }, '2023-04-20'],
    [{ event: 'meireces', year: 2024, relation: 'after' }, '2024-05-14'],
    [{ event: 'herfstreces', year: 2023, relation: 'after' }, '2023-10-24'],
    // The Actieplan "voor de Algemene Politieke Beschouwingen" (seed 000): they began on Wednesday 20 September 2023.
    [{ event: 'algemene_politieke_beschouwingen', year: 2023, relation: 'before' }, '2023-09-19'],
    [{ event: 'algemene_politieke_beschouwingen', year: 2025, relation: 'after' }, '2025-09-19'],
    [{ event: 'prinsjesdag', year: 2024, relation: 'before' }, '2024-09-16'],
    [{ event: 'prinsjesdag', year: 2024, relation: 'after' }, '2024-09-18'],
  ] satisfies [Anchor, string][])('%j -> %s', (anchor, expected) => {
    expect(anchorDate(anchor, data, calendar)).toBe(expected);
  });

  it('dates Prinsjesdag from the Grondwet, with no data at all', () => {
    const none = { recesses: [], events: [] };
    expect(anchorDate({ event: 'prinsjesdag', year: 2027, relation: 'before' }, none)).toBe('2027-09-20');
    expect(anchorDate({ event: 'prinsjesdag', year: 2027, relation: 'after' }, none)).toBe('2027-09-22');
  });

  it('is null for an event the data does not hold yet', () => {
    expect(anchorDate({ event: 'zomerreces', year: 2026, relation: 'before' }, data, calendar)).toBeNull();
    expect(anchorDate({ event: 'herfstreces', year: 2024, relation: 'after' }, data, calendar)).toBeNull();
  });

  it('moves when an admin corrects the data', () => {
    const anchor: Anchor = { event: 'zomerreces', year: 2024, relation: 'before' };
    const corrected = { ...data, recesses: [{ kind: 'zomerreces' as const, from: '2024-07-12', to: '2024-09-02' }] };
    expect(anchorDate(anchor, data, calendar)).toBe('2024-07-04');
    expect(anchorDate(anchor, corrected, calendar)).toBe('2024-07-11');
  });

  it('skips the equated days, when given, to the first working day after an event', () => {
    // A recess ending on Hemelvaartsdag 2024: the next day, Friday 10 May, is equated.
    const recesses = [{ kind: 'meireces' as const, from: '2024-04-26', to: '2024-05-09' }];
    const anchor: Anchor = { event: 'meireces', year: 2024, relation: 'after' };
    expect(anchorDate(anchor, { recesses, events: [] }, calendar)).toBe('2024-05-13');
    expect(anchorDate(anchor, { recesses, events: [] })).toBe('2024-05-10');
  });
});

describe(resolveAnchor.name, () => {
  const begroting = (vergaderjaar?: Anchor['vergaderjaar'], organisation = JENV): Anchor => ({
    event: 'begrotingsbehandeling',
    year: 2024,
    relation: 'before',
    organisation,
    vergaderjaar,
  });

  it('says which event it dated', () => {
    expect(resolveAnchor(begroting('2023-2024'), data, calendar)).toEqual({
      status: 'dated',
      date: '2024-02-06',
      event: expect.objectContaining({ from: '2024-02-07', to: '2024-02-08', organisation: JENV }),
    });
  });

  it('cannot tell two begrotingsbehandelingen of one ministry in one year apart without the vergaderjaar', () => {
    // Begroting 2024 was treated in February 2024 (after the elections), begroting 2025 in November 2024.
    const resolution = resolveAnchor(begroting(), data, calendar);
    expect(resolution).toMatchObject({ status: 'ambiguous' });
    expect(resolution.status === 'ambiguous' && resolution.events.map(({ from }) => from)).toEqual([
      '2024-02-07',
      '2024-11-20',
    ]);
    expect(anchorDate(begroting(), data, calendar)).toBeNull();
    expect(anchorDate({ ...begroting('2024-2025'), relation: 'after' }, data, calendar)).toBe('2024-11-22');
  });

  it("takes only the caller's own ministry's begrotingsbehandeling", () => {
    expect(resolveAnchor(begroting('2023-2024', 'VWS'), data, calendar)).toEqual({ status: 'not_in_data' });
  });

  it('needs the ministry for a begrotingsbehandeling', () => {
    expect(() => resolveAnchor({ event: 'begrotingsbehandeling', year: 2024, relation: 'before' }, data)).toThrow(
      RangeError,
    );
  });

  it('rejects a year that is not an integer', () => {
    expect(() => resolveAnchor({ event: 'zomerreces', year: 2024.5, relation: 'before' }, data)).toThrow(RangeError);
  });
});

describe(recessKindOf.name, () => {
  it.each([
    ['zomerreces 2024', 'zomerreces'],
    ['Kerstreces 2023-2024', 'kerstreces'],
    ['  voorjaarsreces 2024', 'voorjaarsreces'],
    ['verkiezingsreces 2025', undefined],
    ['', undefined],
  ])('%j -> %s', (name, expected) => {
    expect(recessKindOf(name)).toBe(expected);
  });
});

describe('ANCHOR_EVENTS', () => {
  it('are the events API.md names for a deadline anchor', () => {
    expect([...ANCHOR_EVENTS].sort()).toEqual(
      [
        'zomerreces',
        'kerstreces',
        'voorjaarsreces',
        'meireces',
        'herfstreces',
        'prinsjesdag',
        'algemene_politieke_beschouwingen',
        'begrotingsbehandeling',
      ].sort(),
    );
  });
});

describe('recessesSeed', () => {
  it.each(recessesSeed.map((recess) => [recess.name, recess]))('%s runs from a Friday to a Monday', (_, recess) => {
    expect(dayOfWeek(recess.from)).toBe(5);
    expect(dayOfWeek(recess.to)).toBe(1);
    expect(recessKindOf(recess.name)).toBe(recess.kind);
    expect(recess.source.trim()).not.toBe('');
  });

  it('holds the recesses DOMAIN.md lists from the Kamer', () => {
    expect(recessesSeed.map(({ from, to }) => `${from}..${to}`)).toEqual(
      expect.arrayContaining([
        '2023-04-21..2023-05-08',
        '2023-07-07..2023-09-04',
        '2023-10-13..2023-10-23',
        '2023-12-22..2024-01-15',
        '2024-02-16..2024-02-26',
        '2024-04-26..2024-05-13',
        '2024-07-05..2024-09-02',
      ]),
    );
  });
});

describe('kamerEventsSeed', () => {
  it('has the Algemene Politieke Beschouwingen on the Wednesday and Thursday after Prinsjesdag', () => {
    const apb = kamerEventsSeed.filter(({ kind }) => kind === 'algemene_politieke_beschouwingen');
    expect(apb).toHaveLength(3);
    for (const { from, to } of apb) {
      expect(from).toBe(addDays(prinsjesdag(Number(from.slice(0, 4))), 1));
      expect(to).toBe(addDays(from, 1));
      expect(vergaderjaarOf(from)).toBe(`${from.slice(0, 4)}-${Number(from.slice(0, 4)) + 1}`);
    }
  });

  it('names the ministry of each begrotingsbehandeling and the source of every event', () => {
    for (const event of kamerEventsSeed) {
      if (event.kind === 'begrotingsbehandeling') expect(event.organisation).toBe(JENV);
      expect(event.source.trim()).not.toBe('');
    }
  });
});
