import { addMonths, lastDayOf, monthGrid } from './calendar-grid';

describe(monthGrid.name, () => {
  it('lays out a month in weeks from Monday, with the days around it', () => {
    const weeks = monthGrid('2026-12');
    expect(weeks).toHaveLength(5);
    expect(weeks[0][0]).toEqual({ day: '2026-11-30', inMonth: false });
    expect(weeks[0][1]).toEqual({ day: '2026-12-01', inMonth: true });
    expect(weeks[4][6]).toEqual({ day: '2027-01-03', inMonth: false });
    expect(weeks.flat().filter((d) => d.inMonth)).toHaveLength(31);
  });

  it('needs four weeks for a February that starts on a Monday, six for a long month starting on Sunday', () => {
    expect(monthGrid('2021-02')).toHaveLength(4);
    expect(monthGrid('2026-03')).toHaveLength(6);
  });
});

describe('months', () => {
  it('moves across years', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    expect(addMonths('2024-06', -18)).toBe('2022-12');
  });

  it('knows the last day, leap years included', () => {
    expect(lastDayOf('2024-02')).toBe('2024-02-29');
    expect(lastDayOf('2023-02')).toBe('2023-02-28');
    expect(lastDayOf('2026-12')).toBe('2026-12-31');
  });
});
