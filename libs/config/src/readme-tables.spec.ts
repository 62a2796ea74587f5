import { readFileSync } from 'node:fs';
import path from 'node:path';
import { configSchema, stackConfigSchema } from './config';

/** The variables the README's configuration tables name: the backticked names in each row's first cell. */
function documented(): Set<string> {
  const readme = readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('## Layout'));
  const names = section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => [...line.split('|')[1].matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1]));
  return new Set(names);
}

describe("the README's configuration tables", () => {
  it('name every variable the API, the worker and npm start read', () => {
    const read = [...Object.keys(configSchema.shape), ...Object.keys(stackConfigSchema.shape)];
    const missing = read.filter((name) => !documented().has(name));
    expect(missing).toEqual([]);
  });
});
