import type { DecisionRequest } from './types';

/**
 * A decision is bound to the text its holder read (API.md, Notas and Tasks): the nota states the SHA-256 of its
 * current nota document (`documentSha256`), and every decision carries the SHA-256 of the document the holder was
 * shown (`seenSha256`); the API refuses a decision on a text that has moved on (409 stale_version). A nota of
 * before documents existed has none, and its decisions name none.
 */
export function decisionRequest(
  fields: Omit<DecisionRequest, 'seenSha256'>,
  seenSha256: string | null,
): DecisionRequest {
  return seenSha256 ? { ...fields, seenSha256 } : fields;
}
