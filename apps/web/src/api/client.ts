import createClient, { type Middleware } from 'openapi-fetch';
import { describeProblem, isProblem, type Problem } from '../lib/problem';
import type { paths } from './schema.gen';

/** A refusal or failure of the API, with its problem+json when it sent one (status 0: no answer at all). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem?: Problem,
  ) {
    super(describeProblem(status, problem));
    this.name = 'ApiError';
  }
}

type TokenSource = () => string | undefined;
type Listener = () => void;

let tokenSource: TokenSource = () => undefined;
const unauthorizedListeners = new Set<Listener>();

/** The session decides which token goes along; the client stays free of React. */
export function setTokenSource(source: TokenSource): void {
  tokenSource = source;
}

/** The session's token, for a request made outside the client (an upload through XMLHttpRequest). */
export function currentToken(): string | undefined {
  return tokenSource();
}

/** Called when the API says the token is no good (expired, revoked): the app sends the user to sign in again. */
export function onUnauthorized(listener: Listener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

const session: Middleware = {
  onRequest({ request }) {
    if (!request.headers.has('accept')) request.headers.set('accept', 'application/json');
    const token = tokenSource();
    // A request that names its own token (the profile asked while signing in) keeps it.
    if (token && !request.headers.has('authorization')) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401) refusedToken(request.headers.get('authorization'));
  },
};

/** Only a refusal of the session's own token ends the session. */
export function refusedToken(authorization: string | null): void {
  const token = tokenSource();
  if (token && authorization === `Bearer ${token}`) unauthorizedListeners.forEach((listener) => listener());
}

/**
 * The API's client, typed by the paths of its OpenAPI document (schema.gen.ts): `client.GET('/api/v1/notas/{id}',
 * { params: { path: { id } } })`. Wrap a call in `answer()` to get its data or an ApiError.
 */
export const client = createClient<paths>({
  // The token travels in the header only; no cookie is needed, so none is sent.
  credentials: 'omit',
});
client.use(session);

interface Settled<D> {
  data?: D;
  error?: unknown;
  response: Response;
}

/** The call's answer with its response, or an ApiError for a refusal, a failure or no answer at all. */
export async function settle<D>(pending: Promise<Settled<D>>): Promise<{ data: D; response: Response }> {
  let result: Settled<D>;
  try {
    result = await pending;
  } catch {
    throw new ApiError(0);
  }
  const { data, error, response } = result;
  if (!response.ok) throw new ApiError(response.status, isProblem(error) ? error : undefined);
  return { data: data as D, response };
}

/** The call's data, or an ApiError: `const nota = await answer(client.POST('/api/v1/notas', { body }))`. */
export async function answer<D>(pending: Promise<Settled<D>>): Promise<D> {
  return (await settle(pending)).data;
}

/**
 * Saves an API answer parsed as a Blob (a CSV, a document, the package) as a file: fetched with the bearer token,
 * which a plain link could not send. The API names the file.
 */
export async function downloadFile(pending: Promise<Settled<Blob>>, fallbackName: string): Promise<void> {
  const { data: blob, response } = await settle(pending);
  const disposition = response.headers.get('content-disposition') ?? '';
  // The exact name (RFC 6266 filename*) over the ASCII one old clients get.
  const exact = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = exact ? decodeURIComponent(exact) : (plain ?? fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the Blob after click() returns; let them finish first.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** How to ask a path for CSV instead of JSON. */
export const AS_CSV = { parseAs: 'blob', headers: { accept: 'text/csv' } } as const;

/** How to ask a path for its bytes as they are (a document, a ZIP). */
export const AS_BLOB = { parseAs: 'blob', headers: { accept: '*/*' } } as const;
