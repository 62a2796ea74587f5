import { readdirSync } from 'node:fs';
import path from 'node:path';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import { AppException } from './app.exception';
import { createValidationPipe } from './validation';

/** Every DTO of the API, loaded so that class-validator knows their rules. */
function dtoClasses(): (new () => object)[] {
  const root = path.resolve(__dirname, '..');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter(
    (file) => /(^|\/)dto\/[^/]+\.ts$|\.dto\.ts$|\.query\.ts$/.test(file) && !file.endsWith('.spec.ts'),
  );
  return files.flatMap((file) =>
    Object.values(jest.requireActual<Record<string, unknown>>(path.join(root, file))).filter(
      (value): value is new () => object => typeof value === 'function' && /^class\s/.test(String(value)),
    ),
  );
}

/** The properties of `type` that hold one nested DTO (not an array of them). */
function nestedProperties(type: new () => object): string[] {
  const rules = getMetadataStorage().getTargetValidationMetadatas(type, '', true, false);
  return [
    ...new Set(
      rules.filter((rule) => rule.type === ValidationTypes.NESTED_VALIDATION && !rule.each).map((r) => r.propertyName),
    ),
  ];
}

describe('nested DTOs', () => {
  const sut = createValidationPipe();
  const cases = dtoClasses().flatMap((type) => nestedProperties(type).map((property) => [type, property] as const));

  it('are found (the search itself works)', () => {
    expect(cases.map(([type, property]) => `${type.name}.${property}`)).toEqual(
      expect.arrayContaining(['CreateNotaDto.route', 'BeslisnotaDto.nietOpenbaar']),
    );
  });

  it.each(
    cases.flatMap(([type, property]) => [[], 'x', 7, true].map((value) => [type.name, property, value, type] as const)),
  )('%s.%s given %p is a 400 naming the field (not_object), never a 500', async (_name, property, value, type) => {
    const refused = await sut.transform({ [property]: value }, { type: 'body', metatype: type }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(AppException);
    const errors = (refused as AppException).extras.errors ?? [];
    expect(errors.filter((e) => e.name === property)).toEqual([
      { name: property, code: 'not_object', reason: expect.any(String) },
    ]);
  });
});
