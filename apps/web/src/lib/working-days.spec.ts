import { dueLabel } from './working-days';

describe(dueLabel.name, () => {
  it.each([
    [5, false, { tone: 'ok', text: 'Nog 5 werkdagen' }],
    [3, false, { tone: 'ok', text: 'Nog 3 werkdagen' }],
    [2, false, { tone: 'soon', text: 'Nog 2 werkdagen' }],
    [1, false, { tone: 'soon', text: 'Nog 1 werkdag' }],
    [0, false, { tone: 'soon', text: 'Vandaag' }],
    [0, true, { tone: 'overdue', text: 'Termijn vandaag verstreken' }],
    [-1, true, { tone: 'overdue', text: '1 werkdag te laat' }],
    [-4, true, { tone: 'overdue', text: '4 werkdagen te laat' }],
    [-2, false, { tone: 'overdue', text: '2 werkdagen te laat' }],
  ] as const)('%s working days left, past due %s: %j', (left, overdue, expected) => {
    expect(dueLabel(left, overdue)).toEqual(expected);
  });

  it('says nothing it does not know outside the calendar years', () => {
    expect(dueLabel(null, false)).toEqual({ tone: 'ok', text: '' });
    expect(dueLabel(null, true)).toEqual({ tone: 'overdue', text: 'Te laat' });
  });
});
