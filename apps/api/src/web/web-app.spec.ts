import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { webDistDir } from './web-app';

describe(webDistDir.name, () => {
  let checkout: string;
  beforeEach(() => {
    checkout = mkdtempSync(path.join(os.tmpdir(), 'notaflow-web-'));
    mkdirSync(path.join(checkout, 'apps/web/dist'), { recursive: true });
    writeFileSync(path.join(checkout, 'apps/web/dist/index.html'), '<!doctype html>');
  });
  afterEach(() => rmSync(checkout, { recursive: true, force: true }));

  it('finds apps/web/dist from the source file (tests) and from the compiled one (npm start, the image)', () => {
    const built = path.join(checkout, 'apps/web/dist');
    expect(webDistDir({}, path.join(checkout, 'apps/api/src/web'))).toBe(built);
    expect(webDistDir({}, path.join(checkout, 'dist/apps/api/src/web'))).toBe(built);
  });

  it('takes WEB_DIST_DIR when it is set', () => {
    expect(webDistDir({ WEB_DIST_DIR: '/srv/notaflow-web' }, path.join(checkout, 'apps/api/src/web'))).toBe(
      '/srv/notaflow-web',
    );
  });
});
