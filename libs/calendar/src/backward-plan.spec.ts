import { backwardPlan } from './backward-plan';

describe(backwardPlan.name, () => {
  const route = [
    { stage: 'reviewers', workingDays: 3 },
    { stage: 'decider', workingDays: 2 },
    { stage: 'coSigners', workingDays: 5 },
  ];

  it('gives each stage its latest working days, in route order', () => {
    expect(backwardPlan('2024-06-21', route)).toEqual([
      { stage: 'reviewers', latestStart: '2024-06-10', latestEnd: '2024-06-12' },
      { stage: 'decider', latestStart: '2024-06-13', latestEnd: '2024-06-14' },
      { stage: 'coSigners', latestStart: '2024-06-17', latestEnd: '2024-06-21' },
    ]);
  });

  it('ends on the working day before a target that is not one', () => {
    expect(backwardPlan('2024-06-22', route)).toEqual(backwardPlan('2024-06-21', route));
    expect(backwardPlan('2024-12-26', [{ stage: 'decider', workingDays: 1 }])).toEqual([
      { stage: 'decider', latestStart: '2024-12-24', latestEnd: '2024-12-24' },
    ]);
  });

  it('skips holidays between stages', () => {
    expect(
      backwardPlan('2024-04-02', [
        { stage: 'reviewers', workingDays: 1 },
        { stage: 'decider', workingDays: 2 },
      ]),
    ).toEqual([
      { stage: 'reviewers', latestStart: '2024-03-27', latestEnd: '2024-03-27' },
      { stage: 'decider', latestStart: '2024-03-28', latestEnd: '2024-04-02' },
    ]);
  });

  it('plans nothing for an empty route', () => {
    expect(backwardPlan('2024-06-21', [])).toEqual([]);
  });

  it('rejects a stage without working days', () => {
    expect(() => backwardPlan('2024-06-21', [{ stage: 'decider', workingDays: 0 }])).toThrow(RangeError);
  });
});
