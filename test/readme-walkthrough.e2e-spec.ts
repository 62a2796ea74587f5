import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureDebianPackage } from '../scripts/lib/apt';
import { startTestApp, type TestApp } from './support/app';

/** The README's first bash block under "A full flow with curl", as a reader would paste it. */
function walkthrough(): string {
  const readme = readFileSync(path.resolve(__dirname, '../README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## A full flow with curl'));
  const block = /```bash\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('no curl walkthrough in the README');
  return block;
}

/**
 * The README's curl walkthrough, run as written against a real API, worker, PostgreSQL and Temporal: the commands a
 * newcomer pastes first must work, documents and hashes included.
 */
describe("the README's curl walkthrough", () => {
  let app: TestApp;
  let dir: string;

  beforeAll(async () => {
    ensureDebianPackage({ name: 'jq', executable: '/usr/bin/jq', neededBy: "the README's curl walkthrough" });
    app = await startTestApp();
    dir = mkdtempSync(path.join(os.tmpdir(), 'notaflow-readme-'));
  });
  afterAll(async () => {
    await app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('carries a nota to the Kamer with a document, decisions on its hash, a Kamerstuk number and a package', async () => {
    const script = walkthrough().replace('API=http://127.0.0.1:3000/api/v1', `API=${app.baseUrl}/api/v1`);
    // Not execFileSync: the API under test answers from this very process, whose event loop must keep running.
    const { stdout: output } = await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', script], { cwd: dir });
    const lines = output.trim().split('\n');
    expect(lines).toContainEqual(
      expect.stringMatching(/^\{"role":"nota","mediaType":"application\/pdf","sha256":"[0-9a-f]{64}"\}$/),
    );
    expect(lines).toContainEqual(expect.stringMatching(/^\{"role":"bijlage","fileName":"nota.pdf",/));
    expect(lines).toContainEqual('{"status":"dispatched","stage":"done","version":1}');
    expect(output).toMatch(/"vergaderjaar": "\d{4}-\d{4}"/);
    const decisions = lines.filter((line) => /\ttask_decided\t/.test(line));
    expect(decisions).toHaveLength(11);
    for (const line of decisions) expect(line).toMatch(/\t[0-9a-f]{64}$/);
    const zip = readFileSync(path.join(dir, 'verzonden.zip'));
    expect(zip.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
  });
});
