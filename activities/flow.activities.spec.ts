import type { DataSource } from 'typeorm';
import { equatedDaysSeed } from '@notaflow/calendar';
import type { NotificationRepository, TransitionRepository } from '@notaflow/persistence';
import { createFlowActivities, taskDates } from './flow.activities';

describe(taskDates.name, () => {
  const base = {
    id: 't',
    type: 'co-sign' as const,
    stage: 'co-signing' as const,
    organisation: 'VWS',
    assignee: null,
    version: 1,
  };

  it('is due at the end of the n-th working day after opening, reminded at 9:00 some working days before', () => {
    // Monday 17 June 2024, 10:00 in The Hague; ten working days on is Monday 1 July.
    expect(
      taskDates({ ...base, slaWorkingDays: 10, reminderWorkingDaysBefore: 2 }, '2024-06-17T08:00:00.000Z'),
    ).toEqual({
      createdAt: '2024-06-17T08:00:00.000Z',
      dueAt: '2024-07-01T21:59:59.999Z',
      remindAt: '2024-06-27T07:00:00.000Z',
      meetingOn: null,
    });
  });

  it('skips the holidays of the Algemene termijnenwet', () => {
    // Opened Thursday 8 May 2024: Hemelvaart (9 May) and the weekend do not count; two working days is 13 May.
    const { dueAt } = taskDates(
      { ...base, slaWorkingDays: 2, reminderWorkingDaysBefore: 1 },
      '2024-05-08T10:00:00.000Z',
    );
    expect(dueAt).toBe('2024-05-13T21:59:59.999Z');
  });

  it('skips the days a decree equates with a holiday, as the calendar data holds them', () => {
    // Opened Monday 23 December 2024: Christmas, Tweede Kerstdag, the equated Friday 27 December and the weekend do
    // not count; three working days on is Tuesday 31 December, reminded at 9:00 on Monday 30 December.
    const task = { ...base, slaWorkingDays: 3, reminderWorkingDaysBefore: 1 };
    const calendar = { equatedDays: equatedDaysSeed };
    expect(taskDates(task, '2024-12-23T08:00:00.000Z', calendar)).toMatchObject({
      dueAt: '2024-12-31T22:59:59.999Z',
      remindAt: '2024-12-30T08:00:00.000Z',
    });
    // Without the data 27 December would count.
    expect(taskDates(task, '2024-12-23T08:00:00.000Z').dueAt).toBe('2024-12-30T22:59:59.999Z');
  });

  it('makes a ministerraad task due on its meeting day', () => {
    const dates = taskDates(
      { ...base, type: 'ministerraad', stage: 'ministerraad', meetingOn: '2024-06-21', reminderWorkingDaysBefore: 1 },
      '2024-06-17T08:00:00.000Z',
    );
    expect(dates).toMatchObject({
      dueAt: '2024-06-21T21:59:59.999Z',
      remindAt: '2024-06-20T07:00:00.000Z',
      meetingOn: '2024-06-21',
    });
  });

  it('sends no reminder that would be due before the task opened', () => {
    const { remindAt } = taskDates(
      { ...base, slaWorkingDays: 1, reminderWorkingDaysBefore: 2 },
      '2024-06-17T08:00:00.000Z',
    );
    expect(remindAt).toBeNull();
  });
});

describe('recordTransition failures', () => {
  const step = { workflowId: 'nota-x', notaId: 'x', at: '2024-06-17T08:00:00.000Z', events: [] };
  const failing = (error: unknown) =>
    createFlowActivities({
      dataSource: {} as DataSource,
      transitions: { record: () => Promise.reject(error) } as unknown as TransitionRepository,
      notifications: {} as NotificationRepository,
      deadlineWatches: { ensure: () => Promise.resolve() },
      webAppUrl: 'https://notaflow.example',
    });

  it('fails for good on a broken constraint, which no retry would heal', async () => {
    const error = Object.assign(new Error('insert or update on table "tasks" violates foreign key'), { code: '23503' });
    await expect(failing(error).recordTransition(step)).rejects.toMatchObject({
      type: 'IntegrityViolation',
      nonRetryable: true,
    });
  });

  it('lets a transient error through to be retried', async () => {
    const error = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    await expect(failing(error).recordTransition(step)).rejects.toBe(error);
  });
});
