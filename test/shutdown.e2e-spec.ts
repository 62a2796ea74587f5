import { request } from 'node:http';
import { startBuiltApi, stopBuiltApi } from './support/built-api';
import { ApiClient, DEMO_ROUTE } from './support/http';

/** The built API as `docker compose stop` stops it: SIGTERM while a request is still arriving. */
describe('the API on SIGTERM', () => {
  it('finishes the request in flight before it closes the database and Temporal, then exits 0', async () => {
    const api = await startBuiltApi();
    const { child, baseUrl, exited } = api;
    try {
      const signIn = await new ApiClient(baseUrl).post('/auth/token', { username: 'jenv.staff', password: 'demo' });
      expect(signIn.status).toBe(200);
      const staff: string = signIn.body.accessToken;

      // A nota registered over a slow line: its body is half sent when the signal comes.
      const body = JSON.stringify({ title: 'Geregistreerd tijdens het stoppen', route: DEMO_ROUTE });
      const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
        const sent = request(
          `${baseUrl}/api/v1/notas`,
          {
            method: 'POST',
            headers: {
              authorization: `Bearer ${staff}`,
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
            },
          },
          (response) => {
            let text = '';
            response.on('data', (chunk: Buffer) => (text += chunk.toString()));
            response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
          },
        );
        sent.on('error', reject);
        sent.write(body.slice(0, 10));
        setTimeout(() => {
          child.kill('SIGTERM');
          setTimeout(() => sent.end(body.slice(10)), 5_000);
        }, 300);
      });
      const reply = await answer;
      expect({ status: reply.status, text: reply.text }).toEqual({ status: 201, text: expect.any(String) });
      expect(await exited).toEqual([0, null]);
      // Taken no more once stopped.
      await expect(fetch(`${baseUrl}/api/v1/health`)).rejects.toThrow();
    } catch (error) {
      throw new Error(`${String(error)}\n--- API output ---\n${api.output().slice(-4000)}`);
    } finally {
      await stopBuiltApi(api, 'SIGKILL');
    }
  });
});
