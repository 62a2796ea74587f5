import { request as httpRequest } from 'node:http';
import { startTestApp, type TestApp } from './support/app';
import { ApiClient } from './support/http';

/** What a client cannot send: each refused with problem+json and a code, never a 500, on any route. */
describe('bodies and requests no route takes', () => {
  let app: TestApp;
  let staff: ApiClient;

  beforeAll(async () => {
    app = await startTestApp({ worker: false });
    staff = await ApiClient.login(app.baseUrl, 'jenv.staff');
  });

  afterAll(() => app.close());

  const deepArray = `${'['.repeat(5_000)}${']'.repeat(5_000)}`;

  it.each([
    ['registering a nota', '/notas'],
    ['the unauthenticated sign-in', '/auth/token'],
  ])('refuses a body nested thousands of levels deep (%s) with 400 too_deep', async (_what, path) => {
    const reply = await staff.request<any>('POST', path, `{"title":${deepArray}}`);
    expect(reply.status).toBe(400);
    expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(reply.body).toMatchObject({
      code: 'validation_failed',
      errors: [{ name: expect.any(String), code: 'too_deep' }],
    });
  });

  it('refuses __proto__ and constructor keys as unknown fields, not dropping them', async () => {
    const reply = await staff.request<any>(
      'POST',
      '/notas',
      '{"title":"x","__proto__":{"role":"admin"},"route":{"reviewers":[],"decider":"jenv.bewindspersoon","coSigners":[],"ministerraad":false,"constructor":{"prototype":{}}}}',
    );
    expect(reply.status).toBe(400);
    expect(reply.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: '__proto__', code: 'unknown_field' }),
        expect.objectContaining({ name: 'route.constructor', code: 'unknown_field' }),
      ]),
    );
  });

  it.each([
    ['an array', []],
    ['text', 'jenv.dg'],
    ['a number', 3],
  ])('refuses %s where the route object belongs with 400 naming route, not 500', async (_what, route) => {
    const reply = await staff.post('/notas', { title: 'Nota zonder route', route });
    expect(reply.status).toBe(400);
    expect(reply.body.errors).toEqual([{ name: 'route', code: 'not_object', reason: expect.any(String) }]);
  });

  it('answers a URL too long for the HTTP parser with problem+json 431', async () => {
    const { status, contentType, body } = await rawGet(app.baseUrl, `/api/v1/notas?dossier=${'x'.repeat(20_000)}`);
    expect(status).toBe(431);
    expect(contentType).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(body)).toMatchObject({ status: 431, code: 'request_header_fields_too_large' });
  });
});

/** Through Node's http client, which sends a request line of any length (fetch would too, but hides the socket). */
function rawGet(baseUrl: string, path: string): Promise<{ status: number; contentType: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${baseUrl}${path}`, { method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}
