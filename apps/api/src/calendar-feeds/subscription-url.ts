import type { AppConfig } from '@notaflow/config';

/** Where the feed is served; the global prefix of bootstrap.ts, not imported to keep the module graph acyclic. */
export const FEED_PATH = '/api/v1/deadlines.ics';

// A DNS name, an IPv4 address or a bracketed IPv6 address, and an optional port: nothing that could add a user,
// a path or a second URL to the subscription link.
const HOST =
  /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** `https://host:port` from the request's protocol and host, or undefined when the host is not a plain host. */
export function requestOrigin(protocol: string, host: string | undefined): string | undefined {
  if (protocol !== 'http' && protocol !== 'https') return undefined;
  if (!host || host.length > 260 || !HOST.test(host)) return undefined;
  try {
    return new URL(`${protocol}://${host}`).origin;
  } catch {
    // A port above 65535, an impossible IPv6 address.
    return undefined;
  }
}

/**
 * Where users reach notaflow: PUBLIC_URL behind a proxy (whose own protocol and host the request carries), else
 * the request's own origin; undefined when that is no plain origin.
 */
export function publicOrigin(
  config: Pick<AppConfig, 'PUBLIC_URL'>,
  request: { protocol: string; host: string | undefined },
): string | undefined {
  return config.PUBLIC_URL ? new URL(config.PUBLIC_URL).origin : requestOrigin(request.protocol, request.host);
}

export interface SubscriptionUrls {
  url: string;
  webcalUrl: string;
}

/** The feed URL with its token, and the webcal:// form that makes Outlook and Apple Calendar offer to subscribe. */
export function subscriptionUrls(origin: string, token: string): SubscriptionUrls {
  const url = new URL(FEED_PATH, origin);
  url.searchParams.set('token', token);
  return { url: url.href, webcalUrl: url.href.replace(/^https?:/, 'webcal:') };
}
