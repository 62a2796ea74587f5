import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The repository's root above `dir`: the first directory up that holds package.json. Code that runs both from its
 * sources (jest) and compiled into dist/ (a benchmark) finds the same root either way.
 */
export function repositoryRoot(dir: string): string {
  for (let at = dir; ; at = path.dirname(at)) {
    if (existsSync(path.join(at, 'package.json'))) return at;
    if (path.dirname(at) === at) throw new Error(`no package.json above ${dir}`);
  }
}
