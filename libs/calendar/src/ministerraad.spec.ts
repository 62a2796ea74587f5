import { addDays, compareIsoDates, dayOfWeek } from './iso-date';
import { defaultMinisterraadBreaks, latestMinisterraadOnOrBefore, nextMinisterraad } from './ministerraad';
import { equatedDaysSeed } from './seeds/equated-days.seed';
import { ministerraadBreaksSeed, ministerraadExtraMeetingsSeed } from './seeds/ministerraad.seed';

describe(nextMinisterraad.name, () => {
  it.each([
    ['2024-06-10', '2024-06-14'],
    ['2024-06-13', '2024-06-14'],
    ['2024-06-14', '2024-06-21'],
    ['2024-06-15', '2024-06-21'],
  ])('meets on the first Friday after %s: %s', (after, expected) => {
    expect(nextMinisterraad(after)).toBe(expected);
  });

  it('skips a Friday that is a public holiday to the next week', () => {
    expect(nextMinisterraad('2024-03-22')).toBe('2024-04-05');
    expect(nextMinisterraad('2026-12-20')).toBe('2027-01-08');
  });

  it('skips Fridays inside a break', () => {
    const calendar = { breaks: defaultMinisterraadBreaks };
    expect(nextMinisterraad('2022-07-14', calendar)).toBe('2022-07-15');
    expect(nextMinisterraad('2022-07-15', calendar)).toBe('2022-08-19');
  });

  it('meets on another weekday when configured', () => {
    expect(nextMinisterraad('2024-06-10', { weekday: 4 })).toBe('2024-06-13');
  });

  it('rejects a weekday outside 0..6', () => {
    expect(() => nextMinisterraad('2024-06-10', { weekday: 7 })).toThrow(RangeError);
  });

  describe('with an explicit meeting list', () => {
    const meetings = ['2024-06-28', '2024-06-14', '2024-06-21'];

    it('takes the first listed meeting strictly after the date, whatever the order', () => {
      expect(nextMinisterraad('2024-06-10', { meetings })).toBe('2024-06-14');
      expect(nextMinisterraad('2024-06-14', { meetings })).toBe('2024-06-21');
    });

    it('trusts the list over the weekly rule and its breaks', () => {
      const calendar = { meetings: ['2024-03-29'], breaks: [{ from: '2024-03-01', to: '2024-04-30' }] };
      expect(nextMinisterraad('2024-03-22', calendar)).toBe('2024-03-29');
    });

    it('throws when no meeting is listed after the date', () => {
      expect(() => nextMinisterraad('2024-06-28', { meetings })).toThrow(RangeError);
    });
  });
});

describe(latestMinisterraadOnOrBefore.name, () => {
  it.each([
    ['2024-06-14', '2024-06-14'],
    ['2024-06-13', '2024-06-07'],
    ['2024-06-17', '2024-06-14'],
  ])('finds the meeting on or before %s: %s', (date, expected) => {
    expect(latestMinisterraadOnOrBefore(date)).toBe(expected);
  });

  it('skips holidays and breaks, backwards', () => {
    expect(latestMinisterraadOnOrBefore('2024-04-04')).toBe('2024-03-22');
    expect(latestMinisterraadOnOrBefore('2022-08-18', { breaks: defaultMinisterraadBreaks })).toBe('2022-07-15');
  });

  it('is the inverse of nextMinisterraad on meeting days', () => {
    for (let after = '2024-01-01'; after < '2024-12-31'; after = nextMinisterraad(after)) {
      const next = nextMinisterraad(after);
      expect(latestMinisterraadOnOrBefore(next)).toBe(next);
    }
  });

  it('takes the last listed meeting on or before the date', () => {
    expect(latestMinisterraadOnOrBefore('2024-06-20', { meetings: ['2024-06-14', '2024-06-21'] })).toBe('2024-06-14');
    expect(() => latestMinisterraadOnOrBefore('2024-06-01', { meetings: ['2024-06-14'] })).toThrow(RangeError);
  });

  it('gives up on a calendar without meetings', () => {
    expect(() =>
      latestMinisterraadOnOrBefore('2024-06-14', { breaks: [{ from: '2020-01-01', to: '2024-12-31' }] }),
    ).toThrow(RangeError);
  });
});

