import {
  addDays,
  compareIsoDates,
  dayOfWeek,
  daysBetween,
  isInRange,
  isValidIsoDate,
  parseIsoDate,
  toIsoDate,
} from './iso-date';

describe(parseIsoDate.name, () => {
  it('returns the parts of an existing day', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it.each([
    '2023-02-30',
    '2023-02-29',
    '1900-02-29',
    '2023-13-01',
    '2023-00-10',
    '2023-01-32',
    '2023-2-3',
    '20230203',
    '2023-02-03T00:00:00Z',
    ' 2023-02-03',
    '',
  ])('rejects %j', (value) => {
    expect(() => parseIsoDate(value)).toThrow(RangeError);
  });
});

describe(isValidIsoDate.name, () => {
  it.each([
    ['2000-02-29', true],
    ['2023-02-30', false],
    [20230203, false],
    [null, false],
    [undefined, false],
  ])('%j -> %s', (value, expected) => {
    expect(isValidIsoDate(value)).toBe(expected);
  });
});

describe(toIsoDate.name, () => {
  it('pads every part', () => {
    expect(toIsoDate(2024, 3, 5)).toBe('2024-03-05');
    expect(toIsoDate(50, 1, 1)).toBe('0050-01-01');
  });

  it('rejects a day that does not exist', () => {
    expect(() => toIsoDate(2023, 2, 29)).toThrow(RangeError);
  });
});

describe(addDays.name, () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2024-03-30', 1, '2024-03-31'],
    ['2024-10-27', 1, '2024-10-28'],
    ['2024-01-01', 366, '2025-01-01'],
    ['0050-01-01', -1, '0049-12-31'],
  ])('%s + %i = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('rejects a fractional number of days', () => {
    expect(() => addDays('2024-01-01', 0.5)).toThrow(RangeError);
  });

  it('does not depend on the process time zone', () => {
    const original = process.env.TZ;
    try {
      for (const zone of ['America/Los_Angeles', 'Pacific/Kiritimati', 'Europe/Amsterdam']) {
        process.env.TZ = zone;
        expect([addDays('2024-03-30', 1), addDays('2024-10-27', 1), dayOfWeek('2024-03-31')]).toEqual([
          '2024-03-31',
          '2024-10-28',
          0,
        ]);
      }
    } finally {
      process.env.TZ = original;
    }
  });
});

describe(dayOfWeek.name, () => {
  it.each([
    ['2024-03-29', 5],
    ['2024-03-30', 6],
    ['2024-03-31', 0],
    ['2024-04-01', 1],
  ])('%s -> %i', (date, expected) => {
    expect(dayOfWeek(date)).toBe(expected);
  });
});

describe(compareIsoDates.name, () => {
  it('orders dates and works as a sort comparator', () => {
    expect(compareIsoDates('2024-01-01', '2024-01-01')).toBe(0);
    expect(compareIsoDates('2023-12-31', '2024-01-01')).toBe(-1);
    expect(['2024-05-01', '2023-12-31', '2024-01-01'].sort(compareIsoDates)).toEqual([
      '2023-12-31',
      '2024-01-01',
      '2024-05-01',
    ]);
  });
});

describe(daysBetween.name, () => {
  it('counts calendar days, negative backwards', () => {
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2024-03-31', '2024-03-30')).toBe(-1);
    expect(daysBetween('2024-10-27', '2024-10-27')).toBe(0);
  });
});

describe(isInRange.name, () => {
  const range = { from: '2023-12-22', to: '2024-01-15' };

  it.each([
    ['2023-12-21', false],
    ['2023-12-22', true],
    ['2024-01-01', true],
    ['2024-01-15', true],
    ['2024-01-16', false],
  ])('%s -> %s', (date, expected) => {
    expect(isInRange(date, range)).toBe(expected);
  });
});
