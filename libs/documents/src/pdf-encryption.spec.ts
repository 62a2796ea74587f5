import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { isEncryptedPdf } from './pdf-encryption';

function pdf(options: PDFKit.PDFDocumentOptions = {}): Promise<Buffer> {
  const doc = new PDFDocument(options);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.text('Vertrouwelijk: niet openbaar.');
  doc.end();
  return done;
}

describe(isEncryptedPdf.name, () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'notaflow-pdf-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, bytes: Buffer) => {
    const target = path.join(dir, name);
    writeFileSync(target, bytes);
    return target;
  };

  it('tells a PDF with a password', async () => {
    const locked = await pdf({ userPassword: 'geheim', ownerPassword: 'eigenaar', pdfVersion: '1.7' });
    await expect(isEncryptedPdf(file('locked.pdf', locked))).resolves.toBe(true);
  });

  it('tells a PDF that only restricts printing (an owner password) too', async () => {
    const restricted = await pdf({ ownerPassword: 'eigenaar', permissions: { printing: 'lowResolution' } });
    await expect(isEncryptedPdf(file('restricted.pdf', restricted))).resolves.toBe(true);
  });

  it('passes a PDF anyone can open', async () => {
    await expect(isEncryptedPdf(file('open.pdf', await pdf()))).resolves.toBe(false);
  });

  it('is not fooled by the word in the text', async () => {
    const bytes = Buffer.concat([await pdf(), Buffer.from('\n% /Encrypt in a comment after the end\n')]);
    await expect(isEncryptedPdf(file('comment.pdf', bytes))).resolves.toBe(false);
  });
});
