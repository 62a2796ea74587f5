import { decideUpdate, notaWorkflowId } from '@notaflow/temporal';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { startTestApp, type TestApp } from './support/app';
import { FlowDriver } from './support/flow-driver';
import { DEMO_ROUTE } from './support/http';

const ROUTE = { ...DEMO_ROUTE, reviewers: ['jenv.dg'], coSigners: ['VWS'], ministerraad: false };

/**
 * Every decision is bound to the SHA-256 of the text its holder read (API.md: documentSha256, seenSha256): a
 * decision on a text that has moved on is refused before anything enters history, by the API and by the flow's
 * own Update validator, and the record of what went to the Kamer names what each decision was given on.
 */
describe('decisions on the text their holder saw', () => {
  let app: TestApp;
  let flow: FlowDriver;

  beforeAll(async () => {
    app = await startTestApp();
    flow = await FlowDriver.create(app.baseUrl);
  });
  afterAll(() => app.close());

  const events = async (notaId: string) =>
    (await app.dataSource.query('SELECT count(*)::int AS n FROM flow_events WHERE nota_id = $1', [notaId]))[0].n;

  it('carries a nota through a new version, refuses a stale decision, and packages what went to the Kamer', async () => {
    const nota = await flow.register({ route: ROUTE });
    expect((await flow.as.staff.post(`/notas/${nota.id}/submit`)).body).toMatchObject({ code: 'document_missing' });
    const v1 = await flow.addNotaDocument(nota.id, 'eerste versie');
    expect((await flow.as.staff.post(`/notas/${nota.id}/submit`)).status).toBe(202);
    // Submitted: version 1 is sealed.
    expect((await flow.as.staff.request('POST', `/notas/${nota.id}/beslisnota`, {})).status).toBe(400);
    const sealed = await flow.as.staff.get(`/notas/${nota.id}/documents`);
    expect(sealed.body).toMatchObject([{ sha256: v1, status: 'ter_vaststelling' }]);
    const late = await flow.as.staff.request('DELETE', `/documents/${sealed.body[0].id}`);
    expect(late.body).toMatchObject({ status: 409, code: 'version_sealed' });

    await flow.decide('dg', nota.id, 'approve');
    const asked = await flow.decide('bewindspersoon', nota.id, 'request_changes', {
      remarks: 'Kernpunten aanscherpen',
    });
    expect(asked.nota).toMatchObject({ status: 'changes_requested' });
    // Version 2 starts with version 1's documents; the drafter replaces the nota document.
    const carried = await flow.as.staff.get(`/notas/${nota.id}/documents?version=2`);
    expect(carried.body).toMatchObject([{ notaVersion: 2, sha256: v1, status: 'in_bewerking' }]);
    const v2 = await flow.addNotaDocument(nota.id, 'tweede versie, kernpunten aangescherpt');
    expect((await flow.as.staff.post(`/notas/${nota.id}/versions`, { note: 'Kernpunten' })).body).toMatchObject({
      version: 2,
      documentSha256: v2,
    });

    // The bewindspersoon decides again, on the text of version 1 they read before: refused, nothing recorded.
    const [task] = await flow.openTasks('bewindspersoon', nota.id);
    const before = await events(nota.id);
    const stale = await flow.as.bewindspersoon.post(`/tasks/${task.id}/decision`, {
      decision: 'approve',
      seenSha256: v1,
    });
    expect(stale.body).toMatchObject({ status: 409, code: 'stale_version', documentSha256: v2 });
    expect(await events(nota.id)).toBe(before);
    // Without the API's check, the flow's own validator refuses it before history too.
    const direct = app.client.workflow.getHandle(notaWorkflowId(nota.id)).executeUpdate(decideUpdate, {
      args: [
        {
          taskId: task.id,
          actor: { username: 'jenv.bewindspersoon', role: 'decider', organisation: 'JENV' },
          decision: 'approve',
          seenSha256: v1,
        },
      ],
    });
    await expect(direct).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
    await expect(direct.catch((e: WorkflowUpdateFailedError) => e.cause)).resolves.toMatchObject({
      type: 'StaleVersion',
    });
    expect(await events(nota.id)).toBe(before);

    // What changed between the versions, for whoever approves again.
    const changes = await flow.as.vws.get(`/notas/${nota.id}/changes`);
    expect(changes.body).toMatchObject({ from: 1, to: 2 });
    expect(changes.body.hunks.flatMap((h: any) => [h.removed, h.added]).join(' ')).toMatch(/eerste|tweede/);

    await flow.decide('bewindspersoon', nota.id, 'approve');
    await flow.decide('vws', nota.id, 'approve');
    await flow.decide('staff', nota.id, 'approve');

    const record = await flow.nota(nota.id);
    const decided = record.history.filter((e: any) => e.type === 'task_decided');
    expect(decided.map((e: any) => [e.actor, e.decision, e.seenSha256])).toEqual([
      ['jenv.dg', 'approve', v1],
      ['jenv.bewindspersoon', 'request_changes', v1],
      ['jenv.bewindspersoon', 'approve', v2],
      ['vws.signer', 'approve', v2],
      ['jenv.staff', 'approve', v2],
    ]);

    const zip = async () => {
      const response = await fetch(`${app.baseUrl}/api/v1/notas/${nota.id}/package`, {
        headers: { authorization: `Bearer ${flow.as.staff.token}` },
      });
      expect(response.headers.get('content-type')).toBe('application/zip');
      return Buffer.from(await response.arrayBuffer());
    };
    const [first, second] = [await zip(), await zip()];
    expect(first.equals(second)).toBe(true);
    const manifest = JSON.parse(storedEntry(first, 'manifest.json'));
    expect(manifest.files).toEqual([expect.objectContaining({ role: 'nota', sha256: v2 })]);
    expect(manifest.decisions.map((d: any) => d.seenSha256)).toEqual([v1, v1, v2, v2, v2]);
  });
});

/** An entry the package stores uncompressed, read from its local file header. */
function storedEntry(zip: Buffer, name: string): string {
  for (let offset = 0; offset + 30 < zip.length;) {
    if (zip.readUInt32LE(offset) !== 0x04034b50) break;
    const size = zip.readUInt32LE(offset + 18);
    const nameLength = zip.readUInt16LE(offset + 26);
    const extra = zip.readUInt16LE(offset + 28);
    const entry = zip.subarray(offset + 30, offset + 30 + nameLength).toString();
    const data = offset + 30 + nameLength + extra;
    if (entry === name) return zip.subarray(data, data + size).toString('utf8');
    offset = data + size;
  }
  throw new Error(`no ${name} in the package`);
}
