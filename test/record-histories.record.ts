import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { startTestApp, type TestApp } from './support/app';
import { FlowDriver } from './support/flow-driver';
import { DEMO_ROUTE } from './support/http';
import { testStack } from './support/stack';
import { addWorkingDays, toAmsterdamDate } from '@notaflow/calendar';
import { deadlineWatchId } from '@notaflow/temporal';

/**
 * Records the histories of the approval workflow as it is now, one per path, into test/histories/<version>/.
 * Committed, they are replayed by every later version (workflows/replay.spec.ts): a change that
 * running flows would not replay fails the tests unless it is behind patched().
 */
const VERSION = process.env.HISTORY_VERSION ?? 'v1';
const histories = (workflow: string) => path.resolve(__dirname, 'histories', workflow, VERSION);
const dir = histories('nota-flow');

/** The CLI writes the standard JSON history format that Worker.runReplayHistory reads. */
function saveHistory(file: string, workflowId: string): void {
  const { temporalBinary, temporalAddress } = testStack();
  const json = execFileSync(
    temporalBinary,
    ['workflow', 'show', '--workflow-id', workflowId, '--address', temporalAddress, '--output', 'json'],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(JSON.parse(json), null, 1)}\n`);
}

describe(`recording ${VERSION} histories`, () => {
  let app: TestApp;
  let flow: FlowDriver;
  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    app = await startTestApp();
    flow = await FlowDriver.create(app.baseUrl);
  });
  afterAll(async () => {
    await app?.close();
  });

  async function save(name: string, notaId: string) {
    const workflowId = `nota-${notaId}`;
    await app.client.workflow.getHandle(workflowId).result();
    saveHistory(path.join(dir, `${name}.json`), workflowId);
  }

  it('full route to dispatch, with a ministerraad hold', async () => {
    const nota = await flow.registerAndSubmit();
    await flow.throughDecision(nota.id);
    await flow.coSignAll(nota.id);
    await flow.decide('mr', nota.id, 'hold');
    await flow.decide('mr', nota.id, 'approve');
    await flow.decide('staff', nota.id, 'approve');
    await save('dispatched', nota.id);
  });

  it('changes requested at initialling and co-signing, new versions, then rejected', async () => {
    const nota = await flow.registerAndSubmit();
    await flow.decide('afdelingshoofd', nota.id, 'approve');
    await flow.decide('directeur', nota.id, 'request_changes');
    await flow.as.staff.post(`/notas/${nota.id}/versions`, { note: 'v2' });
    for (const who of ['directeur', 'dg', 'bewindspersoon'] as const) await flow.decide(who, nota.id, 'approve');
    await flow.decide('vws', nota.id, 'approve');
    await flow.decide('bz', nota.id, 'request_changes');
    await flow.as.staff.post(`/notas/${nota.id}/versions`, { note: 'v3' });
    await flow.decide('szw', nota.id, 'reject');
    await save('changes-then-rejected', nota.id);
  });

  it('withdrawn during co-signing', async () => {
    const nota = await flow.registerAndSubmit({
      route: { ...DEMO_ROUTE, reviewers: ['jenv.dg'], ministerraad: false },
    });
    await flow.decide('dg', nota.id, 'approve');
    await flow.decide('bewindspersoon', nota.id, 'approve');
    await flow.decide('bho', nota.id, 'approve');
    await flow.as.staff.post(`/notas/${nota.id}/withdraw`, { reason: 'ingetrokken' });
    await save('withdrawn', nota.id);
  });

  it('a route in its own order, each co-signing ministry with its own term', async () => {
    const nota = await flow.registerAndSubmit({
      route: {
        ...DEMO_ROUTE,
        reviewers: ['jenv.dg'],
        coSigners: ['VWS', 'BZ'],
        stages: ['initialling', 'co-signing', 'ministerraad', 'decision', 'dispatch'],
        coSigningDueWorkingDays: { VWS: 15, BZ: 5 },
      },
    });
    await flow.decide('dg', nota.id, 'approve');
    await flow.decide('vws', nota.id, 'approve');
    await flow.decide('bz', nota.id, 'approve');
    await flow.decide('mr', nota.id, 'approve');
    await flow.decide('bewindspersoon', nota.id, 'approve');
    await flow.decide('staff', nota.id, 'approve');
    await save('reordered', nota.id);
  });
});

/** `npm run record:histories -- -t 'deadline watch'` records only these. */
describe(`recording ${VERSION} deadline watch histories`, () => {
  let app: TestApp;
  let flow: FlowDriver;
  beforeAll(async () => {
    app = await startTestApp();
    flow = await FlowDriver.create(app.baseUrl);
  });
  afterAll(async () => {
    await app?.close();
  });

  async function save(name: string, deadlineId: string) {
    const workflowId = deadlineWatchId(deadlineId);
    await app.client.workflow.getHandle(workflowId).result();
    saveHistory(path.join(histories('deadline-watch'), `${name}.json`), workflowId);
  }

  it('postponed, then met', async () => {
    const { body: deadline } = await flow.as.staff.post('/deadlines', {
      kind: 'commissiedebat',
      title: 'Commissiedebat mensenhandel',
      dueOn: addWorkingDays(toAmsterdamDate(new Date()), 20),
    });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const { body: postponement } = await flow.as.staff.post(`/deadlines/${deadline.id}/postponements`, {
      requestedDueOn: addWorkingDays(deadline.dueOn, 10),
      reason: 'Het actieplan is nog niet gereed',
    });
    await flow.as.management.post(`/postponements/${postponement.id}/outcome`, { outcome: 'granted' });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await flow.as.staff.post(`/deadlines/${deadline.id}/status`, { status: 'met' });
    await save('postponed-then-met', deadline.id);
  });

  it('past its date when registered: missed', async () => {
    const { body: deadline } = await flow.as.staff.post('/deadlines', {
      kind: 'toezegging',
      title: 'Brief vóór de begrotingsbehandeling',
      dueOn: addWorkingDays(toAmsterdamDate(new Date()), -2),
      recurrence: 'P1Y',
    });
    await save('missed', deadline.id);
  });
});
