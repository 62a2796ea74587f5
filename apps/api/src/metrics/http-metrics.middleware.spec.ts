import { routeTemplate } from './http-metrics.middleware';

describe(routeTemplate.name, () => {
  it('labels a request with its route template, never its ids', () => {
    expect(routeTemplate({ baseUrl: '', route: { path: '/api/v1/notas/:id' } })).toBe('/api/v1/notas/:id');
    expect(routeTemplate({ baseUrl: '/api/v1', route: { path: '/tasks/:id/decision' } })).toBe(
      '/api/v1/tasks/:id/decision',
    );
  });

  it('puts every request no controller route matched under one label', () => {
    expect(routeTemplate({ baseUrl: '', route: undefined })).toBe('unmatched');
    // Nest's middleware route, still the request's route when nothing else matched.
    const middleware = { path: '/api/v1/{*path}' };
    expect(routeTemplate({ baseUrl: '', route: middleware }, middleware)).toBe('unmatched');
    expect(routeTemplate({ baseUrl: '', route: { path: '/api/v1/{*path}' } })).toBe('unmatched');
  });
});
