import {
  addWorkingDays,
  isWorkingDay,
  nextWorkingDayOnOrAfter,
  previousWorkingDayOnOrBefore,
  termEnd,
  workingDaysBetween,
} from './working-days';
import { equatedDaysSeed } from './seeds/equated-days.seed';

// The specs pass the decrees, as every caller must: without them only art. 3 lid 1 and 2 would count.
const atw = { equatedDays: equatedDaysSeed };

describe(isWorkingDay.name, () => {
  it.each([
    ['2024-03-28', true],
    ['2024-03-29', false],
    ['2024-03-30', false],
    ['2024-03-31', false],
    ['2023-05-05', false],
    ['2024-12-27', false],
    ['2024-05-10', false],
    ['2024-12-31', true],
  ])('%s -> %s', (date, expected) => {
    expect(isWorkingDay(date, atw)).toBe(expected);
  });

  it('counts an equated day as a working day only when the caller passes no decrees', () => {
    expect(isWorkingDay('2024-12-27')).toBe(true);
  });
});

describe(addWorkingDays.name, () => {
  it.each([
    ['2024-06-10', 1, '2024-06-11'],
    ['2024-06-14', 1, '2024-06-17'],
    ['2024-03-28', 1, '2024-04-02'],
    ['2024-12-24', 1, '2024-12-30'],
    ['2024-12-24', 3, '2025-01-02'],
    ['2024-12-24', 4, '2025-01-03'],
    ['2024-01-01', 260, '2025-01-10'],
  ])('%s + %i = %s', (from, n, expected) => {
    expect(addWorkingDays(from, n, atw)).toBe(expected);
  });

  it.each([
    ['2024-06-12', '2024-06-12'],
    ['2024-06-15', '2024-06-17'],
    ['2024-12-25', '2024-12-30'],
  ])('with n = 0 keeps a working day or moves on to the next: %s -> %s', (from, expected) => {
    expect(addWorkingDays(from, 0, atw)).toBe(expected);
  });

  it.each([
    ['2025-01-02', -1, '2024-12-31'],
    ['2024-04-02', -1, '2024-03-28'],
    ['2024-06-17', -5, '2024-06-10'],
    ['2025-01-08', -260, '2023-12-27'],
  ])('goes backwards: %s %i = %s', (from, n, expected) => {
    expect(addWorkingDays(from, n, atw)).toBe(expected);
  });

  it('rejects a fractional n', () => {
    expect(() => addWorkingDays('2024-06-10', 1.5)).toThrow(RangeError);
  });
});

describe(workingDaysBetween.name, () => {
  it.each([
    ['2024-06-10', '2024-06-10', 0],
    ['2024-06-14', '2024-06-17', 1],
    ['2024-03-28', '2024-04-02', 1],
    ['2024-04-02', '2024-03-28', -1],
    // Backwards over a weekend alone: 0, not -0 (an overdue list compares it with what the API sent as 0).
    ['2024-06-16', '2024-06-15', 0],
    // 2024 has 262 weekdays; 7 holidays fall on one (27 April and 5 May are weekend days) and 2 equated days.
    ['2023-12-31', '2024-12-31', 253],
  ])('%s .. %s = %i', (a, b, expected) => {
    expect(workingDaysBetween(a, b, atw)).toBe(expected);
  });

  it('inverts addWorkingDays from a working day', () => {
    for (const from of ['2024-03-27', '2024-12-23', '2025-04-25']) {
      for (const n of [-30, -7, -1, 1, 3, 10, 260]) {
        expect(workingDaysBetween(from, addWorkingDays(from, n, atw), atw)).toBe(n);
      }
    }
  });
});

describe(nextWorkingDayOnOrAfter.name, () => {
  it.each([
    ['2024-06-12', '2024-06-12'],
    ['2024-03-29', '2024-04-02'],
    ['2024-12-25', '2024-12-30'],
    ['2025-04-26', '2025-04-28'],
    ['2026-01-01', '2026-01-05'],
  ])('%s -> %s', (date, expected) => {
    expect(nextWorkingDayOnOrAfter(date, atw)).toBe(expected);
  });
});

