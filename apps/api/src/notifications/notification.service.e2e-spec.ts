import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { NotificationRepository, type NewNotification } from '@notaflow/persistence';
import { demoActor, openTestRegistry } from '../../../../test/support/registry';
import { AppException } from '../common/app.exception';
import { NotificationService } from './notification.service';

const afdelingshoofd = demoActor('jenv.afdelingshoofd');
const directeur = demoActor('jenv.directeur');
const vws = demoActor('vws.signer');
const bz = demoActor('bz.signer');

describe(NotificationService.name, () => {
  let db: DataSource;
  let sut: NotificationService;
  const id: Record<string, string> = {};

  beforeAll(async () => {
    db = await openTestRegistry();
    const notifications = new NotificationRepository(db);
    sut = new NotificationService(notifications);
    const notify = async (key: string, at: string, to: Partial<NewNotification>) => {
      id[key] = await notifications.record(
        {
          key,
          kind: 'task_reminder',
          recipientOrganisation: 'JENV',
          recipientUsername: null,
          subject: key,
          body: 'Termijn',
          at,
          ...to,
        },
        false,
      );
    };
    await notify('for the afdelingshoofd', '2026-11-02T09:00:00.000Z', { recipientUsername: 'jenv.afdelingshoofd' });
    await notify('for JENV', '2026-11-03T09:00:00.000Z', {});
    await notify('for VWS', '2026-11-04T09:00:00.000Z', { recipientOrganisation: 'VWS' });
    await notify('for the directeur', '2026-11-05T09:00:00.000Z', { recipientUsername: 'jenv.directeur' });
  });
  afterAll(async () => {
    await db?.destroy();
  });

  const subjects = async (actor = afdelingshoofd, query = {}) => (await sut.list(actor, query)).map((n) => n.subject);

  it("lists the caller's own and their organisation's notifications, newest first", async () => {
    expect(await subjects(afdelingshoofd)).toEqual(['for JENV', 'for the afdelingshoofd']);
    expect(await subjects(directeur)).toEqual(['for the directeur', 'for JENV']);
    expect(await subjects(vws)).toEqual(['for VWS']);
    expect(await subjects(bz)).toEqual([]);
    expect(await subjects(afdelingshoofd, { limit: 1 })).toEqual(['for JENV']);
  });

  it('marks one read once, and lists only the unread when asked', async () => {
    const read = await sut.markRead(afdelingshoofd, id['for JENV']);
    expect(read).toMatchObject({ id: id['for JENV'], readAt: expect.any(String) });
    await expect(sut.markRead(directeur, id['for JENV'])).resolves.toMatchObject({ readAt: read.readAt });
    expect(await subjects(afdelingshoofd, { unread: true })).toEqual(['for the afdelingshoofd']);
  });

  it("answers another's notification as one that does not exist", async () => {
    for (const notification of [id['for VWS'], id['for the directeur'], randomUUID(), 'not-an-id']) {
      const refused = await sut.markRead(afdelingshoofd, notification).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(AppException);
      expect((refused as AppException).code).toBe('notification_not_found');
    }
    expect((await sut.list(vws, { unread: true })).map((n) => n.subject)).toEqual(['for VWS']);
  });
});
