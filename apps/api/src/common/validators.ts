import { registerDecorator, type ValidationOptions } from 'class-validator';
import { isValidIsoDate } from '@notaflow/calendar';

/** A real calendar day written `YYYY-MM-DD`: `2023-02-30` is refused, not rolled over. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a real date written YYYY-MM-DD', ...options },
      validator: { validate: (value: unknown) => isValidIsoDate(value) },
    });
}
