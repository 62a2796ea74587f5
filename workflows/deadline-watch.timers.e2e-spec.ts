import os from 'node:os';
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { Client, type WorkflowHandle } from '@temporalio/client';
import type { LogEntry } from '@temporalio/worker';
import { createSmtpMailer, temporalDeadlineWatches, type DeadlineWatches, type Mailer } from '@notaflow/activities';
import {
  addWorkingDays,
  amsterdamEndOfDayInstant,
  isWorkingDay,
  toAmsterdamDate,
  type IsoDate,
} from '@notaflow/calendar';
import { addIsoPeriod, demoMailbox } from '@notaflow/domain';
import { DeadlineRepository } from '@notaflow/persistence';
import { deadlineScheduleQuery, deadlineWatchId, type DeadlineWatchOutcome } from '@notaflow/temporal';
import { reminderInstant } from '../activities/office-hours';
import { freePort } from '../scripts/lib/ports';
import { caughtMail, startMailCatcher, type RunningMailCatcher } from '../scripts/lib/mail-catcher';
import { eventually, startTimeSkippingStack, type TimeSkippingStack } from '../test/support/time-skipping';

/**
 * The watch of a Kamer deadline on Temporal's time-skipping test server: reminders at 10, 5 and 1 working days
 * before, the miss at the end of the due day, a postponement that moves the running watch's timers — weeks pass
 * in seconds, with the real activities writing to PostgreSQL and emailing through a real SMTP server (maildev).
 */
