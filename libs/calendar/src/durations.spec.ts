import {
  amsterdamEndOfDayInstant,
  amsterdamStartOfDayInstant,
  toAmsterdamDate,
  workingDaysBetweenInstants,
} from './durations';
import { equatedDaysSeed } from './seeds/equated-days.seed';

const HOUR = 3_600_000;

describe(toAmsterdamDate.name, () => {
  it.each([
    ['2024-01-15T22:59:59Z', '2024-01-15'],
    ['2024-01-15T23:00:00Z', '2024-01-16'],
    ['2024-06-13T22:00:00Z', '2024-06-14'],
    ['2024-06-14T00:30:00+02:00', '2024-06-14'],
    ['2024-03-30T23:30:00Z', '2024-03-31'],
    ['2024-03-31T21:59:59.999Z', '2024-03-31'],
    ['2024-03-31T22:00:00Z', '2024-04-01'],
    ['2024-10-26T21:59:59.999Z', '2024-10-26'],
    ['2024-10-26T22:00:00Z', '2024-10-27'],
    ['2024-10-27T22:59:59Z', '2024-10-27'],
    ['2024-10-27T23:00:00Z', '2024-10-28'],
  ])('%s -> %s', (instant, expected) => {
    expect(toAmsterdamDate(instant)).toBe(expected);
    expect(toAmsterdamDate(new Date(instant))).toBe(expected);
  });

  it.each(['2024-06-14T10:00:00', '2024-06-14', 'yesterday', new Date(NaN)])('rejects %s', (instant) => {
    expect(() => toAmsterdamDate(instant)).toThrow(RangeError);
  });
});

describe(amsterdamStartOfDayInstant.name, () => {
  it.each([
    ['2024-01-15', '2024-01-14T23:00:00.000Z'],
    ['2024-06-14', '2024-06-13T22:00:00.000Z'],
    ['2024-03-31', '2024-03-30T23:00:00.000Z'],
    ['2024-04-01', '2024-03-31T22:00:00.000Z'],
    ['2024-10-27', '2024-10-26T22:00:00.000Z'],
    ['2024-10-28', '2024-10-27T23:00:00.000Z'],
  ])('%s starts at %s', (date, expected) => {
    expect(amsterdamStartOfDayInstant(date).toISOString()).toBe(expected);
  });
});

describe(amsterdamEndOfDayInstant.name, () => {
  it.each([
    ['2024-06-14', '2024-06-14T21:59:59.999Z', 24],
    ['2024-03-31', '2024-03-31T21:59:59.999Z', 23],
    ['2024-10-27', '2024-10-27T22:59:59.999Z', 25],
  ])('%s ends at %s after %i hours', (date, expected, hours) => {
    const end = amsterdamEndOfDayInstant(date);
    expect(end.toISOString()).toBe(expected);
    expect(end.getTime() + 1 - amsterdamStartOfDayInstant(date).getTime()).toBe(hours * HOUR);
  });
});

describe(workingDaysBetweenInstants.name, () => {
  it('counts the working days between the Amsterdam days of the instants', () => {
    expect(workingDaysBetweenInstants('2024-03-28T09:00:00+01:00', '2024-04-02T17:00:00+02:00')).toBe(1);
    expect(workingDaysBetweenInstants('2024-06-10T08:00:00Z', '2024-06-17T08:00:00Z')).toBe(5);
    expect(workingDaysBetweenInstants('2024-06-17T08:00:00Z', '2024-06-10T08:00:00Z')).toBe(-5);
  });

  it('skips the equated days it is given', () => {
    const calendar = { equatedDays: equatedDaysSeed };
    expect(workingDaysBetweenInstants('2024-12-24T09:00:00+01:00', '2024-12-30T09:00:00+01:00', calendar)).toBe(1);
  });

  it('uses the Amsterdam day, not the UTC day', () => {
    expect(workingDaysBetweenInstants('2024-06-13T21:30:00Z', '2024-06-13T22:30:00Z')).toBe(1);
  });
});
