// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORABLE = new RegExp(`\u0000|${UNPAIRED_SURROGATE.source}`, 'g');

/**
 * Why a text cannot be recorded as sent, or null when it can. PostgreSQL's text refuses the NUL character, and a
 * string with half of a surrogate pair is no Unicode at all: its UTF-8 would silently carry a replacement character.
 * Refused where text comes in (the API, the flow's Update validators), so it never reaches an activity that would
 * retry a write that can never succeed.
 */
export function unstorableText(text: string): string | null {
  if (text.includes('\u0000')) return 'contains a NUL character (U+0000), which cannot be stored';
  if (UNPAIRED_SURROGATE.test(text)) return 'contains half of a surrogate pair, which is no valid Unicode';
  return null;
}

/** `text` with what cannot be stored replaced by U+FFFD: for records that must be written whatever was sent. */
export function storableText(text: string): string {
  return text.replace(UNSTORABLE, '\uFFFD');
}
