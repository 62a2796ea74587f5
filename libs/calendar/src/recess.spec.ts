import { isInRecess, recessAt, type Recess } from './recess';

const recesses: Recess[] = [
  { name: 'zomerreces', from: '2023-07-07', to: '2023-09-04' },
  { name: 'kerstreces', from: '2023-12-22', to: '2024-01-15' },
];

describe(recessAt.name, () => {
  it.each([
    ['2023-07-06', undefined],
    ['2023-07-07', 'zomerreces'],
    ['2023-09-04', 'zomerreces'],
    ['2023-09-05', undefined],
    ['2024-01-01', 'kerstreces'],
  ])('%s -> %s', (date, expected) => {
    expect(recessAt(date, recesses)?.name).toBe(expected);
  });
});

describe(isInRecess.name, () => {
  it('tells whether any recess covers the date', () => {
    expect(isInRecess('2023-12-22', recesses)).toBe(true);
    expect(isInRecess('2023-10-12', recesses)).toBe(false);
    expect(isInRecess('2023-10-12', [])).toBe(false);
  });
});
