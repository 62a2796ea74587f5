import { Context } from '@temporalio/activity';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createActivities } from '@notaflow/activities';
import { startTestApp, workflowBundle, type TestApp } from './support/app';
import { FlowDriver } from './support/flow-driver';
import { DEMO_ROUTE } from './support/http';

/**
 * A task's announcement runs beside the flow. When it cannot be written at once (the database away for a while) and
 * the task is decided meanwhile, the flow may reach its end before the announcement is written: the run must wait for
 * it (v3, `patched('await-notifications')`), else the notification is lost with the closed run.
 */
describe('an announcement still being written when the flow ends', () => {
  let app: TestApp;
  let flow: FlowDriver;
  let connection: NativeConnection;
  let worker: Worker;
  let running: Promise<void>;
  const failedAttempts: number[] = [];

  beforeAll(async () => {
    app = await startTestApp({ worker: false });
    flow = await FlowDriver.create(app.baseUrl);
    connection = await NativeConnection.connect({ address: app.config.TEMPORAL_ADDRESS });
    const activities = createActivities({ dataSource: app.dataSource });
    worker = await Worker.create({
      connection,
      namespace: app.config.TEMPORAL_NAMESPACE,
      taskQueue: app.config.TEMPORAL_TASK_QUEUE,
      workflowBundle: await workflowBundle(),
      activities: {
        ...activities,
        // The real activity, but the announcement of the dispatch task fails its first two attempts, as it would
        // while PostgreSQL restarts; the retry policy brings it through about 3 s later.
        async notify(input: Parameters<typeof activities.notify>[0]) {
          const { attempt } = Context.current().info;
          if (input.kind === 'task_assigned' && 'task' in input && input.task.type === 'dispatch' && attempt <= 2) {
            failedAttempts.push(attempt);
            throw new Error('connect ECONNREFUSED (the database is restarting)');
          }
          return activities.notify(input);
        },
      },
    });
    running = worker.run();
  });

  afterAll(async () => {
    if (worker?.getState() === 'RUNNING') worker.shutdown();
    await running;
    await connection?.close();
    await app?.close();
  });

  it('closes the run only once the announcement is written', async () => {
    const nota = await flow.registerAndSubmit({
      route: { ...DEMO_ROUTE, reviewers: ['jenv.dg'], coSigners: [], ministerraad: false },
    });
    await flow.decide('dg', nota.id, 'approve');
    await flow.decide('bewindspersoon', nota.id, 'approve');
    // Sent to the Kamer at once, while the dispatch task's announcement is still failing.
    await flow.decide('staff', nota.id, 'approve');
    const handle = app.client.workflow.getHandle(`nota-${nota.id}`);
    await expect(handle.result()).resolves.toEqual({ status: 'dispatched' });
    expect(failedAttempts).toEqual([1, 2]);

    // Written before the run closed: no waiting here.
    const announced: { type: string; n: number }[] = await app.dataSource.query(
      `SELECT t.type, count(n.id)::int AS n FROM tasks t
         LEFT JOIN notifications n ON n.task_id = t.id AND n.kind = 'task_assigned'
        WHERE t.nota_id = $1 GROUP BY t.type, t.created_at ORDER BY t.created_at`,
      [nota.id],
    );
    expect(announced).toEqual([
      { type: 'initial', n: 1 },
      { type: 'decide', n: 1 },
      { type: 'dispatch', n: 1 },
    ]);
    const inbox = (await flow.as.staff.get('/notifications')).body.filter((n: any) => n.notaId === nota.id);
    expect(inbox.map((n: any) => n.subject)).toContainEqual(
      expect.stringMatching(/^Nieuwe taak \(verzending aan de Kamer\)/),
    );
  });
});
