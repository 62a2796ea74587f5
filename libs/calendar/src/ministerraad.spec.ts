import { defaultMinisterraadBreaks, latestMinisterraadOnOrBefore, nextMinisterraad } from './ministerraad';

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
