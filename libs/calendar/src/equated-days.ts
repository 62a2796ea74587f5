import { parseIsoDate, type IsoDate } from './iso-date';

/**
 * A day that a Royal Decree equates with a general holiday "voor de toepassing van deze wet" (Algemene termijnenwet
 * art. 3 lid 3: "Wij kunnen bepaalde dagen voor de toepassing van deze wet met de in het eerste lid genoemde
 * gelijkstellen. Ons besluit wordt in de Nederlandse Staatscourant openbaar gemaakt."). Such a day is no public day
 * off; it only stops counting for statutory terms. Kept as data because a new decree appears every three years or so.
 */
export interface EquatedDay {
  date: IsoDate;
  /** Why this day, e.g. "vrijdag na Hemelvaartsdag". */
  reason: string;
  /** The decree (title, date, Staatscourant) and where it was read. */
  source: string;
}

/**
 * The data the Algemene termijnenwet needs beyond its own rules. Without `equatedDays` only the days of art. 3 lid 1
 * and 2 count as holidays: callers pass the admin-maintained list (or at least `equatedDaysSeed`) to be faithful.
 */
export interface WorkingDayCalendar {
  /** Only `date` is read, so rows loaded with their reason and source can be passed as they are. */
  equatedDays?: readonly Pick<EquatedDay, 'date'>[];
}

// Working-day loops ask per day, so each array (one load of the data, not changed afterwards) becomes a set once.
const dateSets = new WeakMap<readonly Pick<EquatedDay, 'date'>[], ReadonlySet<IsoDate>>();

export function isEquatedDay(date: IsoDate, { equatedDays }: WorkingDayCalendar = {}): boolean {
  if (!equatedDays || equatedDays.length === 0) return false;
  let dates = dateSets.get(equatedDays);
  if (!dates) {
    // A malformed date in the data throws here rather than silently counting as a working day.
    for (const day of equatedDays) parseIsoDate(day.date);
    dates = new Set(equatedDays.map((day) => day.date));
    dateSets.set(equatedDays, dates);
  }
  return dates.has(date);
}
