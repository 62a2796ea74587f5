/**
 * Where the web app shows a nota and a deadline: its routes `notas/:id` and `termijnen/:id` (apps/web/src/App.tsx),
 * served by the API at the root of its public address.
 */
export function notaUrl(webAppUrl: string, notaId: string): string {
  return new URL(`/notas/${encodeURIComponent(notaId)}`, webAppUrl).toString();
}

export function deadlineUrl(webAppUrl: string, deadlineId: string): string {
  return new URL(`/termijnen/${encodeURIComponent(deadlineId)}`, webAppUrl).toString();
}

/**
 * The API's address under the configuration's defaults (HOST, PORT), where it serves the web app: for activities
 * built without an address of their own (tests). The worker passes the one its configuration gives.
 */
export const DEFAULT_WEB_APP_URL = 'http://127.0.0.1:3000';
