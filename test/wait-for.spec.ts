import { waitFor } from '../scripts/lib/ports';

describe(waitFor.name, () => {
  it('gives the first value a probe answers', async () => {
    let calls = 0;
    await expect(waitFor('the count', async () => (++calls >= 3 ? calls : undefined), { intervalMs: 1 })).resolves.toBe(
      3,
    );
  });

  it('gives up at its timeout even when a probe never answers', async () => {
    await expect(waitFor('a hung server', () => new Promise<never>(() => {}), { timeoutMs: 300 })).rejects.toThrow(
      'a hung server did not become ready within 0.3 s: the last probe did not answer',
    );
  });

  it('ends at once when the process waited for is gone', async () => {
    await expect(
      waitFor('the API', async () => undefined, { timeoutMs: 60_000, gone: () => 'it exited (1)' }),
    ).rejects.toThrow('the API: it exited (1)');
  });
});
