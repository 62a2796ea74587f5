import { decisionRequest } from '../apps/web/src/api/seen-document';

describe('what a holder saw, bound to their decision', () => {
  const sha256 = 'ab'.repeat(32);

  it('sends the SHA-256 of the nota document shown, and none for a nota of before documents', () => {
    expect(decisionRequest({ decision: 'approve', remarks: 'Akkoord' }, sha256)).toEqual({
      decision: 'approve',
      remarks: 'Akkoord',
      seenSha256: sha256,
    });
    expect(decisionRequest({ decision: 'approve' }, null)).toEqual({ decision: 'approve' });
  });
});
