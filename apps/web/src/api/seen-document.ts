import type { DecisionRequest, Nota } from './types';

/*
 * A decision is bound to the text its holder read (API.md, Notas and Tasks): the nota states the SHA-256 of its
 * current nota document (`documentSha256`), and every decision carries the SHA-256 of the document the holder was
 * shown (`seenSha256`); the API refuses a decision on a text that has moved on (409 stale_version). The pages are
 * written against that contract. The two seams below are the only code that knows an API without those fields.
 */

/**
 * SEAM documentSha256: the SHA-256 of the nota's current nota document as the API states it, null when the version
 * has none; undefined from an API that does not state it yet. Read through a widened type, which stays correct
 * once the generated NotaDto has the field.
 */
export function documentSha256Of(nota: Nota): string | null | undefined {
  return (nota as Nota & { documentSha256?: string | null }).documentSha256;
}

/** Whether the API's decision takes `seenSha256`: the generated DecisionDto says so. */
type DecisionTakesSeen = 'seenSha256' extends keyof DecisionRequest ? true : false;

/**
 * SEAM seenSha256: the one switch. While the generated DecisionDto lacks `seenSha256`, the API refuses an unknown
 * field, so it is not sent. Once `npm run generate:api` brings the field, tsc refuses `false` here: make it `true`.
 */
const SENDS_SEEN_SHA256: DecisionTakesSeen = false;

/** The decision's body, with the SHA-256 of the nota document the holder was shown once the API takes it. */
export function decisionRequest(
  fields: Omit<DecisionRequest, 'seenSha256'>,
  seenSha256: string | null,
): DecisionRequest {
  // The cast keeps this compiling on both sides of the switch: before, `seenSha256` is no field of the type; after,
  // it is a required one that `fields` leaves out.
  return (SENDS_SEEN_SHA256 && seenSha256 ? { ...fields, seenSha256 } : fields) as DecisionRequest;
}
