import { registerDecorator, type ValidationOptions } from 'class-validator';
import { isValidIsoDate } from '@notaflow/calendar';

/** The days the registry deals in: Kamer deadlines, meetings and terms of this era, not of year 68 or 9999. */
export const FIRST_DATE = '1900-01-01';
export const LAST_DATE = '2199-12-31';

/** A version number stored in a PostgreSQL integer: anything larger is no version, and must not reach the query. */
export const MAX_VERSION = 2_147_483_647;

/**
 * A real calendar day written `YYYY-MM-DD` between 1900 and 2199: `2023-02-30` is refused, not rolled over, and a
 * date of antiquity or the far future, which only an error or an attack produces, is refused before a calculation
 * on it can overflow.
 */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: `$property must be a real date written YYYY-MM-DD, from ${FIRST_DATE} to ${LAST_DATE}`,
        ...options,
      },
      validator: {
        validate: (value: unknown) => isValidIsoDate(value) && value >= FIRST_DATE && value <= LAST_DATE,
      },
    });
}
