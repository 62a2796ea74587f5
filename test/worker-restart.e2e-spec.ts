import { startTestApp, startTestWorker, type TestApp } from './support/app';
import { FlowDriver } from './support/flow-driver';

describe('a worker stopped and restarted in the middle of co-signing', () => {
  let app: TestApp;
  let flow: FlowDriver;
  beforeAll(async () => {
    app = await startTestApp();
    flow = await FlowDriver.create(app.baseUrl);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('loses no decision: one taken while no worker runs is applied when one comes back', async () => {
    const nota = await flow.registerAndSubmit();
    await flow.throughDecision(nota.id);
    await flow.decide('vws', nota.id, 'approve');
    await flow.decide('bz', nota.id, 'approve');
    const handle = app.client.workflow.getHandle(`nota-${nota.id}`);
    expect((await handle.describe()).status.name).toBe('RUNNING');

    await app.worker!.stop();
    expect(app.worker!.worker.getState()).toBe('STOPPED');
    // BHO decides while no worker runs: the flow takes it once a worker is back.
    const [bhoTask] = await flow.openTasks('bho', nota.id);
    const pending = flow.as.bho.post(`/tasks/${bhoTask.id}/decision`, {
      decision: 'approve',
      remarks: 'tijdens herstart',
      seenSha256: await flow.seen(nota.id, 'bho'),
    });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect((await handle.describe()).status.name).toBe('RUNNING');
    app.worker = await startTestWorker(app.config, app.dataSource);

    const bho = await pending;
    expect(bho.status).toBe(200);
    expect(bho.body.task).toMatchObject({ organisation: 'BHO', decision: 'approve', remarks: 'tijdens herstart' });
    await flow.decide('szw', nota.id, 'approve');
    await flow.decide('mr', nota.id, 'approve');
    await flow.decide('staff', nota.id, 'approve');
    await expect(handle.result()).resolves.toEqual({ status: 'dispatched' });

    const decided = await app.dataSource.query(
      `SELECT organisation, count(*)::int AS n FROM flow_events
       WHERE nota_id = $1 AND type = 'task_decided' AND stage = 'co-signing' GROUP BY organisation ORDER BY organisation`,
      [nota.id],
    );
    expect(decided).toEqual(['BHO', 'BZ', 'SZW', 'VWS'].map((organisation) => ({ organisation, n: 1 })));
    const [{ duplicates }] = await app.dataSource.query(
      'SELECT count(*) - count(DISTINCT seq) AS duplicates FROM flow_events WHERE nota_id = $1',
      [nota.id],
    );
    expect(Number(duplicates)).toBe(0);
  });
});
