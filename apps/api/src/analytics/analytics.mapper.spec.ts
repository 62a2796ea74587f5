import type { TurnaroundGroupDto } from './dto/analytics.dto';
import { round, sortTurnaroundGroups, toTurnaroundGroup } from './analytics.mapper';
import type { TurnaroundRow } from '@notaflow/persistence';

const row = (overrides: Partial<TurnaroundRow> = {}): TurnaroundRow => ({
  key: 'initialling',
  kind: 'task',
  count: 5,
  seconds_pct: [259200, 518400.00000000006],
  mean_seconds: 271080,
  working_days_pct: [2, 4.200000000000001],
  mean_working_days: 2.4,
  overdue_count: 1,
  on_time_count: 4,
  deadline_count: 5,
  ...overrides,
});

describe(toTurnaroundGroup.name, () => {
  it('names the figures and rounds away float noise', () => {
    expect(toTurnaroundGroup(row())).toEqual({
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
    });
  });

  it('takes still-open overdue tasks into the on-time rate, and has no percentiles without decided tasks', () => {
    const group = toTurnaroundGroup(
      row({
        count: 0,
        seconds_pct: null,
        mean_seconds: null,
        working_days_pct: null,
        mean_working_days: null,
        overdue_count: 1,
        on_time_count: 0,
        deadline_count: 1,
      }),
    );
    expect(group).toMatchObject({ count: 0, p50Seconds: null, p90WorkingDays: null, overdueCount: 1, onTimeRate: 0 });
  });

  it('gives a changes_requested pause no on-time rate: it has no due moment', () => {
    expect(toTurnaroundGroup(row({ kind: 'changes_requested', overdue_count: 0 })).onTimeRate).toBeNull();
  });
});

describe(round.name, () => {
  it('rounds half up on the exact value', () => {
    expect(round(2.375, 2)).toBe(2.38);
    expect(round(0.857142857, 4)).toBe(0.8571);
    expect(round(null, 2)).toBeNull();
    expect(round(Number.NaN, 2)).toBeNull();
  });
});

describe(sortTurnaroundGroups.name, () => {
  const group = (key: string, kind: TurnaroundGroupDto['kind'] = 'task') => toTurnaroundGroup(row({ key, kind }));

  it('puts stages in route order and the pauses last', () => {
    const sorted = sortTurnaroundGroups('stage', [
      group('changes_requested', 'changes_requested'),
      group('dispatch'),
      group('co-signing'),
      group('initialling'),
      group('decision'),
      group('ministerraad'),
    ]);
    expect(sorted.map((g) => g.key)).toEqual([
      'initialling',
      'decision',
      'co-signing',
      'ministerraad',
      'dispatch',
      'changes_requested',
    ]);
  });

  it('puts organisations and months in order, tasks before pauses', () => {
    expect(
      sortTurnaroundGroups('organisation', [
        group('VWS'),
        group('JENV', 'changes_requested'),
        group('BZ'),
        group('JENV'),
      ]).map((g) => `${g.key}/${g.kind}`),
    ).toEqual(['BZ/task', 'JENV/task', 'VWS/task', 'JENV/changes_requested']);
    expect(sortTurnaroundGroups('month', [group('2024-10'), group('2024-02')]).map((g) => g.key)).toEqual([
      '2024-02',
      '2024-10',
    ]);
  });
});
