import { WEB_APP_PATHS, webAppUrl } from './web-paths';

describe(webAppUrl.name, () => {
  it("links to the web app's own routes for a nota and a deadline", () => {
    const id = '0b9f7a64-1d8e-4c55-9a43-0e4f3c2a1b10';
    expect(webAppUrl('https://notaflow.minjenv.example', WEB_APP_PATHS.deadline(id))).toBe(
      `https://notaflow.minjenv.example/termijnen/${id}`,
    );
    expect(webAppUrl('http://127.0.0.1:3000', WEB_APP_PATHS.nota(id))).toBe(`http://127.0.0.1:3000/notas/${id}`);
  });

  it('keeps an id inside its own path segment', () => {
    expect(webAppUrl('https://notaflow.example', WEB_APP_PATHS.deadline('../admin?x=1'))).toBe(
      'https://notaflow.example/termijnen/..%2Fadmin%3Fx%3D1',
    );
  });
});
