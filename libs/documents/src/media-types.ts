/**
 * The kinds of file a nota version takes (API.md, Documents), recognised from their bytes, never from the name or
 * the type a browser claims: an executable named `.pdf` is refused.
 */
export const DOCUMENT_TYPES = {
  pdf: { mediaType: 'application/pdf', extensions: ['pdf'] },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
  },
  odt: { mediaType: 'application/vnd.oasis.opendocument.text', extensions: ['odt'] },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  png: { mediaType: 'image/png', extensions: ['png'] },
  jpeg: { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
} as const;
export type DocumentType = keyof typeof DOCUMENT_TYPES;

export const ALLOWED_EXTENSIONS: readonly string[] = Object.values(DOCUMENT_TYPES).flatMap((t) => t.extensions);

const ZIP_LOCAL_HEADER = Buffer.from('PK\x03\x04', 'latin1');
const ODT_MIMETYPE = 'application/vnd.oasis.opendocument.text';

/** What the first bytes of a file say it is, or null for anything not on the list. */
export function sniffDocumentType(head: Buffer): DocumentType | null {
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.subarray(0, 4).equals(ZIP_LOCAL_HEADER)) return sniffZip(head);
  return null;
}

/**
 * Office documents are ZIP archives told apart by their entries: an OpenDocument's first entry is `mimetype`, stored
 * uncompressed with the type as its content; an Office Open XML document has `word/` or `xl/` parts. The local file
 * headers at the start of the archive are enough.
 */
function sniffZip(head: Buffer): DocumentType | null {
  let offset = 0;
  for (let entry = 0; entry < 64 && offset + 30 <= head.length; entry++) {
    if (!head.subarray(offset, offset + 4).equals(ZIP_LOCAL_HEADER)) break;
    const flags = head.readUInt16LE(offset + 6);
    const compressedSize = head.readUInt32LE(offset + 18);
    const nameLength = head.readUInt16LE(offset + 26);
    const extraLength = head.readUInt16LE(offset + 28);
    const name = head.subarray(offset + 30, offset + 30 + nameLength).toString('utf8');
    const data = offset + 30 + nameLength + extraLength;
    if (entry === 0 && name === 'mimetype') {
      return head.subarray(data, data + compressedSize).toString('latin1') === ODT_MIMETYPE ? 'odt' : null;
    }
    if (name.startsWith('word/')) return 'docx';
    if (name.startsWith('xl/')) return 'xlsx';
    // A size written after the data (bit 3) cannot be skipped from the header: look no further.
    if (flags & 0x08) break;
    offset = data + compressedSize;
  }
  return null;
}

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

const MAX_FILE_NAME = 200;

/**
 * A file name as a user gave it, made safe to store and to send back in a Content-Disposition: no path (a name
 * with `../` or `C:\` keeps its last part), no control characters, no leading dots, at most 200 characters with the
 * extension kept. Never empty.
 */
export function safeFileName(given: string | undefined, fallbackExtension: string): string {
  const last = (given ?? '').split(/[/\\]/).pop() ?? '';
  const cleaned = last
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .replace(/\s+/g, ' ');
  const trimmed = cleaned.trim().replace(/^\.+/, '');
  const name = trimmed || `document.${fallbackExtension}`;
  if (name.length <= MAX_FILE_NAME) return name;
  const extension = extensionOf(name);
  const keep = extension ? `.${extension}` : '';
  return name.slice(0, MAX_FILE_NAME - keep.length) + keep;
}
