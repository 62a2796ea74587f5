import { open } from 'node:fs/promises';

const WINDOW = 64 * 1024;

/**
 * Whether a PDF is encrypted, read from the file's structure without parsing it whole: the last trailer names an
 * /Encrypt dictionary, either in the classic `trailer << ... >>` at the end or in the cross-reference stream's own
 * dictionary that `startxref` points to (PDF 1.5 and later). Reads at most two windows of the file, so a 200 MB
 * bijlage costs no more than a small one.
 */
export async function isEncryptedPdf(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const tail = await read(handle, Math.max(0, size - WINDOW), Math.min(size, WINDOW));
    const lastTrailer = tail.lastIndexOf('trailer');
    if (lastTrailer >= 0 && /\/Encrypt\b/.test(dictionaryAt(tail, lastTrailer))) return true;
    const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
    if (!startxref) return false;
    const offset = Number(startxref[1]);
    if (!Number.isSafeInteger(offset) || offset >= size) return false;
    const xref = await read(handle, offset, Math.min(WINDOW, size - offset));
    // A classic table at that offset has its trailer checked above; a stream object carries the entries itself.
    return /^\s*\d+\s+\d+\s+obj/.test(xref) && /\/Encrypt\b/.test(dictionaryAt(xref, 0));
  } finally {
    await handle.close();
  }
}

async function read(handle: import('node:fs/promises').FileHandle, position: number, length: number): Promise<string> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead).toString('latin1');
}

/** The first `<< ... >>` dictionary from `from` on, nested dictionaries included. */
function dictionaryAt(text: string, from: number): string {
  const start = text.indexOf('<<', from);
  if (start < 0) return '';
  let depth = 0;
  for (let i = start; i < text.length - 1; i++) {
    if (text[i] === '<' && text[i + 1] === '<') {
      depth++;
      i++;
    } else if (text[i] === '>' && text[i + 1] === '>') {
      depth--;
      i++;
      if (depth === 0) return text.slice(start, i + 1);
    }
  }
  return text.slice(start);
}
