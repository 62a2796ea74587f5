import type { WorkingDayCalendar } from './equated-days';
import type { IsoDate } from './iso-date';
import { termEnd, type TermLength } from './working-days';

export interface TermPreset {
  label: string;
  term: TermLength;
  /** The most the term may be extended by, once. */
  extension: TermLength;
}

export const presets = {
  /** Answered within 3 weeks, or an uitstelbericht to the Kamer gives 3 more. */
  kamervragen: { label: 'Kamervragen', term: { weeks: 3 }, extension: { weeks: 3 } },
  /** Woo art. 4.4: a decision within 4 weeks, once extendable by at most 2 weeks. */
  wooBesluit: { label: 'Woo-besluit', term: { weeks: 4 }, extension: { weeks: 2 } },
} as const satisfies Record<string, TermPreset>;

export type PresetName = keyof typeof presets;

/** The due date of a preset term counted from `from` (the day of receipt), run on to a working day. */
export function presetDueOn(
  preset: TermPreset,
  from: IsoDate,
  { extended = false, calendar }: { extended?: boolean; calendar?: WorkingDayCalendar } = {},
): IsoDate {
  // The extension lengthens the one term; only its final end runs on to a working day, not the original end.
  return termEnd(from, extended ? addTermLengths(preset.term, preset.extension) : preset.term, calendar);
}

function addTermLengths(a: TermLength, b: TermLength): TermLength {
  return {
    weeks: (a.weeks ?? 0) + (b.weeks ?? 0),
    days: (a.days ?? 0) + (b.days ?? 0),
    workingDays: (a.workingDays ?? 0) + (b.workingDays ?? 0),
  };
}
