import type { TaskNotification, WordedNotification } from '@notaflow/temporal';
import { toNotification } from './notification.activities';

const WEB = 'https://notaflow.minjenv.example';

describe(toNotification.name, () => {
  it('words the facts a flow of this release sends', () => {
    const facts: TaskNotification = {
      key: 't1:task_reminder:0',
      kind: 'task_reminder',
      recipient: { organisation: 'VWS', username: null },
      nota: { id: 'n1', onsKenmerk: '1234567', title: 'Voortgang' },
      task: {
        id: 't1',
        type: 'co-sign',
        stage: 'co-signing',
        organisation: 'VWS',
        assignee: null,
        dueAt: '2026-12-07T22:59:59.999Z',
        meetingOn: null,
      },
    };
    expect(toNotification(facts, WEB)).toEqual({
      key: 't1:task_reminder:0',
      kind: 'task_reminder',
      recipientOrganisation: 'VWS',
      recipientUsername: null,
      notaId: 'n1',
      taskId: 't1',
      subject: expect.stringMatching(/^Herinnering: 1234567 Voortgang wacht op medeondertekening door VWS/),
      body: expect.stringContaining(`${WEB}/notas/n1`),
    });
  });

  it('records a notification a flow of an earlier release worded itself as it was sent', () => {
    const worded: WordedNotification = {
      key: 't1:task_reminder:0',
      kind: 'task_reminder',
      recipientOrganisation: 'VWS',
      recipientUsername: null,
      notaId: 'n1',
      taskId: 't1',
      subject: 'Herinnering: co-sign-taak voor 1234567 Voortgang verloopt op 2026-12-07',
      body: 'De taak van VWS voor nota 1234567 Voortgang moet uiterlijk 2026-12-07T22:59:59.999Z zijn afgehandeld.',
    };
    expect(toNotification(worded, WEB)).toEqual(worded);
  });
});
