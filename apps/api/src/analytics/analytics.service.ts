import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  addDays,
  addWorkingDays,
  amsterdamStartOfDayInstant,
  compareIsoDates,
  isInRange,
  toAmsterdamDate,
} from '@notaflow/calendar';
import type { Actor } from '@notaflow/domain';
import { AppException } from '../common/app.exception';
import { resolvePeriod, periodInstants } from './analytics-period';
import { sortTurnaroundGroups, toOverdueItem, toTurnaroundGroup, type OverdueRow } from './analytics.mapper';
import type { OverdueQueryDto, TurnaroundQueryDto } from './dto/analytics-requests.dto';
import type { OverdueDto, TurnaroundDto } from './dto/analytics.dto';
import { readTurnaround } from './turnaround.query';
import { WORKING_DAYS_RANGE } from './working-days.sync';

/**
 * Management figures. A manager sees the notas of their own organisation, with every task on them, co-signing
 * ministries' included (that is the per-ministry view), and the deadlines their organisation registered.
 */
@Injectable()
export class AnalyticsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async turnaround(actor: Actor, query: TurnaroundQueryDto): Promise<TurnaroundDto> {
    const outside = (['from', 'to'] as const).filter((field) => {
      const day = query[field];
      return day !== undefined && !isInRange(day, WORKING_DAYS_RANGE);
    });
    if (outside.length) {
      throw AppException.validation(
        outside.map((name) => ({
          name,
          code: 'outside_period' as const,
          params: { from: WORKING_DAYS_RANGE.from, to: WORKING_DAYS_RANGE.to },
          reason: `must lie between ${WORKING_DAYS_RANGE.from} and ${WORKING_DAYS_RANGE.to}, the days working days are known for`,
        })),
      );
    }
    const { from, to } = resolvePeriod(toAmsterdamDate(new Date()), query.from, query.to, WORKING_DAYS_RANGE.from);
    if (compareIsoDates(from, to) > 0) {
      throw AppException.validation([
        { name: 'from', code: 'after_end', reason: `must not be after to (${to})`, params: { value: to } },
        { name: 'to', code: 'before_start', reason: `must not be before from (${from})`, params: { value: from } },
      ]);
    }
    const groupBy = query.groupBy ?? 'stage';
    const rows = await readTurnaround(this.dataSource, groupBy, {
      notaOrganisation: actor.organisation,
      ...periodInstants(from, to),
      dossier: query.dossier ?? null,
      organisation: query.organisation ?? null,
    });
    return { from, to, groupBy, groups: sortTurnaroundGroups(groupBy, rows.map(toTurnaroundGroup)) };
  }

  async overdue(actor: Actor, query: OverdueQueryDto): Promise<OverdueDto> {
    const asOf = new Date();
    const today = toAmsterdamDate(asOf);
    const within = query.withinWorkingDays ?? 0;
    const dueBy = within === 0 ? today : addWorkingDays(today, within);
    const rows = (await this.dataSource.query(
      `SELECT x.*, w.ordinal - now_w.ordinal AS working_days_left
         FROM (
           SELECT 'task' AS kind, t.id, t.type, n.title, t.nota_id, n.ons_kenmerk, n.dossier, t.stage, t.organisation,
                  t.assignee, (t.due_at AT TIME ZONE 'Europe/Amsterdam')::date::text AS due_on, t.due_at,
                  t.due_at < $2 AS overdue
             FROM tasks t
             JOIN notas n ON n.id = t.nota_id
            WHERE t.status = 'open' AND n.organisation_code = $1 AND t.due_at < $4
           UNION ALL
           SELECT 'deadline', d.id, d.kind, d.title, d.nota_id, n.ons_kenmerk, d.dossier, NULL, d.organisation_code,
                  NULL, d.due_on::text,
                  -- Due at the end of its day, as a task is: one order for both.
                  ((d.due_on + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam') - interval '1 millisecond',
                  d.due_on < $3::date
             FROM deadlines d
             LEFT JOIN notas n ON n.id = d.nota_id
            WHERE d.status = 'open' AND d.organisation_code = $1 AND d.due_on <= $5::date
         ) x
         LEFT JOIN working_days w ON w.day = x.due_on::date
         LEFT JOIN working_days now_w ON now_w.day = $3::date
        ORDER BY x.due_at, x.kind, x.id`,
      [actor.organisation, asOf, today, amsterdamStartOfDayInstant(addDays(dueBy, 1)), dueBy],
    )) as OverdueRow[];
    return { asOf: asOf.toISOString(), dueBy, items: rows.map(toOverdueItem) };
  }
}
