import { periodInstants, resolvePeriod } from './analytics-period';

describe(periodInstants.name, () => {
  it('runs from the start of the first Amsterdam day to the start of the day after the last', () => {
    expect(periodInstants('2024-05-01', '2024-05-31')).toEqual({
      after: new Date('2024-04-30T22:00:00.000Z'),
      before: new Date('2024-05-31T22:00:00.000Z'),
    });
  });

  it('follows the clock change: winter time at the start, summer time at the end', () => {
    const { after, before } = periodInstants('2024-03-01', '2024-03-31');
    expect(after.toISOString()).toBe('2024-02-29T23:00:00.000Z');
    expect(before.toISOString()).toBe('2024-03-31T22:00:00.000Z');
  });
});

describe(resolvePeriod.name, () => {
  it('defaults to the 365 days up to today', () => {
    expect(resolvePeriod('2024-12-31')).toEqual({ from: '2024-01-02', to: '2024-12-31' });
  });

  it('reaches back a year from a given end, and keeps what is given', () => {
    expect(resolvePeriod('2024-12-31', undefined, '2024-06-30')).toEqual({ from: '2023-07-02', to: '2024-06-30' });
    expect(resolvePeriod('2024-12-31', '2024-05-01', '2024-05-31')).toEqual({ from: '2024-05-01', to: '2024-05-31' });
    expect(resolvePeriod('2024-12-31', '2024-05-01')).toEqual({ from: '2024-05-01', to: '2024-12-31' });
  });

  it('reaches back no further than the earliest day it may', () => {
    expect(resolvePeriod('2024-12-31', undefined, '2000-03-01', '2000-01-01')).toEqual({
      from: '2000-01-01',
      to: '2000-03-01',
    });
  });
});
