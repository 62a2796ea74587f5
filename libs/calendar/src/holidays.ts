import Holidays, { type HolidaysTypes } from 'date-holidays';
import { parseIsoDate, requireInteger, type IsoDate } from './iso-date';

export interface PublicHoliday {
  date: IsoDate;
  name: string;
}

/**
 * The general holidays of the Algemene termijnenwet art. 3 lid 1 ("de Nieuwjaarsdag, de Christelijke tweede Paas- en
 * Pinksterdag, de beide Kerstdagen, de Hemelvaartsdag, de dag waarop de verjaardag van de Koning wordt gevierd en de
 * vijfde mei") and lid 2 (Goede Vrijdag), as date-holidays rules. They are our own rules rather than the library's NL
 * data so that the law, not the library, defines the set: the fifth of May counts every year, not only in lustrum
 * years. The King's birthday is celebrated on 27 April "behoudens uitzonderingen in verband met zondagen" (Besluit
 * van 30 januari 2013, Stcrt. 2013, 4075), that is on Saturday 26 April when the 27th is a Sunday.
 * The days a decree equates with these (lid 3) change every few years and are data: see equated-days.ts.
 * Today's rules apply to every year: Koninginnedag (before 2014) is not modelled.
 */
const TERMIJNENWET_HOLIDAYS = [
  { rule: '01-01', name: 'Nieuwjaarsdag' },
  { rule: 'easter -2', name: 'Goede Vrijdag' },
  { rule: 'easter 1', name: 'Tweede Paasdag' },
  { rule: '04-27 if sunday then previous saturday', name: 'Koningsdag' },
  { rule: '05-05', name: 'Bevrijdingsdag' },
  { rule: 'easter 39', name: 'Hemelvaartsdag' },
  { rule: 'easter 50', name: 'Tweede Pinksterdag' },
  { rule: '12-25', name: 'Eerste Kerstdag' },
  { rule: '12-26', name: 'Tweede Kerstdag' },
] as const;

const termijnenwetCalendar = createTermijnenwetCalendar();
const holidaysByYear = new Map<number, readonly PublicHoliday[]>();

/** The Algemene termijnenwet holidays of `year` (art. 3 lid 1 and 2, not the equated days), in date order. */
export function holidaysOf(year: number): readonly PublicHoliday[] {
  requireInteger(year, 'year', 1, 9999);
  let holidays = holidaysByYear.get(year);
  if (!holidays) {
    holidays = Object.freeze(
      termijnenwetCalendar
        .getHolidays(year)
        // `date` is the local calendar day ("2024-03-29 00:00:00"), unlike `start`, which depends on time zones.
        .map(({ date, name }) => Object.freeze({ date: date.slice(0, 10), name })),
    );
    holidaysByYear.set(year, holidays);
  }
  return holidays;
}

export function isPublicHoliday(date: IsoDate): boolean {
  return holidaysOf(parseIsoDate(date).year).some((holiday) => holiday.date === date);
}

/**
 * date-holidays' NL data is a wider set with other types (Goede Vrijdag and Bevrijdingsdag as 'school', Eerste
 * Paas- and Pinksterdag, observances such as Sinterklaas). Its own rules are removed rather than filtered out
 * afterwards because getHolidays keeps only one holiday per day, so a leftover rule could hide one of ours.
 */
function createTermijnenwetCalendar(): Holidays {
  const calendar = new Holidays('NL', { languages: 'nl' });
  // The typings declare getRules() without the `rule` each entry carries.
  const ownRules = calendar.getRules() as unknown as HolidaysTypes.HolidayRule[];
  for (const { rule } of ownRules) calendar.unsetRule(rule);
  for (const { rule, name } of TERMIJNENWET_HOLIDAYS) {
    if (!calendar.setHoliday(rule, { name: { nl: name }, type: 'public' })) {
      throw new Error(`date-holidays rejected the rule "${rule}" for ${name}`);
    }
  }
  return calendar;
}
