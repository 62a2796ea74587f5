import { NOTA_STAGES } from '@notaflow/domain';
import type { OverdueItemDto, TurnaroundGroupDto } from './dto/analytics.dto';
import type { OverdueRow, TurnaroundGroupBy, TurnaroundRow } from '@notaflow/persistence';

/**
 * Rounds away float noise (`16.600000000000001`) without losing what a reader could use. toFixed works on the exact
 * binary value, so 2.375 becomes 2.38, where Math.round(2.375 * 100) would see 237.49999999999997.
 */
export function round(value: number | null | undefined, decimals: number): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return Number(value.toFixed(decimals));
}

export function toTurnaroundGroup(row: TurnaroundRow): TurnaroundGroupDto {
  const [p50Seconds, p90Seconds] = row.seconds_pct ?? [null, null];
  const [p50WorkingDays, p90WorkingDays] = row.working_days_pct ?? [null, null];
  return {
    key: row.key,
    kind: row.kind,
    count: row.count,
    p50Seconds: round(p50Seconds, 3),
    p90Seconds: round(p90Seconds, 3),
    meanSeconds: round(row.mean_seconds, 3),
    p50WorkingDays: round(p50WorkingDays, 2),
    p90WorkingDays: round(p90WorkingDays, 2),
    meanWorkingDays: round(row.mean_working_days, 2),
    overdueCount: row.overdue_count,
    // A pause has no due moment: a rate of it would be a made-up 100 %.
    onTimeRate: row.kind === 'task' && row.deadline_count > 0 ? round(row.on_time_count / row.deadline_count, 4) : null,
  };
}

const STAGE_ORDER: readonly string[] = [...NOTA_STAGES, 'changes_requested'];

/** Tasks first, then the pauses; stages in route order, organisations alphabetically, months in time. */
export function sortTurnaroundGroups(groupBy: TurnaroundGroupBy, groups: TurnaroundGroupDto[]): TurnaroundGroupDto[] {
  const rank = (group: TurnaroundGroupDto) => {
    if (groupBy !== 'stage') return -1;
    const at = STAGE_ORDER.indexOf(group.key);
    return at < 0 ? STAGE_ORDER.length : at;
  };
  return [...groups].sort(
    (a, b) =>
      Number(a.kind !== 'task') - Number(b.kind !== 'task') ||
      rank(a) - rank(b) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

export function toOverdueItem(row: OverdueRow): OverdueItemDto {
  return {
    kind: row.kind,
    id: row.id,
    type: row.type,
    title: row.title,
    notaId: row.nota_id,
    onsKenmerk: row.ons_kenmerk,
    dossier: row.dossier,
    stage: row.stage,
    organisation: row.organisation,
    assignee: row.assignee,
    holder: row.assignee ?? row.organisation,
    dueOn: row.due_on,
    dueAt: row.due_at.toISOString(),
    overdue: row.overdue,
    workingDaysLeft: row.working_days_left,
  };
}
