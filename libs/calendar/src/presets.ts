import type { WorkingDayCalendar } from './equated-days';
import { compareIsoDates, requireInteger, type IsoDate } from './iso-date';
import { termEnd, type TermLength } from './working-days';

export interface TermPreset {
  label: string;
  term: TermLength;
  /** The most the term may be extended by, once. */
  extension: TermLength;
  /** What the notice that extends the term is called; "verlenging" when not given. */
  notice?: string;
  /** The notice always extends by the whole `extension`, never by less. */
  extensionFixed?: boolean;
}

/*
 * Both terms end per the Algemene termijnenwet (termEnd: art. 1 and 2, with the equated days). The Woo is a wet, so
 * the ATW governs its term by its own force. The Kamervragen term is set by the Reglement van Orde of the Tweede
 * Kamer, which is no wet (ATW art. 1 and 5 name terms set in a wet or an AMvB): applying the ATW to it is the
 * product's choice, so that a due date never falls on a day that does not count.
 */
export const presets = {
  /**
   * Answered within 3 weeks of receipt. Within those 3 weeks the minister may send the Voorzitter an uitstelbericht
   * "onder opgave van redenen" (the RvO as quoted by the Reformatorisch Dagblad, 25 February 2025; the RvO's own text
   * was not at hand): a notice, not a request, that moves the term to 6 weeks from receipt at once.
   */
  kamervragen: {
    label: 'Kamervragen',
    term: { weeks: 3 },
    extension: { weeks: 3 },
    notice: 'uitstelbericht',
    extensionFixed: true,
  },
  /**
   * Woo art. 4.4: a decision "uiterlijk binnen vier weken gerekend vanaf de dag na die waarop het verzoek is
   * ontvangen" (lid 1), which may be postponed "voor ten hoogste twee weken"; "Van de verdaging wordt voor de afloop
   * van de eerste termijn schriftelijk gemotiveerd mededeling gedaan aan de verzoeker" (lid 2).
   */
  wooBesluit: { label: 'Woo-besluit', term: { weeks: 4 }, extension: { weeks: 2 }, notice: 'verdaging' },
} as const satisfies Record<string, TermPreset>;

export type PresetName = keyof typeof presets;

/**
 * The due date of a preset term counted from `from` (the day of receipt), per termEnd. The extension lengthens the
 * one term, counted from receipt: only its final end runs on to a working day, not the original end.
 */
export function presetDueOn(
  preset: TermPreset,
  from: IsoDate,
  { extended = false, calendar }: { extended?: boolean; calendar?: WorkingDayCalendar } = {},
): IsoDate {
  return termEnd(from, extended ? addTermLengths(preset.term, preset.extension) : preset.term, calendar);
}

/** The notice that extends a preset's term: an uitstelbericht to the Kamer, a verdaging to a Woo verzoeker. */
export interface ExtensionNotice {
  sentOn: IsoDate;
  /** Both rules require the notice to give its reasons. */
  reasons: string;
  /** Less than the preset's most, where the rule allows it ("ten hoogste twee weken"); the most by default. */
  extension?: TermLength;
}

export type ExtensionRefusal =
  | 'already_extended'
  | 'sent_before_receipt'
  | 'sent_after_first_term'
  | 'no_reasons'
  | 'extension_out_of_range'
  | 'extension_fixed';

export type ExtensionDecision =
  | { outcome: 'extended'; firstTermEndsOn: IsoDate; dueOn: IsoDate }
  | { outcome: 'refused'; firstTermEndsOn: IsoDate; refusal: ExtensionRefusal; reason: string };

/**
 * What a notice sent on `notice.sentOn` does to a preset term received on `receivedOn`: the new due date, or why it
 * cannot extend the term. In time means on or before the last day of the first term, as that term ends per termEnd
 * (a term runs to the end of its last day). The term can be extended once.
 */
export function decideExtension(
  preset: TermPreset,
  receivedOn: IsoDate,
  notice: ExtensionNotice,
  { calendar, alreadyExtended = false }: { calendar?: WorkingDayCalendar; alreadyExtended?: boolean } = {},
): ExtensionDecision {
  const firstTermEndsOn = termEnd(receivedOn, preset.term, calendar);
  const name = preset.notice ?? 'verlenging';
  const maxDays = calendarDays(preset.extension);
  const days = notice.extension === undefined ? maxDays : calendarDays(notice.extension);
  const refuse = (refusal: ExtensionRefusal, reason: string): ExtensionDecision => ({
    outcome: 'refused',
    firstTermEndsOn,
    refusal,
    reason,
  });

  if (alreadyExtended) return refuse('already_extended', `the ${preset.label} term can be extended only once`);
  if (compareIsoDates(notice.sentOn, receivedOn) < 0) {
    return refuse('sent_before_receipt', `the ${name} of ${notice.sentOn} predates the receipt on ${receivedOn}`);
  }
  if (compareIsoDates(notice.sentOn, firstTermEndsOn) > 0) {
    return refuse(
      'sent_after_first_term',
      `the ${name} of ${notice.sentOn} came after the first term ended on ${firstTermEndsOn}`,
    );
  }
  if (notice.reasons.trim() === '') return refuse('no_reasons', `a ${name} must give its reasons`);
  if (preset.extensionFixed && days !== maxDays) {
    return refuse('extension_fixed', `a ${name} always extends the term by ${maxDays} days`);
  }
  if (days < 1 || days > maxDays) {
    return refuse('extension_out_of_range', `a ${name} extends the term by 1 to ${maxDays} days, not ${days}`);
  }
  const dueOn = termEnd(receivedOn, addTermLengths(preset.term, { days }), calendar);
  return { outcome: 'extended', firstTermEndsOn, dueOn };
}

function addTermLengths(a: TermLength, b: TermLength): TermLength {
  return {
    weeks: (a.weeks ?? 0) + (b.weeks ?? 0),
    days: (a.days ?? 0) + (b.days ?? 0),
    workingDays: (a.workingDays ?? 0) + (b.workingDays ?? 0),
  };
}

/** Extensions are stated in weeks and days; a working-day extension is no rule this library knows. */
function calendarDays({ weeks = 0, days = 0, workingDays = 0 }: TermLength): number {
  for (const [what, value] of Object.entries({ weeks, days })) requireInteger(value, what, 0);
  if (workingDays !== 0) throw new RangeError('An extension in working days is not supported');
  return weeks * 7 + days;
}
