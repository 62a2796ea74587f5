import {
  presets,
  presetDueOn,
  resolveAnchor,
  type AnchorEvent,
  type AnchorResolution,
  type IsoDate,
  type KamerCalendarData,
  type Vergaderjaar,
  type WorkingDayCalendar,
} from '@notaflow/calendar';
import type { DeadlineAnchor } from '@notaflow/persistence';
import { AppException } from '../common/app.exception';
import type { CreateDeadlineDto, DeadlinePreset } from './dto/deadline-requests.dto';

/** The standard terms a deadline can be counted by (libs/calendar presets). */
export const PRESET_TERMS = { kamervragen: presets.kamervragen, woo: presets.wooBesluit } as const satisfies Record<
  DeadlinePreset,
  unknown
>;

/** The calendar data a deadline's date is computed from, as an administrator keeps it now. */
export interface DeadlineCalendar {
  kamer: KamerCalendarData;
  workingDays: WorkingDayCalendar;
}

/** The anchor's date for a deadline of `organisation` (a begrotingsbehandeling is its own ministry's). */
export function resolveDeadlineAnchor(
  anchor: DeadlineAnchor,
  organisation: string,
  calendar: DeadlineCalendar,
): AnchorResolution {
  return resolveAnchor(
    {
      event: anchor.event as AnchorEvent,
      year: anchor.year,
      relation: anchor.relation,
      ...(anchor.event === 'begrotingsbehandeling' ? { organisation } : {}),
      ...(anchor.vergaderjaar ? { vergaderjaar: anchor.vergaderjaar as Vergaderjaar } : {}),
    },
    calendar.kamer,
    calendar.workingDays,
  );
}

/** A deadline's first date, from exactly one of its sources: a preset term, an anchor, a date, or none ("z.s.m."). */
export function initialDueOn(dto: CreateDeadlineDto, organisation: string, calendar: DeadlineCalendar): IsoDate | null {
  if (dto.anchor) {
    for (const other of ['dueOn', 'preset'] as const) {
      if (dto[other] !== undefined) {
        throw AppException.field(other, 'conflicts_with', 'is not given with an anchor', { field: 'anchor' });
      }
    }
    const resolution = resolveDeadlineAnchor(dto.anchor, organisation, calendar);
    if (resolution.status === 'ambiguous') {
      throw AppException.field(
        'anchor.vergaderjaar',
        'anchor_ambiguous',
        `must say which: the calendar data holds ${resolution.events.length} such events starting in ${dto.anchor.year}`,
        { count: resolution.events.length },
      );
    }
    // An event the data does not hold yet: no date until an administrator adds it.
    return resolution.status === 'dated' ? resolution.date : null;
  }
  if (!dto.preset) {
    if (dto.presetFrom !== undefined) {
      throw AppException.field('preset', 'preset_incomplete', 'must be given with presetFrom');
    }
    return dto.dueOn ?? null;
  }
  const computed = presetDueOn(PRESET_TERMS[dto.preset], dto.presetFrom!, { calendar: calendar.workingDays });
  if (dto.dueOn !== undefined && dto.dueOn !== computed) {
    throw AppException.field(
      'dueOn',
      'preset_mismatch',
      `differs from ${computed}, the ${dto.preset} term from ${dto.presetFrom}`,
      { value: computed, preset: dto.preset, from: dto.presetFrom! },
    );
  }
  return computed;
}
