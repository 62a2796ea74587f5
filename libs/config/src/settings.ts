import { z } from 'zod';

/** The kinds of value the configuration reads from strings, each with the one message a wrong value gets. */

export const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Comma-separated browser origins (scheme, host, port; no path), as CORS and the codec endpoint compare them. */
export const originList = (example: string) =>
  z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .refine(
      (list) => list.every((origin) => /^https?:\/\/[^/\s]+$/.test(origin)),
      `must be comma-separated origins such as ${example}`,
    );

/** Comma-separated usernames, as the sign-in knows them. */
export const usernameList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
  )
  .refine((list) => list.every((name) => /^[a-z0-9._-]+$/i.test(name)), 'must be comma-separated usernames');
