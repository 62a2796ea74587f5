import { presetDueOn, presets } from './presets';
import { equatedDaysSeed } from './seeds/equated-days.seed';

const calendar = { equatedDays: equatedDaysSeed };

describe(presetDueOn.name, () => {
  it.each([
    ['kamervragen', '2024-01-10', false, '2024-01-31'],
    ['kamervragen', '2024-01-10', true, '2024-02-21'],
    // 25 December, then Tweede Kerstdag, the equated 27 December and the weekend.
    ['kamervragen', '2024-12-04', false, '2024-12-30'],
    ['wooBesluit', '2024-02-05', false, '2024-03-04'],
    ['wooBesluit', '2024-02-05', true, '2024-03-18'],
    ['wooBesluit', '2024-03-01', false, '2024-04-02'],
  ] as const)('%s received %s (extended: %s) is due on %s', (name, from, extended, expected) => {
    expect(presetDueOn(presets[name], from, { extended, calendar })).toBe(expected);
  });

  it('counts the extension from the unextended end, not from the day it ran on to', () => {
    expect(presetDueOn(presets.wooBesluit, '2024-03-01')).toBe('2024-04-02');
    expect(presetDueOn(presets.wooBesluit, '2024-03-01', { extended: true })).toBe('2024-04-12');
  });

  it('accepts a custom preset', () => {
    const sut = { label: 'Schriftelijk overleg', term: { weeks: 2 }, extension: { days: 3 } };
    expect(presetDueOn(sut, '2024-05-16')).toBe('2024-05-30');
  });
});

describe('presets', () => {
  it('holds the standard terms', () => {
    expect(presets.kamervragen).toMatchObject({ term: { weeks: 3 }, extension: { weeks: 3 } });
    expect(presets.wooBesluit).toMatchObject({ term: { weeks: 4 }, extension: { weeks: 2 } });
  });
});
