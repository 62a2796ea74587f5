import type { DataSource } from 'typeorm';
import { demoActor, openTestRegistry } from '../../../../test/support/registry';
import { NotificationRepository, type NewNotification, type OutboxEmail } from './notification.repository';
import { OrganisationRepository } from './organisation.repository';

/** The outbox on a real PostgreSQL: recorded once with its emails, each email sent once, none lost. */
describe(NotificationRepository.name, () => {
  let db: DataSource;
  let sut: NotificationRepository;

  beforeAll(async () => {
    db = await openTestRegistry();
    sut = new NotificationRepository(db);
    await new OrganisationRepository(db).fillMissingMailboxes([{ code: 'VWS', mailbox: 'postbus@vws.example' }]);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  const notification = (key: string, to: Partial<NewNotification>): NewNotification => ({
    key,
    kind: 'task_assigned',
    recipientOrganisation: 'JENV',
    recipientUsername: null,
    subject: `Onderwerp ${key}`,
    body: 'Tekst',
    ...to,
  });
  const outbox = (notificationId: string) =>
    db.query(`SELECT recipient, status, attempts FROM email_outbox WHERE notification_id = $1`, [notificationId]);

  it("records a notification once by its key, with an email to the user's own address", async () => {
    const first = await sut.record(notification('user', { recipientUsername: 'jenv.directeur' }), true);
    await expect(sut.record(notification('user', { subject: 'Later' }), true)).resolves.toBe(first);
    await expect(sut.idOf('user')).resolves.toBe(first);
    await expect(outbox(first)).resolves.toEqual([
      { recipient: expect.stringContaining('@'), status: 'pending', attempts: 0 },
    ]);
    const [listed] = await sut.listFor(demoActor('jenv.directeur'), { limit: 10 });
    expect(listed).toMatchObject({ id: first, subject: 'Onderwerp user' });
  });

  it("emails an organisation's mailbox, and keeps in-app only what has no address or no email", async () => {
    const vws = await sut.record(notification('vws', { recipientOrganisation: 'VWS' }), true);
    const bz = await sut.record(notification('bz', { recipientOrganisation: 'BZ' }), true);
    const inApp = await sut.record(notification('in-app', { recipientUsername: 'jenv.directeur' }), false);
    await expect(outbox(vws)).resolves.toEqual([{ recipient: 'postbus@vws.example', status: 'pending', attempts: 0 }]);
    await expect(outbox(bz)).resolves.toEqual([]);
    await expect(outbox(inApp)).resolves.toEqual([]);
  });

  it('sends each pending email once; a failure keeps it pending, counted, for the next attempt', async () => {
    const id = await sut.record(notification('deliver', { recipientOrganisation: 'VWS' }), true);
    const failure = new Error('mail server down');
    await expect(sut.deliver(id, () => Promise.reject(failure))).rejects.toBe(failure);
    await expect(outbox(id)).resolves.toEqual([{ recipient: 'postbus@vws.example', status: 'pending', attempts: 1 }]);

    const sent: OutboxEmail[] = [];
    const send = (email: OutboxEmail) => {
      sent.push(email);
      return Promise.resolve();
    };
    await expect(sut.deliver(id, send)).resolves.toBe(1);
    await expect(sut.deliver(id, send)).resolves.toBe(0);
    expect(sent).toEqual([
      { id: expect.any(String), recipient: 'postbus@vws.example', subject: 'Onderwerp deliver', body: 'Tekst' },
    ]);
    await expect(outbox(id)).resolves.toEqual([{ recipient: 'postbus@vws.example', status: 'sent', attempts: 2 }]);
  });
});
