/** The longest search a user types; a longer one is a paste gone wrong or an attempt to load the database. */
export const SEARCH_MAX_LENGTH = 200;

/** What a search answers: a nota or a deadline. */
export const SEARCH_KINDS = ['nota', 'deadline'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** Where a nota was found: its kenmerken, its title, the remarks given on it, or its documents' text. */
export const SEARCH_MATCHES = ['kenmerk', 'title', 'remarks', 'document'] as const;
export type SearchMatch = (typeof SEARCH_MATCHES)[number];

/** The marks around a matching word in a snippet: plain characters, so no client is tempted to render HTML. */
export const SNIPPET_MARK = { start: '«', stop: '»' } as const;

const LABEL = /^(?:kamerstuk(?:ken)?(?:\s+ii)?|ons\s+kenmerk|uw\s+kenmerk|kenmerk|dossier)\s*:?\s*/;

/**
 * An identifier in the one form the index holds it in, or null when `query` is not one: ons kenmerk `6000123`, uw
 * kenmerk `2023z13980/2023d36886` (or a half), dossier `28638` or `36410-vi`, Kamerstuk `28638-248`. People write a
 * Kamerstuk as the Kamer prints it (`28 638, nr. 248`) or as its site's address does (`28638-248`): both read here
 * as one.
 */
export function searchKeyOf(query: string): string | null {
  const key = query
    .trim()
    .toLowerCase()
    .replace(LABEL, '')
    .replace(/,/g, ' ')
    .replace(/\s*\bnr\.?\s*/g, '-')
    .replace(/(\d)\s+(?=[a-z])/g, '$1-')
    .replace(/\s+/g, '');
  return /^\d[\da-z/-]*$/.test(key) && !/--|-$|\/$/.test(key) ? key : null;
}

export const SEARCH_KIND_LABELS: Record<SearchKind, string> = { nota: 'Nota', deadline: 'Termijn' };

/** "Gevonden in …" */
export const SEARCH_MATCH_LABELS: Record<SearchMatch, string> = {
  kenmerk: 'kenmerk',
  title: 'titel',
  remarks: 'opmerkingen',
  document: 'documenttekst',
};

/** A snippet as its parts, each marked or not: `«Brief» over` -> `[{ text: 'Brief', marked: true }, …]`. */
export function snippetParts(snippet: string): { text: string; marked: boolean }[] {
  const parts: { text: string; marked: boolean }[] = [];
  const pattern = new RegExp(`${SNIPPET_MARK.start}([^${SNIPPET_MARK.stop}]*)${SNIPPET_MARK.stop}`, 'g');
  let at = 0;
  for (const match of snippet.matchAll(pattern)) {
    if (match.index > at) parts.push({ text: snippet.slice(at, match.index), marked: false });
    parts.push({ text: match[1], marked: true });
    at = match.index + match[0].length;
  }
  if (at < snippet.length) parts.push({ text: snippet.slice(at), marked: false });
  return parts;
}
