import type { Reply } from './http';

/** The distinct names of the fields a problem+json's `errors` list, sorted. */
export function namedFields(reply: Reply): string[] {
  return [...new Set(((reply.body?.errors ?? []) as { name: string }[]).map((e) => e.name))].sort();
}

/**
 * A request refused as invalid input: 400 problem+json with code `validation_failed`, naming exactly `fields`.
 * `path` goes into each comparison so a failing case says which request it was.
 */
export function expectFieldsRefused(path: string, reply: Reply, fields: string[]): void {
  expect({ path, status: reply.status }).toEqual({ path, status: 400 });
  expect(reply.headers.get('content-type')).toContain('application/problem+json');
  expect(reply.body).toMatchObject({ type: expect.any(String), title: expect.any(String), code: 'validation_failed' });
  expect({ path, fields: namedFields(reply) }).toEqual({ path, fields: [...fields].sort() });
}
