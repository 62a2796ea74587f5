import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { unstorableText } from '@notaflow/domain';
import { AppException, type FieldError } from './app.exception';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const name = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : parent
        ? `${parent}.${error.property}`
        : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      name,
      // class-validator starts each message with the property name; the field is named separately here.
      reason: constraint === 'whitelistValidation' ? 'is not a known field' : message.replace(/^\S+ /, ''),
    }));
    return [...own, ...flatten(error.children ?? [], name)];
  });
}

/**
 * Every string in `value` that could not be recorded as sent (unstorableText), named as the validation errors name
 * fields (`route.reviewers[0]`). Walks without recursion: a 1 MB body may nest deeper than the stack goes.
 */
export function textFaults(value: unknown, name = ''): FieldError[] {
  const faults: FieldError[] = [];
  const pending: [unknown, string][] = [[value, name]];
  for (let index = 0; index < pending.length; index++) {
    const [item, path] = pending[index];
    if (typeof item === 'string') {
      const reason = unstorableText(item);
      if (reason) faults.push({ name: path || 'value', reason });
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