describe(previousWorkingDayOnOrBefore.name, () => {
  it.each([
    ['2024-06-12', '2024-06-12'],
    ['2024-04-01', '2024-03-28'],
    ['2025-01-01', '2024-12-31'],
    ['2024-12-29', '2024-12-24'],
  ])('%s -> %s', (date, expected) => {
    expect(previousWorkingDayOnOrBefore(date, atw)).toBe(expected);
  });
});

describe(termEnd.name, () => {
  it.each([
    ['2024-01-10', { weeks: 3 }, '2024-01-31'],
    ['2024-12-04', { weeks: 3 }, '2024-12-30'],
    ['2024-03-08', { weeks: 3 }, '2024-04-02'],
    ['2024-06-15', {}, '2024-06-17'],
    ['2024-06-14', { days: 1 }, '2024-06-17'],
    ['2024-12-20', { workingDays: 5 }, '2025-01-02'],
    ['2024-12-18', { weeks: 1, workingDays: 1 }, '2024-12-30'],
  ])('%s + %j ends on %s', (from, term, expected) => {
    expect(termEnd(from, term, atw)).toBe(expected);
  });

  it('rejects negative or fractional lengths', () => {
    expect(() => termEnd('2024-01-10', { weeks: -1 })).toThrow(RangeError);
    expect(() => termEnd('2024-01-10', { days: 0.5 })).toThrow(RangeError);
    expect(() => termEnd('2024-01-10', -3)).toThrow(RangeError);
  });

  it('takes a number of calendar days', () => {
    expect(termEnd('2024-12-04', 21, atw)).toBe(termEnd('2024-12-04', { weeks: 3 }, atw));
  });

  describe('art. 1: a term ending on a day that does not count runs on to the next that does', () => {
    it.each([
      ['2024-06-14', 1, '2024-06-17', 'Saturday to Monday'],
      ['2024-06-14', 2, '2024-06-17', 'Sunday to Monday; a term under three days is not extended further'],
      ['2025-04-21', 5, '2025-04-28', 'Koningsdag on Saturday 26 April 2025, then Sunday'],
      ['2024-12-20', 7, '2024-12-30', 'the equated 27 December 2024 and the weekend'],
    ])('%s + %i days ends on %s (%s)', (from, days, expected) => {
      expect(termEnd(from, days, atw)).toBe(expected);
    });
  });

  describe('art. 2: a term of three days or more holds at least two working days of its own', () => {
    it.each([
      ['2024-06-14', 3, '2024-06-18', 'Friday + 3: Saturday, Sunday, Monday hold one; on to Tuesday'],
      [
        '2024-03-28',
        4,
        '2024-04-03',
        'over Goede Vrijdag and Easter: Tuesday 2 April is the only one; on to Wednesday',
      ],
      ['2024-05-08', 3, '2024-05-14', 'Hemelvaartsdag, the equated Friday, the weekend, Monday; on to Tuesday'],
      ['2024-12-24', 3, '2024-12-31', 'the Christmas days, the equated 27th, the weekend, Monday; on to Tuesday'],
      ['2024-06-10', 3, '2024-06-13', 'Monday + 3 holds three: not extended'],
      ['2024-06-13', 3, '2024-06-17', 'Thursday + 3 ends on Sunday, runs on to Monday and then holds two'],
    ])('%s + %i days ends on %s (%s)', (from, days, expected) => {
      expect(termEnd(from, days, atw)).toBe(expected);
    });

    it('does not count the day the term starts from', () => {
      // Counting Friday 14 June itself would give two working days by Monday and no extension.
      expect(termEnd('2024-06-14', 3, atw)).not.toBe('2024-06-17');
    });

    it('extends further when the equated day is known than when it is not', () => {
      expect(termEnd('2024-12-24', 3)).toBe('2024-12-30');
      expect(termEnd('2024-12-24', 3, atw)).toBe('2024-12-31');
    });
  });

  describe('art. 4: terms of more than 90 days or twelve weeks are outside the law', () => {
    it('leaves such a term on its calendar day, even a holiday', () => {
      expect(termEnd('2024-01-01', 91, atw)).toBe('2024-04-01');
      expect(termEnd('2024-01-01', { weeks: 13 }, atw)).toBe('2024-04-01');
    });

    it('still runs a term of 90 days or twelve weeks on', () => {
      expect(termEnd('2024-01-01', 90, atw)).toBe('2024-04-02');
      expect(termEnd('2024-01-08', { weeks: 12 }, atw)).toBe('2024-04-02');
    });
  });
});
