import type { FieldProblem } from './app.exception';

/** Deeper than any request of the API nests (a route inside a nota is three levels). */
export const MAX_JSON_DEPTH = 32;

/** Keys that name an object's own machinery, never a field: refused, not quietly dropped. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * What is wrong with a parsed JSON body before anything transforms it: nesting deeper than MAX_JSON_DEPTH (which
 * would overflow the stack of the recursive validators, also on the unauthenticated sign-in) and keys like
 * `__proto__`. Walks without recursion, stopping at the first over-deep branch.
 */
export function jsonShapeProblems(body: unknown, maxDepth = MAX_JSON_DEPTH): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const pending: [value: unknown, path: string, depth: number][] = [[body, '', 0]];
  while (pending.length) {
    const [value, path, depth] = pending.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= maxDepth) {
      return [
        {
          name: path || 'body',
          code: 'too_deep',
          reason: `nests deeper than ${maxDepth} levels`,
          params: { max: maxDepth },
        },
      ];
    }
    if (Array.isArray(value)) {
      value.forEach((item, index) => pending.push([item, `${path}[${index}]`, depth + 1]));
      continue;
    }
    for (const key of Object.keys(value)) {
      const name = path ? `${path}.${key}` : key;
      if (RESERVED_KEYS.has(key)) problems.push({ name, code: 'unknown_field', reason: 'is not a known field' });
      else pending.push([(value as Record<string, unknown>)[key], name, depth + 1]);
    }
  }
  return problems;
}
