import { addDays, compareIsoDates } from './iso-date';
import { decideExtension, presetDueOn, presets } from './presets';
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
    expect(presets.kamervragen).toMatchObject({
      term: { weeks: 3 },
      extension: { weeks: 3 },
      notice: 'uitstelbericht',
      extensionFixed: true,
    });
    expect(presets.wooBesluit).toMatchObject({ term: { weeks: 4 }, extension: { weeks: 2 }, notice: 'verdaging' });
  });
});

describe('the Kamervragen term across Christmas 2024', () => {
  it('counts calendar days: holidays inside the term do not lengthen it', () => {
    // Received Monday 9 December 2024: three weeks end on Monday 30 December, a working day.
    expect(presetDueOn(presets.kamervragen, '2024-12-09', { calendar })).toBe('2024-12-30');
  });

  it.each([
    ['2024-12-04', '2024-12-30', 'Eerste Kerstdag'],
    ['2024-12-05', '2024-12-30', 'Tweede Kerstdag'],
    ['2024-12-06', '2024-12-30', 'the equated 27 December'],
  ])('received %s: due %s, the term ending on %s', (receivedOn, expected) => {
    expect(presetDueOn(presets.kamervragen, receivedOn, { calendar })).toBe(expected);
  });

  it('moves the term to six weeks from receipt with an uitstelbericht sent on its last day', () => {
    expect(
      decideExtension(
        presets.kamervragen,
        '2024-12-09',
        { sentOn: '2024-12-30', reasons: 'Interdepartementale afstemming' },
        { calendar },
      ),
    ).toEqual({
      outcome: 'extended',
      firstTermEndsOn: '2024-12-30',
      dueOn: '2025-01-20',
    });
  });

  it('refuses an uitstelbericht sent the day after the three weeks', () => {
    expect(
      decideExtension(presets.kamervragen, '2024-12-09', { sentOn: '2024-12-31', reasons: 'Afstemming' }, { calendar }),
    ).toEqual({
      outcome: 'refused',
      firstTermEndsOn: '2024-12-30',
      refusal: 'sent_after_first_term',
      reason: 'the uitstelbericht of 2024-12-31 came after the first term ended on 2024-12-30',
    });
  });

  it('takes the equated 27 December into account for the last day of the first term', () => {
    const notice = { sentOn: '2024-12-30', reasons: 'Afstemming' };
    expect(decideExtension(presets.kamervragen, '2024-12-06', notice, { calendar }).outcome).toBe('extended');
    // Without the decree the term would have ended on Friday 27 December, and the notice would come too late.
    expect(decideExtension(presets.kamervragen, '2024-12-06', notice).outcome).toBe('refused');
  });
});

describe(decideExtension.name, () => {
  const reasons = 'De beantwoording vergt afstemming met andere departementen.';

  describe('an uitstelbericht (Kamervragen)', () => {
    it('extends at once, from the day the questions were received, whatever day it is sent', () => {
      for (const sentOn of ['2024-01-10', '2024-01-22', '2024-01-31']) {
        expect(decideExtension(presets.kamervragen, '2024-01-10', { sentOn, reasons })).toEqual({
          outcome: 'extended',
          firstTermEndsOn: '2024-01-31',
          dueOn: '2024-02-21',
        });
      }
    });

    it('gives the same due date as the preset, extended', () => {
      for (let receivedOn = '2024-01-01'; receivedOn < '2025-01-01'; receivedOn = addDays(receivedOn, 5)) {
        const decision = decideExtension(
          presets.kamervragen,
          receivedOn,
          { sentOn: receivedOn, reasons },
          { calendar },
        );
        expect(decision).toMatchObject({
          outcome: 'extended',
          dueOn: presetDueOn(presets.kamervragen, receivedOn, { extended: true, calendar }),
        });
      }
    });

    it.each([
      [{ sentOn: '2024-01-09', reasons }, {}, 'sent_before_receipt'],
      [{ sentOn: '2024-02-01', reasons }, {}, 'sent_after_first_term'],
      [{ sentOn: '2024-01-20', reasons: '  ' }, {}, 'no_reasons'],
      [{ sentOn: '2024-01-20', reasons, extension: { weeks: 2 } }, {}, 'extension_fixed'],
      [{ sentOn: '2024-01-20', reasons }, { alreadyExtended: true }, 'already_extended'],
    ])('refuses %j (%j): %s', (notice, options, refusal) => {
      expect(decideExtension(presets.kamervragen, '2024-01-10', notice, options)).toMatchObject({
        outcome: 'refused',
        firstTermEndsOn: '2024-01-31',
        refusal,
      });
    });

    it('accepts the full three weeks stated explicitly', () => {
      const notice = { sentOn: '2024-01-20', reasons, extension: { weeks: 3 } };
      expect(decideExtension(presets.kamervragen, '2024-01-10', notice)).toMatchObject({ dueOn: '2024-02-21' });
    });
  });

  describe('a verdaging (Woo)', () => {
    it('postpones by at most two weeks when given before the first term ends', () => {
      // Four weeks from 1 March 2024 end on Goede Vrijdag, run on past Easter to Tuesday 2 April.
      expect(decideExtension(presets.wooBesluit, '2024-03-01', { sentOn: '2024-04-02', reasons })).toEqual({
        outcome: 'extended',
        firstTermEndsOn: '2024-04-02',
        dueOn: '2024-04-12',
      });
    });

    it('may postpone by less', () => {
      const notice = { sentOn: '2024-03-20', reasons, extension: { weeks: 1 } };
      expect(decideExtension(presets.wooBesluit, '2024-03-01', notice)).toMatchObject({ dueOn: '2024-04-05' });
    });

    it.each([
      [{ sentOn: '2024-04-03', reasons }, 'sent_after_first_term'],
      [{ sentOn: '2024-03-20', reasons: '' }, 'no_reasons'],
      [{ sentOn: '2024-03-20', reasons, extension: { weeks: 3 } }, 'extension_out_of_range'],
      [{ sentOn: '2024-03-20', reasons, extension: { days: 0 } }, 'extension_out_of_range'],
    ])('refuses %j: %s', (notice, refusal) => {
      expect(decideExtension(presets.wooBesluit, '2024-03-01', notice)).toMatchObject({ outcome: 'refused', refusal });
    });

    it('ends the first term on the working day after an equated day', () => {
      // Four weeks from 12 April 2024 end on the equated Friday 10 May.
      const decision = decideExtension(
        presets.wooBesluit,
        '2024-04-12',
        { sentOn: '2024-05-13', reasons },
        { calendar },
      );
      expect(decision).toEqual({ outcome: 'extended', firstTermEndsOn: '2024-05-13', dueOn: '2024-05-24' });
    });

    it('never ends before the first term', () => {
      for (let receivedOn = '2024-01-01'; receivedOn < '2025-01-01'; receivedOn = addDays(receivedOn, 3)) {
        const decision = decideExtension(presets.wooBesluit, receivedOn, { sentOn: receivedOn, reasons }, { calendar });
        if (decision.outcome !== 'extended') throw new Error(`refused: ${decision.reason}`);
        expect(compareIsoDates(decision.dueOn, decision.firstTermEndsOn)).toBe(1);
      }
    });
  });

  it('rejects an extension stated in working days, which no rule knows', () => {
    const notice = { sentOn: '2024-03-20', reasons, extension: { workingDays: 5 } };
    expect(() => decideExtension(presets.wooBesluit, '2024-03-01', notice)).toThrow(RangeError);
  });
});
