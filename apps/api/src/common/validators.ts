import { Transform } from 'class-transformer';
import { registerDecorator, type ValidationOptions } from 'class-validator';
import { isValidIsoDate } from '@notaflow/calendar';
import { CANONICAL_DOSSIER_PATTERN, normaliseDossier } from '@notaflow/domain';

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

/**
 * A Kamerstuk dossier number, taken however it is typed and kept in the Kamer's spelling (`28638` -> `28 638`,
 * `36410-vi` -> `36 410-VI`): normalised before it is checked, so the service only ever sees the canonical form.
 */
export function IsDossier(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) => {
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? (normaliseDossier(value) ?? value) : value,
    )(target, propertyName);
    registerDecorator({
      name: 'isDossier',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a Kamerstuk dossier number such as 28 638', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && CANONICAL_DOSSIER_PATTERN.test(value) },
    });
  };
}

/** For a filter: a dossier number typed another way finds the same dossier; anything else is looked for as given. */
export function NormaliseDossier(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? (normaliseDossier(value) ?? value) : value,
  );
}