describe('extra meetings', () => {
  const extraMeetings = ['2024-07-02'];

  it('meets on an extra day as well as by the weekly rule', () => {
    expect(nextMinisterraad('2024-06-28', { extraMeetings })).toBe('2024-07-02');
    expect(nextMinisterraad('2024-07-02', { extraMeetings })).toBe('2024-07-05');
    expect(latestMinisterraadOnOrBefore('2024-07-04', { extraMeetings })).toBe('2024-07-02');
    expect(latestMinisterraadOnOrBefore('2024-07-05', { extraMeetings })).toBe('2024-07-05');
    expect(latestMinisterraadOnOrBefore('2024-07-01', { extraMeetings })).toBe('2024-06-28');
  });

  it('counts an extra meeting inside a break', () => {
    const calendar = { breaks: [{ from: '2024-07-13', to: '2024-08-15' }], extraMeetings: ['2024-07-30'] };
    expect(nextMinisterraad('2024-07-12', calendar)).toBe('2024-07-30');
    expect(nextMinisterraad('2024-07-30', calendar)).toBe('2024-08-16');
    expect(latestMinisterraadOnOrBefore('2024-08-15', calendar)).toBe('2024-07-30');
  });

  it('records a moved meeting as its new day plus a one-day break on the old one', () => {
    const calendar = { breaks: [{ from: '2024-06-21', to: '2024-06-21' }], extraMeetings: ['2024-06-20'] };
    expect(nextMinisterraad('2024-06-14', calendar)).toBe('2024-06-20');
    expect(nextMinisterraad('2024-06-20', calendar)).toBe('2024-06-28');
    expect(latestMinisterraadOnOrBefore('2024-06-27', calendar)).toBe('2024-06-20');
  });

  it('is still the inverse of nextMinisterraad on meeting days', () => {
    const calendar = { breaks: ministerraadBreaksSeed, extraMeetings: ['2024-07-02', '2024-07-30'] };
    for (let after = '2024-01-01'; after < '2024-12-31'; after = nextMinisterraad(after, calendar)) {
      const next = nextMinisterraad(after, calendar);
      expect(latestMinisterraadOnOrBefore(next, calendar)).toBe(next);
    }
  });
});

describe('equated days and the ministerraad', () => {
  it('leaves a Friday a decree equates with a holiday a meeting day: the decree is about terms only', () => {
    expect(equatedDaysSeed.map(({ date }) => date)).toContain('2024-05-10');
    expect(nextMinisterraad('2024-05-09')).toBe('2024-05-10');
  });
});

describe('ministerraadBreaksSeed', () => {
  it.each([
    ['2018-07-13', '2018-08-17'],
    ['2022-07-15', '2022-08-19'],
    ['2023-07-14', '2023-08-18'],
    ['2024-07-12', '2024-08-16'],
  ])('has no meeting between the last before the summer (%s) and the first after it (%s)', (last, first) => {
    const calendar = { breaks: ministerraadBreaksSeed };
    expect(nextMinisterraad(addDays(last, -1), calendar)).toBe(last);
    expect(nextMinisterraad(last, calendar)).toBe(first);
  });

  it('gives each break and extra meeting its source', () => {
    for (const { from, to, source } of ministerraadBreaksSeed) {
      expect(compareIsoDates(from, to)).toBe(-1);
      expect(source.trim()).not.toBe('');
    }
    for (const { date, source } of ministerraadExtraMeetingsSeed) {
      expect(dayOfWeek(date)).not.toBe(5);
      expect(source.trim()).not.toBe('');
    }
  });

  it('keeps the break DOMAIN.md records', () => {
    expect(ministerraadBreaksSeed).toContainEqual(expect.objectContaining(defaultMinisterraadBreaks[0]));
  });
});
