import type { Payload } from '@temporalio/common';

/** A payload as the codec server protocol carries it: metadata values and data in base64 (protobuf's JSON form). */
export interface JsonPayload {
  metadata?: Record<string, string>;
  data?: string;
}

/** How many payloads one /encode or /decode request may carry; the Web UI sends those of one event at a time. */
export const MAX_CODEC_PAYLOADS = 1000;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The payloads of a codec request body, or why it is not one. */
export function payloadsFromJson(body: unknown): { payloads: Payload[] } | { problem: string } {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    return { problem: 'the body must be { "payloads": [...] }' };
  // Protobuf's JSON leaves an empty list out: the CLI sends `{}` for no payloads.
  const list = (body as { payloads?: unknown }).payloads ?? [];
  if (!Array.isArray(list)) return { problem: 'payloads must be a list' };
  if (list.length > MAX_CODEC_PAYLOADS) return { problem: `at most ${MAX_CODEC_PAYLOADS} payloads at a time` };
  const payloads: Payload[] = [];
  for (const [index, item] of list.entries()) {
    const where = `payloads[${index}]`;
    if (!item || typeof item !== 'object' || Array.isArray(item)) return { problem: `${where} is not an object` };
    const { metadata = {}, data = '' } = item as { metadata?: unknown; data?: unknown };
    if (!metadata || typeof metadata !== 'object' || Array.isArray(metadata)) {
      return { problem: `${where}.metadata is not an object` };
    }
    const entries = Object.entries(metadata as Record<string, unknown>);
    const bad = entries.find(([, value]) => typeof value !== 'string' || !BASE64.test(value));
    if (bad) return { problem: `${where}.metadata.${bad[0].slice(0, 64)} is not base64` };
    if (typeof data !== 'string' || !BASE64.test(data)) return { problem: `${where}.data is not base64` };
    payloads.push({
      metadata: Object.fromEntries(entries.map(([key, value]) => [key, Buffer.from(value as string, 'base64')])),
      data: Buffer.from(data, 'base64'),
    });
  }
  return { payloads };
}

export function payloadToJson(payload: Payload): JsonPayload {
  return {
    metadata: Object.fromEntries(
      Object.entries(payload.metadata ?? {}).map(([key, value]) => [key, Buffer.from(value).toString('base64')]),
    ),
    data: Buffer.from(payload.data ?? new Uint8Array()).toString('base64'),
  };
}