describe('deadline watches (time-skipping)', () => {
  let stack: TimeSkippingStack;
  let catcher: RunningMailCatcher;
  let mailer: Mailer;
  let client: Client;
  let watches: DeadlineWatches;
  let mailDir: string;
  let smtpPort: number;
  let webPort: number;
  /** Problems a test expects (a mail server it stopped), not counted against it. */
  let expected: RegExp[] = [];

  beforeAll(async () => {
    mailDir = mkdtempSync(path.join(os.tmpdir(), 'notaflow-mail-'));
    [smtpPort, webPort] = [await freePort(), await freePort()];
    catcher = await startCatcher();
    mailer = createSmtpMailer({ url: catcher.smtpUrl, from: 'notaflow <notaflow@notaflow.example>' });
    stack = await startTimeSkippingStack({ mailer });
    await stack.dataSource.query(`UPDATE organisations SET mailbox = $2 WHERE code = $1`, [
      'JENV',
      demoMailbox('JENV'),
    ]);
  }, 300_000);

  beforeEach(async () => {
    await stack.beforeEach();
    // A plain client: the environment's own one unlocks time skipping while it waits for a result, which lets the
    // server's clock run off on its own. Here the clock moves only when a test says so (skipUntil).
    client = new Client({ connection: stack.env.connection, namespace: stack.env.namespace ?? 'default' });
    watches = temporalDeadlineWatches(client, stack.taskQueue, stack.dataSource);
  });

  afterEach(async () => {
    const line = (p: LogEntry) =>
      `${p.level} ${p.message} ${JSON.stringify(p.meta ?? {}, (_, v) => (typeof v === 'bigint' ? String(v) : v))}`;
    const seen = (await stack.afterEach()).map(line).filter((line) => !expected.some((e) => e.test(line)));
    expected = [];
    expect(seen).toEqual([]);
  });

  afterAll(async () => {
    await stack?.stop();
    mailer?.close();
    await catcher?.stop();
    rmSync(mailDir, { recursive: true, force: true });
  });

  const startCatcher = () =>
    startMailCatcher({ smtpPort, webPort, mailDir, logFile: path.join(mailDir, 'maildev.log') });

  /** Today in The Hague by the test server's clock, which the time skipping moves on. */
  const today = async (): Promise<IsoDate> => toAmsterdamDate(new Date(await stack.env.currentTimeMs()));

  async function register(
    dueOn: IsoDate,
    extra: { recurrence?: string; leads?: number[]; title?: string } = {},
  ): Promise<string> {
    const [{ id }] = await stack.dataSource.query(
      `INSERT INTO deadlines (kind, title, due_on, original_due_on, dossier, organisation_code, recurrence,
                              reminder_lead_working_days, created_by)
       VALUES ('toezegging', $1, $2, $2, '28 638', 'JENV', $3, $4, 'jenv.staff') RETURNING id`,
      [
        extra.title ?? 'Kamerbrief over de kosten van het Actieplan',
        dueOn,
        extra.recurrence ?? null,
        extra.leads ?? [10, 5, 1],
      ],
    );
    return id;
  }

  /** As the API does: the record first, then the watch (started, or signalled when it runs). */
  async function watch(deadlineId: string): Promise<WorkflowHandle> {
    await watches.ensure([deadlineId]);
    const handle = client.workflow.getHandle(deadlineWatchId(deadlineId));
    return handle;
  }

  const notificationsOf = (deadlineId: string) =>
    stack.dataSource.query(
      `SELECT dedupe_key, kind, recipient_organisation, recipient_username, created_at, subject
         FROM notifications WHERE deadline_id = $1 ORDER BY created_at, dedupe_key`,
      [deadlineId],
    ) as Promise<
      { dedupe_key: string; kind: string; recipient_organisation: string; created_at: Date; subject: string }[]
    >;
  const outboxOf = (deadlineId: string) =>
    stack.dataSource.query(
      `SELECT o.id, o.recipient, o.status, o.attempts, o.last_error
         FROM email_outbox o JOIN notifications n ON n.id = o.notification_id
        WHERE n.deadline_id = $1 ORDER BY o.created_at`,
      [deadlineId],
    ) as Promise<{ id: string; recipient: string; status: string; attempts: number; last_error: string | null }[]>;
  const mailAbout = async (title: string) =>
    (await caughtMail(catcher.webUrl)).filter((m) => m.subject.includes(title));

  it('reminds at 10, 5 and 1 working days before at 9:00, then closes the deadline as missed', async () => {
    const dueOn = addWorkingDays(await today(), 15);
    const title = `Toezegging ${dueOn} herinneringen`;
    const id = await register(dueOn, { title });
    const handle = await watch(id);

    await stack.skipUntil(new Date(amsterdamEndOfDayInstant(dueOn).getTime() + 60_000));
    const outcome: DeadlineWatchOutcome = await handle.result();
    expect(outcome).toEqual({ status: 'missed' });

    const expectedReminders = [10, 5, 1].map((lead) => reminderInstant(addWorkingDays(dueOn, -lead)));
    for (const at of expectedReminders) expect(isWorkingDay(toAmsterdamDate(at))).toBe(true);
    const notifications = await notificationsOf(id);
    expect(notifications.map((n) => n.kind)).toEqual([...Array(3).fill('deadline_reminder'), 'deadline_missed']);
    // Each at its moment by the workflow's clock (the test server may add the few real milliseconds it takes).
    const moments = [...expectedReminders, new Date(amsterdamEndOfDayInstant(dueOn).getTime() + 1)];
    notifications.forEach((n, i) => {
      expect(n.created_at.getTime()).toBeGreaterThanOrEqual(moments[i].getTime());
      expect(n.created_at.getTime()).toBeLessThan(moments[i].getTime() + 60_000);
    });
    expect(notifications.every((n) => n.recipient_organisation === 'JENV')).toBe(true);
    expect(notifications[2].subject).toContain('over 1 werkdag');

    const [deadline] = await stack.dataSource.query(`SELECT status, closed_at FROM deadlines WHERE id = $1`, [id]);
    expect(deadline.status).toBe('missed');

    // One email per notification, to the organisation's mailbox, sent once each.
    expect((await outboxOf(id)).map((o) => [o.recipient, o.status])).toEqual(
      Array(4).fill([demoMailbox('JENV'), 'sent']),
    );
    const mail = await mailAbout(title);
    expect(mail).toHaveLength(4);
    expect(new Set(mail.map((m) => m.messageId)).size).toBe(4);
    expect(mail.every((m) => m.to[0].address === demoMailbox('JENV'))).toBe(true);
  });

  it('moves the running watch to a granted postponement, and stops it when the deadline is met', async () => {
    const dueOn = addWorkingDays(await today(), 8);
    const id = await register(dueOn);
    const handle = await watch(id);
    const firstRun = (await handle.describe()).runId;

    // The 10-day reminder had passed when the deadline was registered; the 5-day one comes.
    await stack.skipUntil(new Date(reminderInstant(addWorkingDays(dueOn, -5)).getTime() + 60_000));
    await eventually(
      'the 5-day reminder',
      () => notificationsOf(id),
      (rows) => rows.length === 1,
    );

    // Granted: three weeks more. The API writes the new date and signals the running watch.
    const postponedTo = addWorkingDays(dueOn, 15);
    await stack.dataSource.query(`UPDATE deadlines SET due_on = $2 WHERE id = $1`, [id, postponedTo]);
    await watch(id);
    const schedule = await eventually(
      'the moved schedule',
      () => handle.query(deadlineScheduleQuery),
      (s) => s?.dueOn === postponedTo,
    );
    expect(schedule!.alerts.map((a) => a.at)).toEqual([
      ...[10, 5, 1].map((lead) => reminderInstant(addWorkingDays(postponedTo, -lead)).toISOString()),
      new Date(amsterdamEndOfDayInstant(postponedTo).getTime() + 1).toISOString(),
    ]);

    // The old due date passes without a miss; the new 10-day reminder comes.
    await stack.skipUntil(new Date(reminderInstant(addWorkingDays(postponedTo, -10)).getTime() + 60_000));
    await eventually(
      'the reminder for the new date',
      () => notificationsOf(id),
      (rows) => rows.length === 2,
    );
    expect((await handle.describe()).status.name).toBe('RUNNING');

    // Met before the new date: the API closes it and signals; the same run ends.
    await stack.dataSource.transaction((db) => new DeadlineRepository(db).close(id, 'met'));
    await watch(id);
    expect(await handle.result()).toEqual({ status: 'met' });
    expect((await handle.describe()).runId).toBe(firstRun);

    expect((await notificationsOf(id)).map((n) => n.dedupe_key)).toEqual([
      `deadline:${id}:${dueOn}:reminder:5`,
      `deadline:${id}:${postponedTo}:reminder:10`,
    ]);
  });

  it('starts the watch of the next occurrence of a recurring deadline that was missed', async () => {
    const dueOn = addWorkingDays(await today(), 2);
    const id = await register(dueOn, { recurrence: 'P1M', leads: [1] });
    const handle = await watch(id);
    await stack.skipUntil(new Date(amsterdamEndOfDayInstant(dueOn).getTime() + 60_000));
    expect(await handle.result()).toEqual({ status: 'missed' });

    const [next] = await stack.dataSource.query(
      `SELECT id, due_on::text AS "dueOn", status, recurrence, watched_since FROM deadlines WHERE previous_id = $1`,
      [id],
    );
    expect(next).toMatchObject({ dueOn: addIsoPeriod(dueOn, 'P1M'), status: 'open', recurrence: 'P1M' });
    expect(next.watched_since).toBeInstanceOf(Date);
    const nextWatch = client.workflow.getHandle(deadlineWatchId(next.id));
    const schedule = await eventually('the next watch', () => nextWatch.query(deadlineScheduleQuery), Boolean);
    expect(schedule).toMatchObject({ status: 'open', dueOn: next.dueOn });
  });

  it('keeps a reminder whose mail server is down, and sends it once when the server is back', async () => {
    const dueOn = addWorkingDays(await today(), 3);
    const title = `Toezegging ${dueOn} storing`;
    const id = await register(dueOn, { leads: [1], title });
    const handle = await watch(id);

    expected = [/ECONNREFUSED|Activity failed|connect/i];
    await catcher.stop();
    await stack.skipUntil(new Date(reminderInstant(addWorkingDays(dueOn, -1)).getTime() + 60_000));
    // In-app at once; the email waits in the outbox while the activity retries.
    await eventually(
      'the reminder',
      () => notificationsOf(id),
      (rows) => rows.length === 1,
    );
    const [pending] = await eventually(
      'a failed attempt',
      () => outboxOf(id),
      (rows) => rows[0]?.attempts >= 1,
    );
    expect(pending).toMatchObject({ status: 'pending', recipient: demoMailbox('JENV') });
    expect(pending.last_error).toBeTruthy();

    catcher = await startCatcher();
    // The next attempt waits for a retry timer on the server: let its clock run past the longest backoff.
    await stack.env.sleep(2 * 60_000);
    await eventually(
      'the email',
      () => outboxOf(id),
      (rows) => rows[0]?.status === 'sent',
    );
    expect(await mailAbout(title)).toHaveLength(1);

    await stack.dataSource.transaction((db) => new DeadlineRepository(db).close(id, 'cancelled'));
    await watch(id);
    expect(await handle.result()).toEqual({ status: 'cancelled' });
    expect(await mailAbout(title)).toHaveLength(1);
  });
});
