import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { buildRouteTemplate, type Actor } from '@notaflow/domain';
import { createDataSource, TaskRepository } from '@notaflow/persistence';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { FlowSteps } from '../../../../test/support/flow-steps';
import { demoActor, openTestRegistry } from '../../../../test/support/registry';
import { InboxCache } from './inbox-cache';

const vws = demoActor('vws.signer');
const bz = demoActor('bz.signer');
const open = { status: 'open' as const, limit: 50, offset: 0 };
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Two replicas of the API on one registry: the flow's transitions are written through one (its DataSource, as the
 * worker's activities write them), the other answers inboxes from its cache. What it keeps must never outlive the
 * news of a transition that touched the holder, whichever connection wrote it.
 */
describe(`${InboxCache.name} across replicas`, () => {
  let writer: DataSource;
  let replica: DataSource;
  let steps: FlowSteps;
  let cache: InboxCache;
  let tasks: TaskRepository;
  let reads: number;
  let notaId: string;

  const fromDatabase = (actor: Actor) => tasks.listHeld(actor, open);
  const answer = (actor: Actor) =>
    cache.answer(actor, () => {
      reads++;
      return fromDatabase(actor);
    });
  const ids = (body: string) => (JSON.parse(body) as { id: string }[]).map((t) => t.id).sort();
  /** Asks until the replica answers what the registry holds; answers how long that took, in ms. */
  const freshWithin = async (actor: Actor, ms: number) => {
    const began = Date.now();
    const wanted = JSON.stringify(await fromDatabase(actor));
    while ((await answer(actor)).body !== wanted) {
      if (Date.now() - began > ms) throw new Error(`${actor.username}'s inbox still stale after ${ms} ms`);
      await pause(1);
    }
    return Date.now() - began;
  };

  beforeAll(async () => {
    writer = await openTestRegistry();
    const url = (writer.options as PostgresConnectionOptions).url!;
    replica = await createDataSource({ url, poolSize: 4 }).initialize();
    steps = new FlowSteps(writer);
    tasks = new TaskRepository(replica);
    cache = new InboxCache(replica);
    cache.onModuleInit();
    notaId = randomUUID();
    await writer.query(
      `INSERT INTO notas (id, ons_kenmerk, title, dossier, organisation_code, created_by, route)
       VALUES ($1, nextval('ons_kenmerk_seq')::text, 'Voortgang', '28 638', 'JENV', 'jenv.staff', $2)`,
      [
        notaId,
        JSON.stringify(
          buildRouteTemplate({
            reviewers: [],
            decider: 'jenv.bewindspersoon',
            coSigners: ['VWS', 'BZ'],
            ministerraad: false,
          }),
        ),
      ],
    );
    // Until it listens it keeps nothing: from then on a second answer comes from what it kept.
    await cache.listeningOnce;
    reads = 0;
    await answer(vws);
    await answer(vws);
    expect(reads).toBe(1);
  }, 60_000);
  beforeEach(() => {
    reads = 0;
  });
  afterAll(async () => {
    await cache?.onApplicationShutdown();
    await replica?.destroy();
    await writer?.destroy();
  });

  it('answers from what it kept until another replica opens a task of the holder, then the registry again', async () => {
    const before = await answer(vws);
    await answer(vws);
    expect(reads).toBe(0);

    const id = await steps.openTask(notaId, { type: 'co-sign', stage: 'co-signing', organisation: 'VWS' });
    await freshWithin(vws, 2000);
    const after = await answer(vws);
    expect(ids(after.body)).toEqual([...ids(before.body), id].sort());
    expect(after.etag).not.toBe(before.etag);
  });

  it("keeps another holder's inbox when the news is not theirs, and forgets theirs when a task of theirs closes", async () => {
    const id = await steps.openTask(notaId, { type: 'co-sign', stage: 'co-signing', organisation: 'BZ' });
    await freshWithin(bz, 2000);
    await freshWithin(vws, 2000);
    reads = 0;
    await steps.openTask(notaId, { type: 'co-sign', stage: 'co-signing', organisation: 'VWS' });
    await freshWithin(vws, 2000);
    const readsForVws = reads;
    await answer(bz);
    expect(reads).toBe(readsForVws);

    await steps.decideTask(notaId, { id, organisation: 'BZ' }, 'approve', 'bz.signer');
    await freshWithin(bz, 2000);
    expect(ids((await answer(bz)).body)).not.toContain(id);
  });

  it('never keeps an answer that a transition overtook, under reads racing writes', async () => {
    let writing = true;
    const written: string[] = [];
    const writes = (async () => {
      try {
        for (let i = 0; i < 30; i++) {
          written.push(await steps.openTask(notaId, { type: 'co-sign', stage: 'co-signing', organisation: 'VWS' }));
        }
      } finally {
        writing = false;
      }
    })();
    // Answers from what it kept resolve without I/O: yield to the event loop, or the writes never get their turn.
    while (writing) {
      await Promise.all([answer(vws), answer(vws), answer(vws)]);
      await pause(0);
    }
    await writes;
    await freshWithin(vws, 2000);
    // Settled: what it keeps now is what the registry holds, and it keeps answering that.
    const wanted = JSON.stringify(await fromDatabase(vws));
    for (let i = 0; i < 20; i++) {
      expect((await answer(vws)).body).toBe(wanted);
      await pause(5);
    }
    expect(ids(wanted)).toEqual(expect.arrayContaining(written));
  });
});
