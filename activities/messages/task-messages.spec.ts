import type { TaskNotification } from '@notaflow/temporal';
import { taskMessage } from './task-messages';

const WEB = 'https://notaflow.minjenv.example';

const notification = (overrides: Partial<TaskNotification> = {}, task: Partial<TaskNotification['task']> = {}) =>
  ({
    key: 'k',
    kind: 'task_assigned',
    recipient: { organisation: 'VWS', username: null },
    nota: { id: 'a1b2', onsKenmerk: '1234567', title: 'Voortgang aanpak mensenhandel' },
    task: {
      id: 't1',
      type: 'co-sign',
      stage: 'co-signing',
      organisation: 'VWS',
      assignee: null,
      // The end of Monday 7 December 2026 in The Hague.
      dueAt: '2026-12-07T22:59:59.999Z',
      meetingOn: null,
      ...task,
    },
    ...overrides,
  }) satisfies TaskNotification;

describe(taskMessage.name, () => {
  it('announces a new task: what waits on whom, until which day, and where to act on it', () => {
    expect(taskMessage(notification(), WEB)).toEqual({
      subject: 'Nieuwe taak (medeondertekening): 1234567 Voortgang aanpak mensenhandel',
      body:
        'Nota 1234567 Voortgang aanpak mensenhandel wacht op medeondertekening door VWS, uiterlijk maandag 7 december 2026.\n\n' +
        'Medeondertekenen: https://notaflow.minjenv.example/notas/a1b2',
    });
  });

  it('names the reviewer a task is for, and a ministerraad task by its meeting', () => {
    expect(
      taskMessage(
        notification({}, { type: 'initial', stage: 'initialling', organisation: 'JENV', assignee: 'jenv.dg' }),
        WEB,
      ).body,
    ).toMatch(/^Nota 1234567 .* wacht op parafering door jenv\.dg, uiterlijk maandag 7 december 2026\.\n\nParaferen: /);
    const meeting = taskMessage(
      notification({}, { type: 'ministerraad', stage: 'ministerraad', organisation: 'AZ', meetingOn: '2026-12-11' }),
      WEB,
    );
    expect(meeting.subject).toBe('Nieuwe taak (ministerraad): 1234567 Voortgang aanpak mensenhandel');
    expect(meeting.body).toContain('wacht op ministerraad door AZ, voor de ministerraad van vrijdag 11 december 2026.');
  });

  it('reminds the holder of the day and time the task is due', () => {
    expect(taskMessage(notification({ kind: 'task_reminder' }), WEB)).toEqual({
      subject:
        'Herinnering: 1234567 Voortgang aanpak mensenhandel wacht op medeondertekening door VWS, uiterlijk maandag 7 december 2026',
      body:
        'Nota 1234567 Voortgang aanpak mensenhandel wacht nog op medeondertekening door VWS. ' +
        'De termijn verloopt op maandag 7 december 2026 om 23:59.\n\n' +
        'Medeondertekenen: https://notaflow.minjenv.example/notas/a1b2',
    });
  });

  it('escalates a task past its due time', () => {
    const { subject, body } = taskMessage(notification({ kind: 'task_escalation' }), WEB);
    expect(subject).toBe(
      'Termijn verstreken: 1234567 Voortgang aanpak mensenhandel wacht nog op medeondertekening door VWS',
    );
    expect(body).toContain('De termijn verliep op maandag 7 december 2026 om 23:59.');
  });

  it.each(['task_assigned', 'task_reminder', 'task_escalation'] as const)(
    'says %s in words, never in the flow’s own names or ISO dates',
    (kind) => {
      const { subject, body } = taskMessage(notification({ kind }), WEB);
      expect(`${subject}\n${body}`).not.toMatch(/co-sign|-taak|\d{4}-\d{2}-\d{2}/);
    },
  );

  it('links to the nota at the root of the web app, whatever path its address has', () => {
    expect(taskMessage(notification(), 'http://127.0.0.1:3000/ignored/').body).toMatch(
      /Medeondertekenen: http:\/\/127\.0\.0\.1:3000\/notas\/a1b2$/,
    );
  });
});
