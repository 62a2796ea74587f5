import { describeProblem, isProblem, type Problem } from '../lib/problem';

export const API_BASE = '/api/v1';

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

/** Called when the API says the token is no good (expired, revoked): the app sends the user to sign in again. */
export function onUnauthorized(listener: Listener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

async function send(method: string, path: string, body?: unknown, accept = 'application/json'): Promise<Response> {
  const token = tokenSource();
  const headers: Record<string, string> = { accept };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      // The token travels in the header only; no cookie is needed, so none is sent.
      credentials: 'omit',
    });
  } catch {
    throw new ApiError(0);
  }
  if (!response.ok) {
    const text = await response.text();
    let problem: Problem | undefined;
    try {
      const parsed: unknown = JSON.parse(text);
      if (isProblem(parsed)) problem = parsed;
    } catch {
      // not problem+json: the status says enough
    }
    if (response.status === 401 && token) unauthorizedListeners.forEach((listener) => listener());
    throw new ApiError(response.status, problem);
  }
  return response;
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await send(method, path, body);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  delete: (path: string) => request<void>('DELETE', path),
};

/**
 * Downloads a CSV version of an API answer (`Accept: text/csv`) as a file: fetched with the bearer token, which a
 * plain link could not send, and handed to the browser as a Blob. The API names the file.
 */
export async function downloadCsv(path: string, fallbackName: string): Promise<void> {
  const response = await send('GET', path, undefined, 'text/csv');
  const blob = await response.blob();
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = decodeURIComponent(name);
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the Blob after click() returns; let them finish first.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
