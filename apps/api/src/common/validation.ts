import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { unstorableText, type FieldErrorCode } from '@notaflow/domain';
import { AppException, type FieldProblem } from './app.exception';

/** class-validator's constraint names, as the field codes clients switch on. */
const FIELD_CODES: Record<string, FieldErrorCode> = {
  whitelistValidation: 'unknown_field',
  isNotEmpty: 'required',
  isDefined: 'required',
  isString: 'not_text',
  isInt: 'not_integer',
  isNumber: 'not_number',
  isBoolean: 'not_boolean',
  isArray: 'not_array',
  nestedValidation: 'not_object',
  isObject: 'not_object',
  maxLength: 'too_long',
  minLength: 'too_short',
  max: 'too_large',
  min: 'too_small',
  arrayMaxSize: 'too_many',
  arrayMinSize: 'too_few',
  arrayUnique: 'duplicate',
  isIn: 'not_one_of',
  isCalendarDate: 'not_a_date',
  isIsoPeriod: 'not_a_period',
  isDossier: 'bad_format',
};

/** What the words of each code need, from the decorator's own arguments: `{ max: 200 }`, `{ allowed: 'a, b' }`. */
const PARAM_NAMES: Partial<Record<FieldErrorCode, string>> = {
  too_long: 'max',
  too_short: 'min',
  too_large: 'max',
  too_small: 'min',
  too_many: 'max',
  too_few: 'min',
};

function paramsOf(error: ValidationError, constraint: string, code: FieldErrorCode): FieldProblem['params'] {
  const target = error.target?.constructor;
  if (!target) return undefined;
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .find((m) => m.propertyName === error.property && m.name === constraint);
  const [argument] = (metadata?.constraints ?? []) as unknown[];
  if (code === 'not_one_of' && Array.isArray(argument)) return { allowed: argument.join(', ') };
  const name = PARAM_NAMES[code];
  return name && typeof argument === 'number' ? { [name]: argument } : undefined;
}

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const name = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : parent
        ? `${parent}.${error.property}`
        : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]): FieldProblem => {
      const code = FIELD_CODES[constraint] ?? 'bad_format';
      const params = paramsOf(error, constraint, code);
      return {
        name,
        code,
        // class-validator starts each message with the property name; the field is named separately here.
        reason: constraint === 'whitelistValidation' ? 'is not a known field' : message.replace(/^\S+ /, ''),
        ...(params ? { params } : {}),
      };
    });
    return [...own, ...flatten(error.children ?? [], name)];
  });
}

/**
 * Every string in `value` that could not be recorded as sent (unstorableText), named as the validation errors name
 * fields (`route.reviewers[0]`). Walks without recursion: a 1 MB body may nest deeper than the stack goes.
 */
export function textFaults(value: unknown, name = ''): FieldProblem[] {
  const faults: FieldProblem[] = [];
  const pending: [unknown, string][] = [[value, name]];
  for (let index = 0; index < pending.length; index++) {
    const [item, path] = pending[index];
    if (typeof item === 'string') {
      const reason = unstorableText(item);
      if (reason) faults.push({ name: path || 'value', code: 'unstorable_text', reason });
    } else if (Array.isArray(item)) {
      item.forEach((element, position) => pending.push([element, `${path}[${position}]`]));
    } else if (item !== null && typeof item === 'object') {
      for (const [key, element] of Object.entries(item)) pending.push([element, path ? `${path}.${key}` : key]);
    }
  }
  return faults;
}

/**
 * Refuses text that cannot be recorded (textFaults) in a body, query or path parameter before anything else looks
 * at it: such text would otherwise fail deep down, in a query or in a flow's activity that retries it forever.
 */
class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const faults = textFaults(value, metadata.type === 'param' ? (metadata.data ?? '') : '');
      if (faults.length) throw AppException.validation(faults);
    }
    return super.transform(value, metadata);
  }
}

/** One global validation setup: unknown fields are refused, not silently dropped (no mass assignment). */
export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => AppException.validation(flatten(errors)),
  });
}
