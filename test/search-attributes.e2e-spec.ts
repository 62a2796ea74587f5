import type { WorkflowExecutionDescription } from '@temporalio/client';
import { ONS_KENMERK_ATTRIBUTE, ORGANISATION_ATTRIBUTE, STAGE_ATTRIBUTE, notaWorkflowId } from '@notaflow/temporal';
import { startTestApp, type TestApp } from './support/app';
import { FlowDriver } from './support/flow-driver';
import { DEMO_ROUTE } from './support/http';

/**
 * An operator finds a nota's flow in the Temporal Web UI or CLI by its ons kenmerk, and sees its organisation and
 * stage: the API sets them at the start, the flow keeps the stage as it moves on, and the server answers a query.
 */
describe("a flow's search attributes", () => {
  let app: TestApp;
  let flow: FlowDriver;
  beforeAll(async () => {
    app = await startTestApp();
    flow = await FlowDriver.create(app.baseUrl);
  });
  afterAll(async () => {
    await app?.close();
  });

  const describeFlow = (notaId: string) => app.client.workflow.getHandle(notaWorkflowId(notaId)).describe();
  const attributes = (described: WorkflowExecutionDescription) => ({
    onsKenmerk: described.typedSearchAttributes.get(ONS_KENMERK_ATTRIBUTE),
    organisation: described.typedSearchAttributes.get(ORGANISATION_ATTRIBUTE),
    stage: described.typedSearchAttributes.get(STAGE_ATTRIBUTE),
  });
  /** Visibility follows the flow's own record a moment later. */
  async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const value = await read();
      if (done(value) || Date.now() > deadline) return value;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  const stageOf = async (notaId: string, stage: string) =>
    attributes(
      await eventually(
        () => describeFlow(notaId),
        (d) => attributes(d).stage === stage,
      ),
    );

  it('carries the ons kenmerk, the organisation and the stage from the start to the end', async () => {
    const nota = await flow.registerAndSubmit({
      route: { ...DEMO_ROUTE, reviewers: ['jenv.dg'], ministerraad: false },
    });
    expect(await stageOf(nota.id, 'initialling')).toEqual({
      onsKenmerk: nota.onsKenmerk,
      organisation: 'JENV',
      stage: 'initialling',
    });
    await flow.decide('dg', nota.id, 'approve');
    expect((await stageOf(nota.id, 'decision')).stage).toBe('decision');
    await flow.decide('bewindspersoon', nota.id, 'approve');
    expect((await stageOf(nota.id, 'co-signing')).stage).toBe('co-signing');
    await flow.coSignAll(nota.id);
    await flow.decide('staff', nota.id, 'approve');
    await app.client.workflow.getHandle(notaWorkflowId(nota.id)).result();
    expect(await stageOf(nota.id, 'done')).toEqual({
      onsKenmerk: nota.onsKenmerk,
      organisation: 'JENV',
      stage: 'done',
    });
  });

  it('finds the flow by its ons kenmerk, as an operator asks the Web UI', async () => {
    const nota = await flow.registerAndSubmit();
    // The test files share one Temporal server but each has a database, and so a kenmerk sequence, of its own: the
    // same kenmerk may be another file's flow. Each app has a task queue of its own.
    const ours = `TaskQueue = "${app.config.TEMPORAL_TASK_QUEUE}"`;
    const found = await eventually(
      async () => {
        const ids: string[] = [];
        for await (const execution of app.client.workflow.list({
          query: `OnsKenmerk = "${nota.onsKenmerk}" AND ${ours}`,
        })) {
          ids.push(execution.workflowId);
        }
        return ids;
      },
      (ids) => ids.length > 0,
    );
    expect(found).toEqual([notaWorkflowId(nota.id)]);
    const inStage = app.client.workflow.list({
      query: `Organisation = "JENV" AND Stage = "initialling" AND OnsKenmerk = "${nota.onsKenmerk}" AND ${ours}`,
    });
    const ids: string[] = [];
    for await (const execution of inStage) ids.push(execution.workflowId);
    expect(ids).toEqual([notaWorkflowId(nota.id)]);
  });
});
