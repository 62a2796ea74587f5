/**
 * Where the web app shows a nota or a deadline: its routes (apps/web/src/App.tsx), for links that leave the app
 * (calendar events, emails). The web app is served at the root of the public origin.
 */
export const WEB_APP_PATHS = {
  nota: (id: string) => `/notas/${encodeURIComponent(id)}`,
  deadline: (id: string) => `/termijnen/${encodeURIComponent(id)}`,
} as const;

/** The absolute link to a web app path on `origin` (`https://notaflow.minjenv.nl`). */
export function webAppUrl(origin: string, path: string): string {
  return new URL(path, origin).href;
}
