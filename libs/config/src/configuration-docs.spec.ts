import { readFileSync } from 'node:fs';
import path from 'node:path';
import { configSchema, stackConfigSchema } from './config';

/** The variables docs/configuration.md's tables name: the backticked names in each row's first cell. */
function documented(): Set<string> {
  const page = readFileSync(path.resolve(__dirname, '../../../docs/configuration.md'), 'utf8');
  const names = page
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => [...line.split('|')[1].matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1]));
  return new Set(names);
}

describe('the configuration reference (docs/configuration.md)', () => {
  it('names every variable the API, the worker and npm start read', () => {
    const read = [...Object.keys(configSchema.shape), ...Object.keys(stackConfigSchema.shape)];
    const missing = read.filter((name) => !documented().has(name));
    expect(missing).toEqual([]);
  });
});
