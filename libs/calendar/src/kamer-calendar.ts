import type { WorkingDayCalendar } from './equated-days';
import { addDays, compareIsoDates, parseIsoDate, requireInteger, type DateRange, type IsoDate } from './iso-date';
import { prinsjesdag, vergaderjaarOf, type Vergaderjaar } from './vergaderjaar';
import { nextWorkingDayOnOrAfter, previousWorkingDayOnOrBefore } from './working-days';

export const RECESS_KINDS = ['zomerreces', 'kerstreces', 'voorjaarsreces', 'meireces', 'herfstreces'] as const;
export type RecessKind = (typeof RECESS_KINDS)[number];

/** Events the Kamer dates per vergaderjaar, kept as data. */
export const KAMER_EVENT_KINDS = ['algemene_politieke_beschouwingen', 'begrotingsbehandeling'] as const;
export type KamerEventKind = (typeof KAMER_EVENT_KINDS)[number];

/** What a deadline can be tied to (API.md, Deadlines: `anchor.event`). Prinsjesdag follows from the Grondwet. */
export const ANCHOR_EVENTS = [...RECESS_KINDS, 'prinsjesdag', ...KAMER_EVENT_KINDS] as const;
export type AnchorEvent = (typeof ANCHOR_EVENTS)[number];

/** A Tweede Kamer recess, both ends included ("vrijdag 5 juli t/m maandag 2 september 2024"). */
export interface KamerRecess extends DateRange {
  kind: RecessKind;
}

/** The days of a plenary event, both ends included; a begrotingsbehandeling is that of one ministry's budget. */
export interface KamerEvent extends DateRange {
  kind: KamerEventKind;
  /** For a begrotingsbehandeling: the organisation code of the ministry (JENV, VWS, ...). */
  organisation?: string;
}

export interface KamerCalendarData {
  recesses: readonly KamerRecess[];
  events: readonly KamerEvent[];
}

export interface Anchor {
  event: AnchorEvent;
  /** The calendar year the event starts in. */
  year: number;
  /** `before`: the last working day before the event starts; `after`: the first working day after it ends. */
  relation: 'before' | 'after';
  /** Required for a begrotingsbehandeling: the ministry whose budget is meant (the caller's own). */
  organisation?: string;
  /**
   * Picks one of two events of a kind that start in the same year, by the vergaderjaar they fall in: the
   * begrotingsbehandeling of JenV was held in February 2024 (vergaderjaar 2023-2024, delayed by the elections) and in
   * November 2024 (2024-2025).
   */
  vergaderjaar?: Vergaderjaar;
}

export type AnchorResolution =
  | { status: 'dated'; date: IsoDate; event: DateRange }
  /** The data holds no such event (yet): the deadline has no date until an admin adds it. */
  | { status: 'not_in_data' }
  /** More than one event matches: the anchor needs a `vergaderjaar` to tell which. */
  | { status: 'ambiguous'; events: readonly DateRange[] };

/** The date an anchor stands for, with the event it was computed from, or why there is none. */
export function resolveAnchor(
  anchor: Anchor,
  data: KamerCalendarData,
  calendar?: WorkingDayCalendar,
): AnchorResolution {
  const matches = eventsOf(anchor, data);
  if (matches.length === 0) return { status: 'not_in_data' };
  if (matches.length > 1) return { status: 'ambiguous', events: matches };
  const [event] = matches;
  const date =
    anchor.relation === 'before'
      ? previousWorkingDayOnOrBefore(addDays(event.from, -1), calendar)
      : nextWorkingDayOnOrAfter(addDays(event.to, 1), calendar);
  return { status: 'dated', date, event };
}

/** The anchor's date, or null when the data does not hold exactly one such event. */
export function anchorDate(anchor: Anchor, data: KamerCalendarData, calendar?: WorkingDayCalendar): IsoDate | null {
  const resolution = resolveAnchor(anchor, data, calendar);
  return resolution.status === 'dated' ? resolution.date : null;
}

/**
 * The kind of a recess named the way the Kamer and the existing data name them ("zomerreces 2024", "Kerstreces
 * 2023-2024"); undefined for others, such as a verkiezingsreces, which no anchor refers to.
 */
export function recessKindOf(name: string): RecessKind | undefined {
  const first = name.trim().split(/\s+/)[0]?.toLowerCase();
  return RECESS_KINDS.find((kind) => kind === first);
}

function eventsOf(anchor: Anchor, data: KamerCalendarData): DateRange[] {
  const { event, year, organisation, vergaderjaar } = anchor;
  requireInteger(year, 'year', 1, 9999);
  const candidates: DateRange[] = [];
  if (event === 'prinsjesdag') {
    const day = prinsjesdag(year);
    candidates.push({ from: day, to: day });
  } else if (isRecessKind(event)) {
    candidates.push(...data.recesses.filter((recess) => recess.kind === event));
  } else {
    if (event === 'begrotingsbehandeling' && !organisation) {
      throw new RangeError('A begrotingsbehandeling anchor names the ministry whose budget is meant');
    }
    candidates.push(
      ...data.events.filter(
        (candidate) =>
          candidate.kind === event && (event !== 'begrotingsbehandeling' || candidate.organisation === organisation),
      ),
    );
  }
  return candidates
    .filter(({ from }) => parseIsoDate(from).year === year)
    .filter(({ from }) => vergaderjaar === undefined || vergaderjaarOf(from) === vergaderjaar)
    .sort((a, b) => compareIsoDates(a.from, b.from));
}

function isRecessKind(event: AnchorEvent): event is RecessKind {
  return (RECESS_KINDS as readonly string[]).includes(event);
}
