import {
  csvBoolean,
  csvDate,
  csvDocument,
  csvInstant,
  csvNumber,
  csvText,
  overdueCsv,
  turnaroundCsv,
  wantsCsv,
} from './analytics.csv';

describe('analytics CSV', () => {
  describe(csvText.name, () => {
    it.each([
      ['Actieplan mensenhandel', 'Actieplan mensenhandel'],
      ['Financiën', 'Financiën'],
      ['a;b', '"a;b"'],
      ['zei "nee"', '"zei ""nee"""'],
      ['regel 1\nregel 2', '"regel 1\nregel 2"'],
      [' voorloopspatie', '" voorloopspatie"'],
      ['', ''],
    ])('writes %j as %j', (value, expected) => {
      expect(csvText(value)).toBe(expected);
    });

    it.each([
      ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
      ['+31 70', "'+31 70"],
      ['-5', "'-5"],
      ['@SUM(A1)', "'@SUM(A1)"],
    ])('defuses %j, which Excel would run as a formula', (value, expected) => {
      expect(csvText(value)).toBe(expected);
    });

    it('leaves null and undefined empty', () => {
      expect(csvText(null)).toBe('');
      expect(csvText(undefined)).toBe('');
    });
  });

  describe(csvNumber.name, () => {
    it.each([
      [0, '0'],
      [1234567, '1234567'],
      [0.8571, '0,8571'],
      [-3, '-3'],
      [518400.5, '518400,5'],
      [null, ''],
      [Number.NaN, ''],
    ])('writes %p as %j: decimal comma, no thousands separator', (value, expected) => {
      expect(csvNumber(value)).toBe(expected);
    });
  });

  it('writes days as dd-mm-jjjj', () => {
    expect(csvDate('2024-06-21')).toBe('21-06-2024');
    expect(csvDate(null)).toBe('');
  });

  it('writes moments on the Amsterdam wall clock, summer and winter time alike', () => {
    expect(csvInstant('2024-06-21T21:59:59.999Z')).toBe('21-06-2024 23:59');
    expect(csvInstant('2024-01-15T08:30:00Z')).toBe('15-01-2024 09:30');
    expect(csvInstant(new Date('2024-03-31T01:30:00Z'))).toBe('31-03-2024 03:30');
  });

  it('writes booleans in Dutch', () => {
    expect([csvBoolean(true), csvBoolean(false)]).toEqual(['ja', 'nee']);
  });

  it('starts with a byte order mark and ends every line with CRLF', () => {
    expect(
      csvDocument(
        ['a', 'b'],
        [
          ['1', '2'],
          ['3', '4'],
        ],
      ),
    ).toBe('\uFEFFa;b\r\n1;2\r\n3;4\r\n');
    expect(csvDocument(['a'], [])).toBe('\uFEFFa\r\n');
  });

  describe(wantsCsv.name, () => {
    it.each([
      [undefined, false],
      ['', false],
      ['*/*', false],
      ['application/json', false],
      ['text/csv', true],
      ['Text/CSV; charset=utf-8', true],
      ['text/*', true],
      ['text/csv, */*;q=0.1', true],
      ['application/json, text/csv', false],
      ['text/csv;q=0.5, application/json', false],
      ['application/json;q=0.5, text/csv', true],
      ['text/csv;q=0', false],
      ['text/csv;q=0.5, */*', false],
    ])('Accept %j -> CSV %p', (accept, expected) => {
      expect(wantsCsv(accept)).toBe(expected);
    });
  });

  it('lays out a turnaround with a header row and one row per group', () => {
    const csv = turnaroundCsv({
      from: '2024-05-01',
      to: '2024-05-31',
      groupBy: 'stage',
      groups: [
        {
          key: 'initialling',
          kind: 'task',
          count: 5,
          p50Seconds: 259200,
          p90Seconds: 518400,
          meanSeconds: 271080,
          p50WorkingDays: 2,
          p90WorkingDays: 4.2,
          meanWorkingDays: 2.4,
          overdueCount: 1,
          onTimeRate: 0.8,
        },
      ],
    });
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFfrom;to;groupBy;key;kind;count;p50Seconds;p90Seconds;meanSeconds;p50WorkingDays;p90WorkingDays;' +
        'meanWorkingDays;overdueCount;onTimeRate',
      '01-05-2024;31-05-2024;stage;initialling;task;5;259200;518400;271080;2;4,2;2,4;1;0,8',
      '',
    ]);
  });

  it('lays out what is overdue, nulls as empty fields', () => {
    const csv = overdueCsv({
      asOf: '2024-05-31T10:00:00.000Z',
      dueBy: '2024-05-31',
      items: [
        {
          kind: 'deadline',
          id: 'd1',
          type: 'commissiedebat',
          title: 'Commissiedebat; mensenhandel',
          notaId: null,
          onsKenmerk: null,
          dossier: '28 638',
          stage: null,
          organisation: 'JENV',
          assignee: null,
          holder: 'JENV',
          dueOn: '2024-05-30',
          dueAt: '2024-05-30T21:59:59.999Z',
          overdue: true,
          workingDaysLeft: -1,
        },
      ],
    });
    expect(csv.split('\r\n')[1]).toBe(
      '30-05-2024;30-05-2024 23:59;ja;-1;deadline;commissiedebat;"Commissiedebat; mensenhandel";;28 638;;JENV;;JENV;d1;',
    );
  });
});
