import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { buildRouteTemplate, type TaskHolder } from '@notaflow/domain';
import { FlowSteps } from '../../../../test/support/flow-steps';
import { openTestRegistry } from '../../../../test/support/registry';
import { TransitionRepository } from './transition.repository';
import { listenToTaskHolders, TASK_HOLDERS_CHANNEL } from './task.repository';

/** Who is told, and when, that tasks they hold opened or closed: what the API's inbox cache forgets by. */
describe(listenToTaskHolders.name, () => {
  let db: DataSource;
  let steps: FlowSteps;
  let heard: (TaskHolder[] | null)[];
  let lost: unknown[];
  let listening: { close(): Promise<void> };
  let notaId: string;

  beforeAll(async () => {
    db = await openTestRegistry();
    steps = new FlowSteps(db);
    listening = await listenToTaskHolders(db, {
      changed: (holders) => heard.push(holders),
      lost: (error) => lost.push(error),
    });
    notaId = randomUUID();
    await db.query(
      `INSERT INTO notas (id, ons_kenmerk, title, dossier, organisation_code, created_by, route)
       VALUES ($1, nextval('ons_kenmerk_seq')::text, 'Voortgang', '28 638', 'JENV', 'jenv.staff', $2)`,
      [
        notaId,
        JSON.stringify(
          buildRouteTemplate({
            reviewers: [],
            decider: 'jenv.bewindspersoon',
            coSigners: ['VWS'],
            ministerraad: false,
          }),
        ),
      ],
    );
  });
  beforeEach(() => {
    heard = [];
    lost = [];
  });
  afterAll(async () => {
    await listening?.close();
    await db?.destroy();
  });

  const news = async (count: number) => {
    for (let i = 0; i < 100 && heard.length < count; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    return heard;
  };

  it('names the holders of the tasks a step opens, once it has committed', async () => {
    await steps.openTask(notaId, { type: 'co-sign', stage: 'co-signing', organisation: 'VWS' });
    await expect(news(1)).resolves.toEqual([[{ type: 'co-sign', organisation: 'VWS', assignee: null }]]);
  });

  it('names the holder of a task it closes, read from the task', async () => {
    const id = await steps.openTask(notaId, {
      type: 'decide',
      stage: 'decision',
      organisation: 'JENV',
      assignee: 'jenv.bewindspersoon',
    });
    await news(1);
    heard = [];
    await steps.decideTask(notaId, { id, organisation: 'JENV' }, 'approve', 'jenv.bewindspersoon');
    await expect(news(1)).resolves.toEqual([
      [{ type: 'decide', organisation: 'JENV', assignee: 'jenv.bewindspersoon' }],
    ]);
  });

  it('tells nothing of a step that writes no task, nor of one that rolls back', async () => {
    await steps.write(notaId, { events: [{ type: 'task_reminded', organisation: 'VWS' }] });
    await db
      .transaction(async (tx) => {
        await new TransitionRepository(tx).record({
          workflowId: `nota-${notaId}`,
          notaId,
          at: new Date().toISOString(),
          events: [],
          open: [
            {
              id: randomUUID(),
              type: 'co-sign',
              stage: 'co-signing',
              organisation: 'BZ',
              assignee: null,
              version: 1,
              createdAt: new Date().toISOString(),
              dueAt: new Date().toISOString(),
              remindAt: null,
              meetingOn: null,
            },
          ],
        });
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    await db.query('SELECT pg_notify($1, $2)', [TASK_HOLDERS_CHANNEL, 'not json']);
    await expect(news(1)).resolves.toEqual([null]);
    expect(lost).toEqual([]);
  });
});
