import { addDays, compareIsoDates, dayOfWeek, parseIsoDate, requireInteger, toIsoDate, type IsoDate } from './iso-date';

/** Two calendar years joined by a hyphen-minus, e.g. "2023-2024". */
export type Vergaderjaar = `${number}-${number}`;

const TUESDAY = 2;

/** Grondwet art. 65: the Staten-Generaal meet on the third Tuesday of September. */
export function prinsjesdag(year: number): IsoDate {
  requireInteger(year, 'year', 1, 9999);
  const firstOfSeptember = toIsoDate(year, 9, 1);
  const firstTuesday = addDays(firstOfSeptember, (TUESDAY - dayOfWeek(firstOfSeptember) + 7) % 7);
  return addDays(firstTuesday, 14);
}

/** The parliamentary year that `date` falls in; a new one starts on Prinsjesdag itself. */
export function vergaderjaarOf(date: IsoDate): Vergaderjaar {
  const { year } = parseIsoDate(date);
  const startYear = compareIsoDates(date, prinsjesdag(year)) >= 0 ? year : year - 1;
  return `${startYear}-${startYear + 1}`;
}
