import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { dispatchPackage, type DispatchManifest, type PackageFile } from './dispatch-package';

const nota = Buffer.from('%PDF-1.7 de nota');
const bijlage = Buffer.from('%PDF-1.7 de Kamerbrief');
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const file = (name: string, role: PackageFile['role'], bytes: Buffer): PackageFile => ({
  name,
  role,
  size: bytes.length,
  sha256: sha(bytes),
  open: () => Promise.resolve(Readable.from([bytes])),
});
const files = [file('nota.pdf', 'nota', nota), file('Kamerbrief.pdf', 'bijlage', bijlage)];
const manifest: DispatchManifest = {
  nota: { id: 'n1', onsKenmerk: '5552554', title: 'Actieplan', version: 2, dispatchedAt: '2024-06-21T09:30:00.000Z' },
  files: files.map(({ name, role, size, sha256 }) => ({ name, role, size, sha256 })),
  decisions: [
    {
      seq: 7,
      at: '2024-06-18T10:00:00.000Z',
      actor: 'vws.signer',
      organisation: 'VWS',
      taskType: 'co-sign',
      decision: 'approve',
      seenSha256: sha(nota),
    },
  ],
};

describe(dispatchPackage.name, () => {
  it('gives the same bytes for the same nota, with its manifest and its files', async () => {
    const [first, second] = await Promise.all([
      buffer(dispatchPackage(manifest, files)),
      buffer(dispatchPackage(manifest, files)),
    ]);
    expect(first.equals(second)).toBe(true);
    expect(first.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    const text = first.toString('latin1');
    expect(text).toContain('manifest.json');
    expect(text).toContain('%PDF-1.7 de Kamerbrief');
    expect(text).toContain(`"seenSha256": "${sha(nota)}"`);
  });
});
