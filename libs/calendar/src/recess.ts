import { isInRange, type DateRange, type IsoDate } from './iso-date';

/** A Tweede Kamer recess (zomerreces, kerstreces, ...), both ends included; kept as data, not code. */
export interface Recess extends DateRange {
  name: string;
}

export function recessAt(date: IsoDate, recesses: readonly Recess[]): Recess | undefined {
  return recesses.find((recess) => isInRange(date, recess));
}

export function isInRecess(date: IsoDate, recesses: readonly Recess[]): boolean {
  return recessAt(date, recesses) !== undefined;
}
