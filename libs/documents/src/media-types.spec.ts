import { deflateRawSync } from 'node:zlib';
import { safeFileName, sniffDocumentType } from './media-types';

/** A ZIP archive's first local file headers, as an office suite writes them. */
function zip(entries: [name: string, content: string, stored?: boolean][]): Buffer {
  return Buffer.concat(
    entries.flatMap(([name, content, stored]) => {
      const data = stored ? Buffer.from(content) : deflateRawSync(Buffer.from(content));
      const header = Buffer.alloc(30);
      header.write('PK\x03\x04', 0, 'latin1');
      header.writeUInt16LE(stored ? 0 : 8, 8);
      header.writeUInt32LE(data.length, 18);
      header.writeUInt32LE(content.length, 22);
      header.writeUInt16LE(Buffer.byteLength(name), 26);
      return [header, Buffer.from(name), data];
    }),
  );
}

describe(sniffDocumentType.name, () => {
  it.each([
    ['a PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n'), 'pdf'],
    ['a PNG', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), 'png'],
    ['a JPEG', Buffer.from('ffd8ffe000104a464946', 'hex'), 'jpeg'],
    [
      'a DOCX',
      zip([
        ['[Content_Types].xml', '<Types/>'],
        ['_rels/.rels', '<r/>'],
        ['word/document.xml', '<w/>'],
      ]),
      'docx',
    ],
    [
      'an XLSX',
      zip([
        ['[Content_Types].xml', '<Types/>'],
        ['xl/workbook.xml', '<x/>'],
      ]),
      'xlsx',
    ],
    [
      'an ODT',
      zip([
        ['mimetype', 'application/vnd.oasis.opendocument.text', true],
        ['content.xml', '<o/>'],
      ]),
      'odt',
    ],
  ])('recognises %s from its bytes', (_what, head, type) => {
    expect(sniffDocumentType(head)).toBe(type);
  });

  it.each([
    ['an executable', Buffer.from('7f454c46020101000000', 'hex')],
    ['a Windows program', Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1')],
    ['an OpenDocument spreadsheet', zip([['mimetype', 'application/vnd.oasis.opendocument.spreadsheet', true]])],
    ['a plain ZIP', zip([['notes.txt', 'hallo']])],
    ['text', Buffer.from('Dit is geen PDF')],
    ['nothing', Buffer.alloc(0)],
  ])('refuses %s', (_what, head) => {
    expect(sniffDocumentType(head)).toBeNull();
  });
});

describe(safeFileName.name, () => {
  it.each([
    ['Kamerbrief.pdf', 'Kamerbrief.pdf'],
    ['../../etc/passwd.pdf', 'passwd.pdf'],
    ['C:\\Users\\staff\\nota v2.docx', 'nota v2.docx'],
    ['nota\u0000\u001b[31m.pdf', 'nota[31m.pdf'],
    ['  .verborgen.pdf ', 'verborgen.pdf'],
    ['regel\neen\ttwee.pdf', 'regeleentwee.pdf'],
    ['', 'document.pdf'],
    ['../', 'document.pdf'],
  ])('makes %j safe as %j', (given, safe) => {
    expect(safeFileName(given, 'pdf')).toBe(safe);
  });

  it('shortens a long name and keeps its extension', () => {
    const name = safeFileName(`${'a'.repeat(300)}.docx`, 'docx');
    expect(name).toHaveLength(200);
    expect(name.endsWith('.docx')).toBe(true);
  });
});
