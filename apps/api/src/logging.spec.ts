import { redactQuery } from './logging';

describe(redactQuery.name, () => {
  it.each([
    ['/api/v1/deadlines.ics?token=abc', '/api/v1/deadlines.ics?token=[redacted]'],
    ['/api/v1/notas?access_token=eyJ.x.y&status=draft', '/api/v1/notas?access_token=[redacted]&status=draft'],
    ['/x?status=draft&API_KEY=1&password=2', '/x?status=draft&API_KEY=[redacted]&password=[redacted]'],
    ['/x?%74oken=abc', '/x?%74oken=[redacted]'],
    ['/api/v1/notas?status=draft', '/api/v1/notas?status=draft'],
    ['/api/v1/notas', '/api/v1/notas'],
  ])('%s -> %s', (url, expected) => {
    expect(redactQuery(url)).toBe(expected);
  });
});
