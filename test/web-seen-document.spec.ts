import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decisionRequest, documentSha256Of } from '../apps/web/src/api/seen-document';
import type { Nota } from '../apps/web/src/api/types';

/** Whether the generated DecisionDto has `seenSha256`: what the API's own document says today. */
function apiTakesSeen(): boolean {
  const schema = readFileSync(path.join(__dirname, '../apps/web/src/api/schema.gen.ts'), 'utf8');
  const dto = /^ {8}DecisionDto: \{$([\s\S]*?)^ {8}\};$/m.exec(schema)?.[1] ?? '';
  return /^\s*seenSha256\??:/m.test(dto);
}

// The web app's seams for the hashes of API.md (documentSha256, seenSha256): right before and after the API has them.
describe('what a holder saw, bound to their decision', () => {
  const sha256 = 'ab'.repeat(32);

  it('sends seenSha256 exactly when the API takes it, and never without a document shown', () => {
    const body = decisionRequest({ decision: 'approve', remarks: 'Akkoord' }, sha256);
    expect(body).toEqual({
      decision: 'approve',
      remarks: 'Akkoord',
      ...(apiTakesSeen() ? { seenSha256: sha256 } : {}),
    });
    expect(decisionRequest({ decision: 'approve' }, null)).toEqual({ decision: 'approve' });
  });

  it('reads the nota’s documentSha256 when the API states it', () => {
    expect(documentSha256Of({ id: 'x' } as Nota)).toBeUndefined();
    expect(documentSha256Of({ id: 'x', documentSha256: null } as unknown as Nota)).toBeNull();
    expect(documentSha256Of({ id: 'x', documentSha256: sha256 } as unknown as Nota)).toBe(sha256);
  });
});
