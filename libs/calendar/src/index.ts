export { backwardPlan, type PlannedStage, type StageDuration } from './backward-plan';
export {
  amsterdamEndOfDayInstant,
  amsterdamStartOfDayInstant,
  toAmsterdamDate,
  workingDaysBetweenInstants,
} from './durations';
export { formatDutchDate, formatDutchTime } from './dutch-dates';
export { isEquatedDay, type EquatedDay, type WorkingDayCalendar } from './equated-days';
export { holidaysOf, isPublicHoliday, type PublicHoliday } from './holidays';
export {
  addDays,
  compareIsoDates,
  dayOfWeek,
  daysBetween,
  isInRange,
  isValidIsoDate,
  parseIsoDate,
  toIsoDate,
  type DateRange,
  type IsoDate,
  type IsoDateParts,
} from './iso-date';
export {
  ANCHOR_EVENTS,
  anchorDate,
  KAMER_EVENT_KINDS,
  RECESS_KINDS,
  recessKindOf,
  resolveAnchor,
  type Anchor,
  type AnchorEvent,
  type AnchorResolution,
  type KamerCalendarData,
  type KamerEvent,
  type KamerEventKind,
  type KamerRecess,
  type RecessKind,
} from './kamer-calendar';
export {
  defaultMinisterraadBreaks,
  latestMinisterraadOnOrBefore,
  nextMinisterraad,
  type MinisterraadCalendar,
} from './ministerraad';
export {
  decideExtension,
  presetDueOn,
  presets,
  type ExtensionDecision,
  type ExtensionNotice,
  type ExtensionRefusal,
  type PresetName,
  type TermPreset,
} from './presets';
export { isInRecess, recessAt, type Recess } from './recess';
export { equatedDaysSeed } from './seeds/equated-days.seed';
export { kamerEventsSeed, recessesSeed, type SourcedKamerEvent, type SourcedRecess } from './seeds/kamer-calendar.seed';
export {
  ministerraadBreaksSeed,
  ministerraadExtraMeetingsSeed,
  type SourcedMinisterraadBreak,
  type SourcedMinisterraadMeeting,
} from './seeds/ministerraad.seed';
export { prinsjesdag, vergaderjaarOf, type Vergaderjaar } from './vergaderjaar';
export {
  addWorkingDays,
  isWorkingDay,
  nextWorkingDayOnOrAfter,
  previousWorkingDayOnOrBefore,
  termEnd,
  workingDaysBetween,
  type TermLength,
} from './working-days';
