import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { STAGE_ATTRIBUTE } from '@notaflow/temporal';
import {
  ANNOUNCE_TASKS_PATCH,
  AWAIT_NOTIFICATIONS_PATCH,
  SEARCH_ATTRIBUTES_PATCH,
} from '../workflows/nota-flow/patches';
import { workflowBundleOptions } from '../apps/worker/src/bundle';
import { startTestApp, startTestWorker, type TestApp } from './support/app';
import { FlowDriver } from './support/flow-driver';
import { DEMO_ROUTE } from './support/http';
import { eventually } from './support/time-skipping';

const silent = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };

/**
 * The versioning drill: v2 of the approval workflow announces every new task (behind `patched()`). A flow started on
 * a v1 worker (the released code, frozen in test/releases/nota-flow-v1) is taken over by a v2 worker halfway and
 * completes; what v1 did is replayed as v1 did it, and only the tasks opened after the switch are announced.
 */
describe('a running v1 flow completes on a v2 worker', () => {
  let app: TestApp;
  let flow: FlowDriver;

  beforeAll(async () => {
    app = await startTestApp({ worker: false });
    flow = await FlowDriver.create(app.baseUrl);
  });
  afterAll(async () => {
    await app?.close();
  });

  async function startV1Worker() {
    const { code } = await bundleWorkflowCode({
      ...workflowBundleOptions(),
      workflowsPath: path.resolve(__dirname, 'releases/nota-flow-v1'),
      logger: silent,
    });
    return startTestWorker(app.config, app.dataSource, { code });
  }

  const announcements = (notaId: string): Promise<{ task_id: string; recipient_username: string | null }[]> =>
    app.dataSource.query(
      `SELECT n.task_id, n.recipient_username, n.recipient_organisation FROM notifications n
         JOIN tasks t ON t.id = n.task_id
        WHERE n.nota_id = $1 AND n.kind = 'task_assigned' ORDER BY t.created_at, t.organisation`,
      [notaId],
    );
  const tasksOf = (notaId: string): Promise<{ id: string; type: string; assignee: string | null }[]> =>
    app.dataSource.query(`SELECT id, type, assignee FROM tasks WHERE nota_id = $1 ORDER BY created_at, organisation`, [
      notaId,
    ]);

  it('takes over a flow from v1, announcing only the tasks it opens itself', async () => {
    const v1 = await startV1Worker();
    const nota = await flow.registerAndSubmit({ route: { ...DEMO_ROUTE, coSigners: ['VWS', 'BZ'] } });
    await flow.decide('afdelingshoofd', nota.id, 'approve');
    const handle = app.client.workflow.getHandle(`nota-${nota.id}`);
    expect((await handle.describe()).status.name).toBe('RUNNING');
    // v1 opened the first two initialling tasks and announced neither.
    expect(await tasksOf(nota.id)).toHaveLength(2);
    expect(await announcements(nota.id)).toEqual([]);
    await v1.stop();

    app.worker = await startTestWorker(app.config, app.dataSource);
    await flow.decide('directeur', nota.id, 'approve');
    await flow.decide('dg', nota.id, 'approve');
    await flow.decide('bewindspersoon', nota.id, 'approve');
    await flow.decide('vws', nota.id, 'approve');
    await flow.decide('bz', nota.id, 'approve');
    await flow.decide('mr', nota.id, 'approve');
    await flow.decide('staff', nota.id, 'approve');
    await expect(handle.result()).resolves.toEqual({ status: 'dispatched' });

    const tasks = await tasksOf(nota.id);
    // The tasks v1 opened (afdelingshoofd, directeur) were not announced; every later one once.
    await eventually(
      'the last announcement',
      () => announcements(nota.id),
      (rows) => rows.length === tasks.length - 2,
    );
    const announcedAll = await announcements(nota.id);
    expect(announcedAll.map((a) => a.task_id)).toEqual(tasks.slice(2).map((t) => t.id));
    expect(announcedAll[0]).toMatchObject({ recipient_username: 'jenv.dg' });
    const { events } = await handle.fetchHistory();
    // The patch markers that tell later replays where the announcing began, where the flow first kept its search
    // attributes (the first stage it entered on the new code), and that the close waited for the announcements.
    const markers = events!.flatMap((e) => (e.markerRecordedEventAttributes ? [e.markerRecordedEventAttributes] : []));
    expect(markers.map((m) => m.markerName)).toEqual(['core_patch', 'core_patch', 'core_patch']);
    const patchOf = (marker: (typeof markers)[number]) =>
      Object.values(marker.details ?? {})
        .flatMap((payloads) => payloads.payloads ?? [])
        .map((payload) => Buffer.from(payload.data ?? []).toString())
        .join();
    expect(patchOf(markers[0])).toContain(ANNOUNCE_TASKS_PATCH);
    expect(patchOf(markers[1])).toContain(SEARCH_ATTRIBUTES_PATCH);
    expect(patchOf(markers[2])).toContain(AWAIT_NOTIFICATIONS_PATCH);
    expect((await handle.describe()).typedSearchAttributes.get(STAGE_ATTRIBUTE)).toBe('done');
  });

  it('announces every task of a flow that starts on v2', async () => {
    const nota = await flow.registerAndSubmit({ route: { ...DEMO_ROUTE, reviewers: ['jenv.dg'], coSigners: [] } });
    await flow.decide('dg', nota.id, 'approve');
    const tasks = await tasksOf(nota.id);
    // The announcement goes out beside the flow, not in the way of the decision's answer.
    const announced = await eventually(
      'the announcements',
      () => announcements(nota.id),
      (rows) => rows.length === tasks.length,
    );
    expect(announced.map((a) => a.task_id)).toEqual(tasks.map((t) => t.id));
    const inbox = (await flow.as.dg.get('/notifications')).body.filter((n: any) => n.notaId === nota.id);
    expect(inbox.map((n: any) => n.kind)).toEqual(['task_assigned']);
    expect(inbox[0].subject).toMatch(/^Nieuwe taak \(parafering\)/);
  });
});
