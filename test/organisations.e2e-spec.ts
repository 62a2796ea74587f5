import { startTestApp, type TestApp } from './support/app';
import { ApiClient } from './support/http';

/** The organisations the web app offers as co-signers come from the registry, not from the app's own code. */
describe('GET /api/v1/organisations', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ worker: false });
  });

  afterAll(() => app.close());

  it("lists the registry's organisations, a ministry added as data included", async () => {
    await app.dataSource.query(
      `INSERT INTO organisations (code, name) VALUES ('LNV', 'Landbouw, Visserij, Voedselzekerheid en Natuur')`,
    );
    const staff = await ApiClient.login(app.baseUrl, 'jenv.staff');
    const reply = await staff.get('/organisations');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual(
      expect.arrayContaining([
        { code: 'VWS', name: 'Ministerie van Volksgezondheid, Welzijn en Sport', canCoSign: true },
        { code: 'AZ', name: 'Ministerie van Algemene Zaken', canCoSign: false },
        { code: 'LNV', name: 'Landbouw, Visserij, Voedselzekerheid en Natuur', canCoSign: true },
      ]),
    );
  });

  it('needs a signed-in user', async () => {
    const response = await fetch(`${app.baseUrl}/api/v1/organisations`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'token_missing' });
  });
});
