/**
 * Kamerstukken and their dossiers. The Kamer writes a dossier number with a space after the second digit, `28 638`,
 * with an optional suffix for a part, `36 410-VI`; however a user types it (`28638`, ` 28 638 `, `36410-vi`), it is
 * one dossier and is kept in that spelling.
 */

/** The Kamer's own spelling of a dossier number. */
export const CANONICAL_DOSSIER_PATTERN = /^\d{2} \d{3}(?:-[A-Z0-9]{1,6})?$/;

/** The dossier number in the Kamer's spelling, or undefined when `value` is no dossier number at all. */
export function normaliseDossier(value: string): string | undefined {
  const match = /^(\d{2})(\d{3})(-[A-Z0-9]{1,6})?$/.exec(value.replace(/\s/g, '').toUpperCase());
  return match ? `${match[1]} ${match[2]}${match[3] ?? ''}` : undefined;
}

/** A Kamerstuk: its dossier and its number within it (`28 638, nr. 217`). */
export interface KamerstukRef {
  dossier: string;
  number: number;
}

/** The largest Kamerstuk number the registry takes: dossiers run to a few thousand documents at most. */
export const MAX_KAMERSTUK_NUMBER = 99_999;

/** `Kamerstuk 28 638, nr. 217`, as letters cite them. */
export function formatKamerstuk({ dossier, number }: KamerstukRef): string {
  return `Kamerstuk ${dossier}, nr. ${number}`;
}
