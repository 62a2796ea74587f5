import { backwardPlan } from './backward-plan';
import { equatedDaysSeed } from './seeds/equated-days.seed';

describe(backwardPlan.name, () => {
  const route = [
    { stage: 'reviewers', workingDays: 3 },
    { stage: 'decider', workingDays: 2 },
    { stage: 'coSigners', workingDays: 5 },
  ];

  it('gives each stage its latest working days, in route order', () => {
    expect(backwardPlan('2024-06-21', route)).toEqual([
      { stage: 'reviewers', workingDays: 3, latestStart: '2024-06-10', latestEnd: '2024-06-12' },
      { stage: 'decider', workingDays: 2, latestStart: '2024-06-13', latestEnd: '2024-06-14' },
      { stage: 'coSigners', workingDays: 5, latestStart: '2024-06-17', latestEnd: '2024-06-21' },
    ]);
  });

  it('ends on the working day before a target that is not one', () => {
    expect(backwardPlan('2024-06-22', route)).toEqual(backwardPlan('2024-06-21', route));
    expect(backwardPlan('2024-12-26', [{ stage: 'decider', workingDays: 1 }])).toEqual([
      { stage: 'decider', workingDays: 1, latestStart: '2024-12-24', latestEnd: '2024-12-24' },
    ]);
  });

  it('skips holidays between stages', () => {
    expect(
      backwardPlan('2024-04-02', [
        { stage: 'reviewers', workingDays: 1 },
        { stage: 'decider', workingDays: 2 },
      ]),
    ).toEqual([
      { stage: 'reviewers', workingDays: 1, latestStart: '2024-03-27', latestEnd: '2024-03-27' },
      { stage: 'decider', workingDays: 2, latestStart: '2024-03-28', latestEnd: '2024-04-02' },
    ]);
  });

  it('skips the days a decree equates with a holiday', () => {
    const calendar = { equatedDays: equatedDaysSeed };
    expect(backwardPlan('2024-12-30', [{ stage: 'decider', workingDays: 2 }], {}, calendar)).toEqual([
      { stage: 'decider', workingDays: 2, latestStart: '2024-12-24', latestEnd: '2024-12-30' },
    ]);
  });

  it('plans nothing for an empty route', () => {
    expect(backwardPlan('2024-06-21', [])).toEqual([]);
  });

  it('rejects a stage without working days', () => {
    expect(() => backwardPlan('2024-06-21', [{ stage: 'decider', workingDays: 0 }])).toThrow(RangeError);
  });

  describe('with a stage on a ministerraad meeting', () => {
    const route = [
      { stage: 'co-signing', workingDays: 10 },
      { stage: 'ministerraad', onMeeting: true as const },
      { stage: 'dispatch', workingDays: 2 },
    ];

    it('puts the meeting on the latest Friday that leaves the later stages their days', () => {
      // Dispatch takes Thu 20 and Fri 21 June 2024; the meeting before it is Fri 14 June.
      expect(backwardPlan('2024-06-21', route)).toEqual([
        { stage: 'co-signing', workingDays: 10, latestStart: '2024-05-31', latestEnd: '2024-06-13' },
        { stage: 'ministerraad', workingDays: 1, latestStart: '2024-06-14', latestEnd: '2024-06-14' },
        { stage: 'dispatch', workingDays: 2, latestStart: '2024-06-20', latestEnd: '2024-06-21' },
      ]);
    });

    it('skips Fridays in a break and on a holiday', () => {
      const [, meeting] = backwardPlan('2022-08-16', route, { breaks: [{ from: '2022-07-16', to: '2022-08-14' }] });
      expect(meeting.latestStart).toBe('2022-07-15');
      // Goede Vrijdag 2024 (29 March) is no meeting: the one before is 22 March.
      expect(backwardPlan('2024-04-03', route)[1].latestStart).toBe('2024-03-22');
    });
  });
});
