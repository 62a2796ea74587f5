import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { Actor, TaskHolder } from '@notaflow/domain';
import { listenToTaskHolders, type TaskHolderEvents, type TaskView } from '@notaflow/persistence';
import { InboxCache } from './inbox-cache';

jest.mock('@notaflow/persistence', () => ({ listenToTaskHolders: jest.fn() }));
const listen = listenToTaskHolders as jest.MockedFunction<typeof listenToTaskHolders>;

const vws: Actor = { username: 'vws.signer', role: 'cosigner', organisation: 'VWS' };
const bz: Actor = { username: 'bz.signer', role: 'cosigner', organisation: 'BZ' };
const dg: Actor = { username: 'jenv.dg', role: 'reviewer', organisation: 'JENV' };
const coSign = (organisation: string): TaskHolder => ({ type: 'co-sign', organisation, assignee: null });

describe(InboxCache.name, () => {
  let events: TaskHolderEvents;
  let sut: InboxCache;
  let reads: number;
  const read =
    (tasks: Partial<TaskView>[] = [{ id: 'a' }]) =>
    () => {
      reads++;
      return Promise.resolve(tasks as TaskView[]);
    };

  beforeEach(async () => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    reads = 0;
    listen.mockReset();
    listen.mockImplementation((_db, e) => {
      events = e;
      return Promise.resolve({ close: () => Promise.resolve() });
    });
    sut = new InboxCache({} as DataSource);
    sut.onModuleInit();
    await new Promise((resolve) => setImmediate(resolve));
  });
  afterEach(() => sut.onApplicationShutdown());

  it('answers a holder from what it kept, with a strong ETag naming the bytes', async () => {
    const first = await sut.answer(vws, read());
    const second = await sut.answer(vws, read());
    expect(reads).toBe(1);
    expect(second).toEqual(first);
    expect(first.body).toBe('[{"id":"a"}]');
    expect(first.etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
  });

  it("forgets only the inboxes of the tasks' holders", async () => {
    await sut.answer(vws, read());
    await sut.answer(bz, read());
    await sut.answer(dg, read());
    events.changed([coSign('VWS'), { type: 'initial', organisation: 'JENV', assignee: 'jenv.directeur' }]);
    await sut.answer(vws, read());
    await sut.answer(bz, read());
    await sut.answer(dg, read());
    expect(reads).toBe(4);
  });

  it('forgets everything on news it cannot read, and after a decision taken here', async () => {
    await sut.answer(vws, read());
    events.changed(null);
    await sut.answer(vws, read());
    sut.forgetAll();
    await sut.answer(vws, read());
    expect(reads).toBe(3);
  });

  it('does not keep an answer read while news arrived: it may predate the news', async () => {
    let release: () => void = () => undefined;
    const slow = () =>
      new Promise<TaskView[]>((resolve) => {
        reads++;
        release = () => resolve([]);
      });
    const pending = sut.answer(vws, slow);
    events.changed([coSign('BZ')]);
    release();
    await pending;
    await sut.answer(vws, read());
    expect(reads).toBe(2);
  });

  it('keeps nothing while it does not listen, and listens again', async () => {
    jest.useFakeTimers();
    try {
      events.lost(new Error('gone'));
      await sut.answer(vws, read());
      await sut.answer(vws, read());
      expect(reads).toBe(2);
      await jest.advanceTimersByTimeAsync(1000);
      expect(listen).toHaveBeenCalledTimes(2);
      await sut.answer(vws, read());
      await sut.answer(vws, read());
      expect(reads).toBe(3);
    } finally {
      jest.useRealTimers();
    }
  });
});
